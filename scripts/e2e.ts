/**
 * `npm run e2e`: this package in a real n8n 2.40.7, end to end. Builds, installs n8n once, packs the package
 * and installs the tarball three ways (laid out as Community Nodes does, with a manual `npm install`, and through
 * n8n's own Community Nodes flow from a local registry, which must then list it), runs `npm start`
 * twice as a user would (other ports, its own state folder), starts the emulator, imports credentials and
 * every workflow of demo/workflows and test/e2e/workflows, executes each with `n8n execute` (once per
 * credential kind) and checks outputs and the emulator's state; then starts n8n, tests both credentials
 * through the REST API the Test button uses, publishes a workflow with both polling triggers (and the demo
 * workflows a trigger starts) and checks what their real minute polls emit while the emulator changes (about
 * 3 minutes), and checks the editor in headless chromium (with "Fetch Test Event" of both triggers). Ends with
 * `N passed, N failed`.
 *
 * Options (after `npm run e2e --`):
 *   --update-screenshots  copy the editor screenshots into docs/screenshots/ (the README's, tracked in git).
 *                         Without it they are only saved to .local/e2e/screenshots/, so CI clones stay clean.
 *   --only=<text>         run only the workflows whose id or name contains the text
 *   --skip-editor         skip the chromium checks
 *   --skip-start          skip the two `npm start` runs
 *   --start-only          build, check the n8n install, run the two `npm start` runs, and stop there
 *   --editor-only         build, check the n8n install, import the credentials and run only the chromium checks
 *                         (no unit tests, `npm start` runs, workflow runs or credential tests)
 *   --install-only        build, pack, install the tarball as Community Nodes does and as the README's manual
 *                         `npm install` does (n8n started on the latter), install it through n8n's own
 *                         Community Nodes flow from a local registry (n8n must list it), and stop there
 *   --n8n-version <x.y.z> run in that n8n instead of 2.40.7 (installed once into .local/n8n-<x.y.z>)
 *   --per-node            only the per-node workflows (test/e2e/workflows/phone-numbers-*, sip-routing-*) and the
 *                         credential tests; no script unit tests, `npm start` runs or editor checks
 *   --triggers-only       build, install, import the credentials and run only the trigger checks: a workflow with both
 *                         polling triggers published (Poll Times "Every Minute", about 3 minutes of real polls: baseline,
 *                         changes reported once, a failing poll and the one after it), the node creator's trigger
 *                         searches and "Fetch Test Event" in chromium (with --skip-editor: no chromium)
 *
 * Workflows that only one of our polling triggers starts are not run with `n8n execute`: the trigger checks cover
 * the triggers, in a published workflow.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator';
import { emulatorCredentials } from './demo/credentials';
import { importCredentials, readWorkflowFileNames, readWorkflowFiles } from './demo/importFiles';
import { DEMO_OWNER } from './demo/owner';
import { checkListedAsCommunityPackage } from './e2e/communityNodesListing';
import { checkCredentialTests, WRONG_KEY_CREDENTIAL } from './e2e/credentialChecks';
import { checkEditor } from './e2e/editor';
import { copyScreenshots } from './e2e/screenshots';
import {
	assertLoadedAsPackage,
	checkCommunityInstall,
	checkManualInstall,
	checkPack,
} from './e2e/packageInstall';
import { checkNpmStart, stateDirMarker } from './e2e/startChecks';
import { killProcessesWithEnv } from './e2e/startProcess';
import { checkBuiltAndN8nInstalled } from './e2e/buildAndInstall';
import { Report } from './e2e/report';
import { prepareTestEventWorkflows, type TestEventWorkflow } from './e2e/triggers/fetchTestEvent';
import { checkTriggers } from './e2e/triggers/triggerChecks';
import { runUnitTests } from './e2e/unitTests';
import { nodesToExecute, startedByPollingTrigger } from './demo/workflows';
import { planRuns, runWorkflows, type PlannedRun } from './e2e/workflowRuns';
import { ensureChromium, launchChromium } from './n8n/browser';
import { N8nCli } from './n8n/cli';
import { n8nEnvironment } from './n8n/environment';
import { DEFAULT_N8N_VERSION, localDir, N8N_VERSION, paths } from './n8n/paths';
import { freePort } from './n8n/ports';
import { formatSeconds } from './n8n/run';
import { N8nRest } from './n8n/rest';
import { startN8nServer, type N8nServer } from './n8n/server';

const workRoot = path.join(
	localDir,
	N8N_VERSION === DEFAULT_N8N_VERSION ? 'e2e' : `e2e-${N8N_VERSION}`,
);
const only = process.argv
	.find((arg) => arg.startsWith('--only='))
	?.slice('--only='.length)
	.toLowerCase();
const perNode = process.argv.includes('--per-node');
const skipEditor = perNode || process.argv.includes('--skip-editor');
const skipStart = perNode || process.argv.includes('--skip-start');
const startOnly = process.argv.includes('--start-only');
const editorOnly = process.argv.includes('--editor-only');
const triggersOnly = process.argv.includes('--triggers-only');
const installOnly = process.argv.includes('--install-only');
const updateScreenshots = process.argv.includes('--update-screenshots');
const say = (line: string) => console.log(`\x1b[36m[e2e]\x1b[0m ${line}`);

async function main(): Promise<number> {
	const started = Date.now();
	const report = new Report();
	const cleanups: Array<() => Promise<void>> = [];
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			say(`${signal}: stopping n8n, chromium and the emulator`);
			void Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup())).then(() =>
				process.exit(130),
			);
		});
	}
	try {
		await runAll(report, cleanups);
	} catch (error) {
		report.add({
			name: 'e2e run',
			ok: false,
			ms: 0,
			detail: (error as Error).stack ?? String(error),
		});
	} finally {
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	}
	say(`finished in ${formatSeconds(Date.now() - started)}`);
	report.printSummary();
	return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

async function runAll(report: Report, cleanups: Array<() => Promise<void>>): Promise<void> {
	if (!editorOnly && !perNode && !triggersOnly) await runUnitTests(report);
	if (!(await checkBuiltAndN8nInstalled(report, say))) return;

	fs.rmSync(workRoot, { recursive: true, force: true });
	const userFolder = path.join(workRoot, 'user');
	if (!startOnly) {
		const tarball = await checkPack(report, path.join(workRoot, 'pack'));
		if (!tarball || !(await checkCommunityInstall(report, tarball, userFolder))) return;
		if (!editorOnly && !perNode && !triggersOnly) {
			await checkManualInstall(report, tarball, path.join(workRoot, 'manual-install-user'));
			await checkListedAsCommunityPackage(
				report,
				tarball,
				path.join(workRoot, 'community-listing-user'),
			);
		}
		if (installOnly) return;
	}
	if ((!skipStart || startOnly) && !editorOnly && !triggersOnly) {
		const stateDir = path.join(workRoot, 'npm-start');
		cleanups.push(async () => void killProcessesWithEnv(stateDirMarker(stateDir)));
		await checkNpmStart(report, stateDir, (line) =>
			console.log(`\x1b[2m[npm start]\x1b[0m ${line}`),
		);
	}
	if (startOnly) return;

	const emulator = await startEmulator({ port: 0 });
	cleanups.push(() => emulator.stop());
	say(`emulator at ${emulator.endpoint}`);

	const [n8nPort, brokerPort] = [await freePort(), await freePort()];
	const env = n8nEnvironment({
		userFolder,
		port: n8nPort,
		runnerBrokerPort: brokerPort,
		// `n8n execute --rawOutput` prints the run data through its logger at level info
		logLevel: 'info',
	});
	const cli = new N8nCli(env);
	const imported = await report.check('import credentials (n8n import:credentials)', () =>
		importCredentials(cli, credentialsFor(emulator), path.join(workRoot, 'imports')),
	);
	if (!imported) return;

	const perNodeIds = new Set(perNodeWorkflowIds());
	const workflows =
		editorOnly || triggersOnly
			? []
			: [
					...readWorkflowFiles(paths.demoWorkflowsDir),
					...readWorkflowFiles(paths.e2eWorkflowsDir),
				].filter(
					(workflow) =>
						(!only || `${workflow.id} ${workflow.name}`.toLowerCase().includes(only)) &&
						(!perNode || perNodeIds.has(workflow.id)),
				);
	const runs = planRuns(workflows, { ACS_ENDPOINT: emulator.endpoint });
	say(`${workflows.length} workflows, ${runs.length} runs`);
	await runWorkflows({ cli, emulator, runs, report, workDir: path.join(workRoot, 'imports') });

	const server = await startServer({ ...env, N8N_LOG_LEVEL: 'warn' }, n8nPort, report);
	if (!server) return;
	cleanups.push(() => server.stop());
	await emulator.control.reset();
	const rest = new N8nRest(server.baseUrl);
	const ready = await report.check('owner set up and logged in (REST)', async () => {
		await rest.ensureOwner(DEMO_OWNER);
		await rest.login(DEMO_OWNER.email, DEMO_OWNER.password);
	});
	if (ready) {
		await report.check(
			'n8n loaded the community install: node types carry the package name (REST /types)',
			() => assertLoadedAsPackage(rest),
		);
		if (!editorOnly && !triggersOnly) await checkCredentialTests(rest, emulator, report);
		if (!editorOnly && !perNode && !only)
			await checkTriggers({
				rest,
				emulator,
				report,
				demos: readWorkflowFiles(paths.demoWorkflowsDir).filter(startedByPollingTrigger),
			});
	}
	if (skipEditor) return;
	const testEventWorkflows = ready
		? await prepareTestEventWorkflows(rest, emulator).catch((error: Error) => {
				report.add({
					name: 'editor: workflows for "Fetch Test Event" saved (REST)',
					ok: false,
					ms: 0,
					detail: error.message,
				});
				return [];
			})
		: [];
	await checkEditorInBrowser(server, emulator, runs, report, cleanups, testEventWorkflows);
}

/** One workflow per node of ours, covering its resources: test/e2e/workflows/phone-numbers-*.json and sip-routing-*.json. */
function perNodeWorkflowIds(): string[] {
	return readWorkflowFileNames(paths.e2eWorkflowsDir)
		.filter(({ file }) => /^(phone-numbers|sip-routing)-/.test(file))
		.map(({ id }) => id);
}

