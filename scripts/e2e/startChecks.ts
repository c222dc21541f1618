import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';
import { CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL } from '../demo/credentials';
import { readWorkflowFiles } from '../demo/importFiles';
import { START_ENV } from '../demo/startConfig';
import { readStartSettings } from '../demo/startSettings';
import { INSTALLING_MESSAGES, REUSED_MESSAGE } from '../n8n/install';
import { assertPortFree, freePort } from '../n8n/ports';
import { paths } from '../n8n/paths';
import { N8nRest } from '../n8n/rest';
import type { Report } from './report';
import { killProcessesWithEnv, processesWithEnv, StartProcess } from './startProcess';

const READY_TIMEOUT_MS = 300_000;
/** n8n's own graceful shutdown (10 s) plus the emulator's, with room for a busy machine. */
const STOP_BOUND_MS = 45_000;
const WELCOME =
	/Editor:\s+(http:\/\/\S+?)\/?\s*\n\s*Log in:\s+(\S+) \/ (\S+)[^\n]*\n\s*Emulator:\s+(http:\/\/\S+)/;

interface Welcome {
	editorUrl: string;
	email: string;
	password: string;
	emulatorEndpoint: string;
}

/**
 * `npm start` twice, as a user would, on free ports with a state folder of its own (the n8n install in
 * .local/n8n is shared): the printed login works, a number bought on the emulator survives the restart,
 * Ctrl-C stops everything, and the second start neither reinstalls n8n nor imports the demo twice.
 */
export async function checkNpmStart(
	report: Report,
	stateDir: string,
	echo: (line: string) => void,
): Promise<void> {
	fs.rmSync(stateDir, { recursive: true, force: true });
	const ports = {
		[START_ENV.n8nPort]: await freePort(),
		[START_ENV.runnerBrokerPort]: await freePort(),
		[START_ENV.emulatorPort]: await freePort(),
		[START_ENV.tokenIssuerPort]: await freePort(),
	};
	const env = {
		...process.env,
		...mapValues(ports, String),
		[START_ENV.stateDir]: stateDir,
		DEMO_VERBOSE: '0',
	};
	const marker = stateDirMarker(stateDir);
	const installedAt = fs.statSync(paths.n8nInstallMarker).mtimeMs;
	const context = { env, report, echo, marker, installedAt };

	let bought: string | undefined;
	const first = await startAndCheck('1st', context, async (welcome, rest) => {
		await report.check(
			'npm start (1st): buy a toll-free number on the emulator (SDK, signed with the demo key)',
			async () => {
				bought = await buyNumber(welcome.emulatorEndpoint, stateDir);
			},
		);
		await report.check(
			'npm start (1st): the emulator credential passes its test in n8n (REST)',
			async () => {
				const result = await rest.testCredential(CONNECTION_STRING_CREDENTIAL.id);
				assert.equal(result.status, 'OK', JSON.stringify(result));
			},
		);
	});
	if (!first) return;
	await stopAndCheck('1st', first, ports, marker, report);

	const second = await startAndCheck('2nd', context, async (welcome, rest, child) => {
		await report.check(
			'npm start (2nd): the number bought in the 1st run is still there (emulator state kept)',
			async () => {
				assert.ok(bought, 'the 1st run bought no number');
				const numbers = await listPurchased(welcome.emulatorEndpoint, stateDir);
				assert.ok(
					numbers.includes(bought),
					`${bought} not among ${numbers.length} purchased numbers: ${numbers.slice(0, 10).join(', ')}`,
				);
			},
		);
		await report.check(
			'npm start (2nd): demo workflows and credentials not imported twice (REST lists)',
			async () => {
				assert.ok(
					!/Importing demo workflows/.test(child.output),
					'the 2nd start imported demo workflows again',
				);
				await assertDemoOnce(rest);
			},
		);
	});
	if (!second) return;
	await stopAndCheck('2nd', second, ports, marker, report);
}

interface RunContext {
	env: NodeJS.ProcessEnv;
	report: Report;
	echo: (line: string) => void;
	/** `DEMO_STATE_DIR=<dir>`, in the environment of every process of these runs. */
	marker: string;
	/** mtime of .local/n8n/install-complete.json before the runs. */
	installedAt: number;
}

