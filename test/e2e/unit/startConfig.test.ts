import * as path from 'node:path';
import { startConfig } from '../../../scripts/demo/startConfig';
import { localDir } from '../../../scripts/n8n/paths';

describe('startConfig (npm start ports and state folder)', () => {
	it('keeps the documented defaults without DEMO_* variables', () => {
		const config = startConfig({});
		expect(config).toMatchObject({
			n8nPort: 5678,
			runnerBrokerPort: 5679,
			emulatorPort: 4600,
			tokenIssuerPort: 4601,
			stateDir: localDir,
		});
		expect(config.emulatorState).toBe(path.join(localDir, 'emulator-state.json'));
		expect(config.userFolder).toBe(path.join(localDir, 'n8n-user'));
		expect(config.extensionsDir).toBe(path.join(localDir, 'n8n-custom'));
		expect(config.settingsFile).toBe(path.join(localDir, 'start-settings.json'));
	});

	it('takes ports and a state folder (relative to the working directory) from the environment', () => {
		const config = startConfig(
			{
				DEMO_N8N_PORT: '6100',
				DEMO_RUNNER_BROKER_PORT: '6101',
				DEMO_EMULATOR_PORT: '6102',
				DEMO_TOKEN_ISSUER_PORT: '6103',
				DEMO_STATE_DIR: 'tmp/state',
			},
			'/work/x',
		);
		expect(config).toMatchObject({
			n8nPort: 6100,
			runnerBrokerPort: 6101,
			emulatorPort: 6102,
			tokenIssuerPort: 6103,
			stateDir: '/work/x/tmp/state',
		});
		expect(config.emulatorState).toBe('/work/x/tmp/state/emulator-state.json');
		expect(config.userFolder).toBe('/work/x/tmp/state/n8n-user');
	});

	it.each(['abc', '0', '70000', '80.5'])('refuses the port %s', (value) => {
		expect(() => startConfig({ DEMO_EMULATOR_PORT: value })).toThrow(
			/DEMO_EMULATOR_PORT.*not a port/,
		);
	});

	it('refuses two services on one port', () => {
		expect(() => startConfig({ DEMO_EMULATOR_PORT: '5678' })).toThrow(/must differ/);
	});
});