function credentialsFor(emulator: RunningEmulator) {
	const wrongKey = `endpoint=${emulator.endpoint};accesskey=${randomBytes(32).toString('base64')}`;
	return [
		...emulatorCredentials(emulator),
		{
			...WRONG_KEY_CREDENTIAL,
			data: { connectionStringSecret: wrongKey, allowCustomEndpoint: true },
		},
	];
}

async function startServer(
	env: NodeJS.ProcessEnv,
	port: number,
	report: Report,
): Promise<N8nServer | undefined> {
	let server: N8nServer | undefined;
	await report.check('n8n start (editor and REST API)', async () => {
		server = await startN8nServer({
			env,
			port,
			onLogLine: (line) => console.log(`\x1b[2m[n8n]\x1b[0m ${line}`),
		});
	});
	return server;
}

async function checkEditorInBrowser(
	server: N8nServer,
	emulator: RunningEmulator,
	runs: PlannedRun[],
	report: Report,
	cleanups: Array<() => Promise<void>>,
	testEventWorkflows: TestEventWorkflow[],
): Promise<void> {
	const chromiumReady = await report.check(
		'chromium available (apt-get install when missing)',
		() => ensureChromium(say),
	);
	if (!chromiumReady) return;
	const browser = await launchChromium();
	cleanups.push(() => browser.close());
	const page = await browser.context.newPage();
	const demoFiles = new Map(
		readWorkflowFileNames(paths.demoWorkflowsDir).map(({ id, file }) => [id, file]),
	);
	const demoShots = runs
		.filter((run) => run.kind === 'connectionString' && demoFiles.has(run.baseId))
		.map((run) => ({
			id: run.workflow.id,
			file: `demo-${demoFiles.get(run.baseId)}`,
			executeNodes: nodesToExecute(run.workflow),
		}));
	await checkEditor({
		page,
		baseUrl: server.baseUrl,
		owner: DEMO_OWNER,
		emulator,
		report,
		screenshotsDir: paths.e2eScreenshotsDir,
		failureShotsDir: path.join(workRoot, 'failures'),
		workflowShots: demoShots,
		testEventWorkflows,
		triggersOnly,
	});
	if (!updateScreenshots) {
		say(
			`screenshots saved in ${path.relative(process.cwd(), paths.e2eScreenshotsDir)} (--update-screenshots copies them to docs/screenshots)`,
		);
		return;
	}
	const editorFailures = report.results.filter(
		(result) => !result.ok && result.name.startsWith('editor:'),
	);
	await report.check(
		`screenshots copied to ${path.relative(process.cwd(), paths.screenshotsDir)} (--update-screenshots)`,
		() => {
			if (editorFailures.length > 0)
				throw new Error(`not copied: ${editorFailures.length} editor checks failed`);
			const copied = copyScreenshots(paths.e2eScreenshotsDir, paths.screenshotsDir);
			say(`copied ${copied.length} screenshots`);
		},
	);
}

main().then((code) => process.exit(code));