async function startAndCheck(
	label: string,
	{ env, report, echo, marker, installedAt }: RunContext,
	more: (welcome: Welcome, rest: N8nRest, child: StartProcess) => Promise<void>,
): Promise<StartProcess | undefined> {
	const started = Date.now();
	const child = new StartProcess(env, echo);
	let welcome: Welcome | undefined;
	const ready = await report.check(
		`npm start (${label}): prints the editor URL and how to log in`,
		async () => {
			const match = await child.waitFor(WELCOME, READY_TIMEOUT_MS);
			welcome = {
				editorUrl: match[1],
				email: match[2],
				password: match[3],
				emulatorEndpoint: match[4],
			};
			assert.equal(
				new URL(welcome.editorUrl).port,
				env[START_ENV.n8nPort],
				'the editor URL is not on the requested port',
			);
			assert.equal(
				new URL(welcome.emulatorEndpoint).port,
				env[START_ENV.emulatorPort],
				'the emulator is not on the requested port',
			);
			echo(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
		},
	);
	if (!ready || !welcome) {
		await stopAfterFailure(child, marker, echo);
		return undefined;
	}
	await report.check(
		`npm start (${label}): n8n reused from .local/n8n, not reinstalled (log, install marker)`,
		() => {
			assert.ok(child.output.includes(REUSED_MESSAGE), `no "${REUSED_MESSAGE}" line in the log`);
			for (const message of INSTALLING_MESSAGES)
				assert.ok(!child.output.includes(message), `the log says "${message}"`);
			assert.equal(
				fs.statSync(paths.n8nInstallMarker).mtimeMs,
				installedAt,
				'the install marker was rewritten',
			);
		},
	);
	const rest = new N8nRest(welcome.editorUrl.replace(/\/$/, ''));
	const loggedIn = await report.check(
		`npm start (${label}): the printed login works (REST /rest/login)`,
		() => rest.login(welcome!.email, welcome!.password),
	);
	if (loggedIn && label === '1st') {
		await report.check(
			'npm start (1st): emulator credentials and the demo workflows are in n8n (REST lists)',
			() => assertDemoOnce(rest),
		);
	}
	if (loggedIn) await more(welcome, rest, child);
	return child;
}

async function stopAndCheck(
	label: string,
	child: StartProcess,
	ports: Record<string, number>,
	marker: string,
	report: Report,
): Promise<void> {
	const stopped = await report.check(
		`npm start (${label}): Ctrl-C (SIGINT) exits 0 within ${STOP_BOUND_MS / 1000} s`,
		async () => {
			const outcome = await child.interrupt(STOP_BOUND_MS);
			if (!outcome)
				throw new Error(`still running ${STOP_BOUND_MS / 1000} s after SIGINT:\n${child.tail()}`);
			assert.equal(outcome.code, 0, `exit code ${outcome.code}:\n${child.tail()}`);
			assert.match(child.output, /Stopped\. The emulator state is kept in /);
		},
	);
	await report.check(
		`npm start (${label}): nothing left listening or running (${Object.values(ports).join(', ')})`,
		async () => {
			for (const [name, port] of Object.entries(ports)) await assertPortFree(port, name);
			const left = processesWithEnv(marker);
			assert.deepEqual(left, [], `processes of this npm start still running: ${left.join(', ')}`);
		},
	);
	if (!stopped) await stopAfterFailure(child, marker, () => undefined);
}

async function stopAfterFailure(
	child: StartProcess,
	marker: string,
	echo: (line: string) => void,
): Promise<void> {
	if (!(await child.interrupt(STOP_BOUND_MS))) child.signal('SIGKILL');
	const killed = killProcessesWithEnv(marker);
	if (killed.length > 0) echo(`killed leftover processes of this npm start: ${killed.join(', ')}`);
}

async function assertDemoOnce(rest: N8nRest): Promise<void> {
	const workflows = await rest.json<Array<{ id: string; name: string }>>('GET', '/rest/workflows');
	for (const demo of readWorkflowFiles(paths.demoWorkflowsDir)) {
		const copies = workflows.filter((workflow) => workflow.name === demo.name);
		assert.equal(copies.length, 1, `"${demo.name}" is in n8n ${copies.length} times`);
		assert.equal(
			copies[0].id,
			demo.id,
			`"${demo.name}" has id ${copies[0].id}, expected ${demo.id}`,
		);
	}
	const credentials = await rest.json<Array<{ id: string; name: string }>>(
		'GET',
		'/rest/credentials',
	);
	for (const expected of [CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL]) {
		const copies = credentials.filter((credential) => credential.name === expected.name);
		assert.equal(
			copies.length,
			1,
			`credential "${expected.name}" is in n8n ${copies.length} times`,
		);
	}
}

function phoneNumbersClient(endpoint: string, stateDir: string): PhoneNumbersClient {
	const settings = readStartSettings(path.join(stateDir, 'start-settings.json'));
	if (!settings) throw new Error(`no start-settings.json in ${stateDir}`);
	const connectionString = `endpoint=${endpoint};accesskey=${settings.accessKey}`;
	// the emulator speaks plain http on loopback
	return new PhoneNumbersClient(connectionString, { allowInsecureConnection: true });
}

async function buyNumber(endpoint: string, stateDir: string): Promise<string> {
	const client = phoneNumbersClient(endpoint, stateDir);
	const poll = { updateIntervalInMs: 250 } as never;
	const search = await client.beginSearchAvailablePhoneNumbers(
		{
			countryCode: 'US',
			phoneNumberType: 'tollFree',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'inbound+outbound' },
			quantity: 1,
		},
		poll,
	);
	const result = await search.pollUntilDone();
	assert.equal(
		result.phoneNumbers.length,
		1,
		`search found ${JSON.stringify(result.phoneNumbers)}`,
	);
	await (await client.beginPurchasePhoneNumbers(result.searchId, poll)).pollUntilDone();
	const owned = await listPurchased(endpoint, stateDir);
	assert.ok(
		owned.includes(result.phoneNumbers[0]),
		`${result.phoneNumbers[0]} is not listed after the purchase`,
	);
	return result.phoneNumbers[0];
}

async function listPurchased(endpoint: string, stateDir: string): Promise<string[]> {
	const numbers: string[] = [];
	for await (const number of phoneNumbersClient(endpoint, stateDir).listPurchasedPhoneNumbers())
		numbers.push(number.phoneNumber);
	return numbers;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
	return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** In the environment of every process of an `npm start` run with this state folder. */
export function stateDirMarker(stateDir: string): string {
	return `${START_ENV.stateDir}=${stateDir}`;
}
