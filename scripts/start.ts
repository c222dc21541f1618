/**
 * `npm start`: the whole demo in one command. Builds the package, installs n8n 2.40.7 once, starts the ACS
 * emulator (state kept in .local/emulator-state.json) and a real n8n with this package loaded, imports
 * credentials for the emulator and the demo workflows, and prints how to log in. Ctrl-C stops everything.
 * Ports and the state folder can be moved with DEMO_* environment variables: see scripts/demo/startConfig.ts.
 */
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator';
import { emulatorCredentials } from './demo/credentials';
import { importCredentials, importWorkflows, readWorkflowFiles } from './demo/importFiles';
import { DEMO_OWNER } from './demo/owner';
import { startConfig } from './demo/startConfig';
import { loadOrCreateStartSettings } from './demo/startSettings';
import { N8nCli } from './n8n/cli';
import { n8nEnvironment } from './n8n/environment';
import { buildPackage, installDevCopy, missingBuildOutputs } from './n8n/extension';
import { ensureN8nInstalled } from './n8n/install';
import { N8N_VERSION, paths } from './n8n/paths';
import { assertPortFree } from './n8n/ports';
import { formatSeconds } from './n8n/run';
import { N8nRest } from './n8n/rest';
import { startN8nServer, type N8nServer } from './n8n/server';

const say = (line: string) => console.log(`\x1b[36m[start]\x1b[0m ${line}`);
const showN8nLine = (line: string) => console.log(`\x1b[2m[n8n]\x1b[0m ${line}`);

async function main(): Promise<void> {
	const started = Date.now();
	const config = startConfig(process.env);
	await assertPortFree(config.n8nPort, 'n8n');
	await assertPortFree(config.runnerBrokerPort, "n8n's task runner broker");
	await assertPortFree(config.emulatorPort, 'emulator');
	await assertPortFree(config.tokenIssuerPort, 'emulator token issuer');

	say('Building the package (npm run build)...');
	const build = await buildPackage();
	if (!build.ok)
		say(`The build failed; n8n starts with the last good dist/ if there is one:\n${build.detail}`);
	const missing = missingBuildOutputs();
	if (missing.length > 0) say(`Not built yet, so not in n8n: ${missing.join(', ')}`);

	await ensureN8nInstalled({ log: say });

	const settings = loadOrCreateStartSettings(config.settingsFile);
	const emulator = await startEmulator({
		port: config.emulatorPort,
		tokenIssuerPort: config.tokenIssuerPort,
		accessKey: settings.accessKey,
		clientSecret: settings.clientSecret,
		statePath: config.emulatorState,
	});
	const statePath = path.relative(process.cwd(), config.emulatorState) || config.emulatorState;
	const stops: Array<() => Promise<void>> = [() => emulator.stop()];
	let server: N8nServer | undefined;
	let stopping = false;
	const stopAll = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('Stopping n8n and the emulator...');
		if (server) await server.stop();
		for (const stop of stops) await stop().catch(() => undefined);
		say(`Stopped. The emulator state is kept in ${statePath}.`);
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stopAll(0));
	say(`Emulator listening at ${emulator.endpoint} (state: ${statePath})`);

	try {
		installDevCopy(config.userFolder);
		const env = n8nEnvironment({
			userFolder: config.userFolder,
			port: config.n8nPort,
			runnerBrokerPort: config.runnerBrokerPort,
		});
		await importDemo(new N8nCli(env), emulator, path.join(config.userFolder, 'imports'));

		say(`Starting n8n ${N8N_VERSION}...`);
		server = await startN8nServer({
			env,
			port: config.n8nPort,
			onLogLine: showN8nLine,
			showAll: process.env.DEMO_VERBOSE === '1',
		});
		void server.exited.then((code) => {
			if (!stopping) {
				say(`n8n exited unexpectedly (code ${code}).`);
				void stopAll(1);
			}
		});
		const owner = await new N8nRest(server.baseUrl).ensureOwner(DEMO_OWNER);
		printWelcome(server, emulator, owner, Date.now() - started);
	} catch (error) {
		say(`Could not start: ${(error as Error).message}`);
		await stopAll(1);
	}
}

async function importDemo(cli: N8nCli, emulator: RunningEmulator, workDir: string): Promise<void> {
	say('Importing the emulator credentials (connection string and Entra ID)...');
	await importCredentials(cli, emulatorCredentials(emulator), workDir);
	const existing = await cli.listWorkflowIds();
	const demos = readWorkflowFiles(paths.demoWorkflowsDir).filter(
		(workflow) => !existing.has(workflow.id),
	);
	if (demos.length > 0)
		say(`Importing demo workflows: ${demos.map((workflow) => `"${workflow.name}"`).join(', ')}`);
	await importWorkflows(cli, demos, workDir);
}

function printWelcome(
	server: N8nServer,
	emulator: RunningEmulator,
	owner: 'created' | 'existing',
	elapsedMs: number,
): void {
	const lines = [
		'',
		`n8n ${N8N_VERSION} with the Azure Communication Services nodes is ready (${formatSeconds(elapsedMs)}).`,
		'',
		`  Editor:    ${server.baseUrl}/`,
		`  Log in:    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${owner === 'existing' ? '  (unless you changed it)' : ''}`,
		`  Emulator:  ${emulator.endpoint}  (control API: ${emulator.endpoint}_emulator/info)`,
		'  Credentials "ACS emulator (connection string)" and "ACS emulator (Entra ID)" point at the emulator;',
		'  the demo workflows are under Overview. Press Ctrl-C to stop.',
		'',
	];
	if (server.hiddenOfflineLines() > 0) {
		lines.push(
			`  (${server.hiddenOfflineLines()} lines of n8n's harmless offline fetch errors were hidden.)`,
			'',
		);
	}
	console.log(lines.join('\n'));
}

main().catch((error: Error) => {
	say(`Failed: ${error.message}`);
	process.exit(1);
});
