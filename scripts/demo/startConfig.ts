import * as path from 'node:path';
import { localDir } from '../n8n/paths';

/**
 * Where `npm start` listens and keeps its state. Defaults: n8n on 5678 (task runner broker 5679), the emulator
 * on 4600, its token issuer on 4601, state in .local/. Each can be moved with an environment variable
 * (`npm run e2e` runs `npm start` on other ports with a temporary state folder):
 *   DEMO_N8N_PORT, DEMO_RUNNER_BROKER_PORT, DEMO_EMULATOR_PORT, DEMO_TOKEN_ISSUER_PORT, DEMO_STATE_DIR.
 * The n8n install itself (.local/n8n) is shared, whatever the state folder. Pure.
 */
export interface StartConfig {
	n8nPort: number;
	runnerBrokerPort: number;
	emulatorPort: number;
	tokenIssuerPort: number;
	stateDir: string;
	/** n8n's user folder (its database, encryption key and settings). */
	userFolder: string;
	/** Where this package is laid out for N8N_CUSTOM_EXTENSIONS. */
	extensionsDir: string;
	emulatorState: string;
	/** The emulator's access key and Entra client secret, kept across starts. */
	settingsFile: string;
}

export const START_ENV = {
	n8nPort: 'DEMO_N8N_PORT',
	runnerBrokerPort: 'DEMO_RUNNER_BROKER_PORT',
	emulatorPort: 'DEMO_EMULATOR_PORT',
	tokenIssuerPort: 'DEMO_TOKEN_ISSUER_PORT',
	stateDir: 'DEMO_STATE_DIR',
} as const;

const DEFAULT_PORTS = {
	n8nPort: 5678,
	runnerBrokerPort: 5679,
	emulatorPort: 4600,
	tokenIssuerPort: 4601,
};

export function startConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): StartConfig {
	const port = (key: keyof typeof DEFAULT_PORTS): number => {
		const raw = env[START_ENV[key]]?.trim();
		if (!raw) return DEFAULT_PORTS[key];
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 1 || value > 65535) {
			throw new Error(`${START_ENV[key]}=${raw} is not a port (1-65535)`);
		}
		return value;
	};
	const ports = {
		n8nPort: port('n8nPort'),
		runnerBrokerPort: port('runnerBrokerPort'),
		emulatorPort: port('emulatorPort'),
		tokenIssuerPort: port('tokenIssuerPort'),
	};
	const distinct = new Set(Object.values(ports));
	if (distinct.size !== 4) throw new Error(`the four ports must differ: ${JSON.stringify(ports)}`);
	const stateDirSetting = env[START_ENV.stateDir]?.trim();
	const stateDir = stateDirSetting ? path.resolve(cwd, stateDirSetting) : localDir;
	return {
		...ports,
		stateDir,
		userFolder: path.join(stateDir, 'n8n-user'),
		extensionsDir: path.join(stateDir, 'n8n-custom'),
		emulatorState: path.join(stateDir, 'emulator-state.json'),
		settingsFile: path.join(stateDir, 'start-settings.json'),
	};
}
