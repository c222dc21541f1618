/**
 * `npm run e2e:queue`: this package in n8n 2.40.7 queue mode on one machine. Starts a private PostgreSQL and
 * Redis, the emulator, an n8n main process and workers on them (the package installed into their shared user
 * folder as Community Nodes installs it), then fires a mix of concurrent executions through production webhooks
 * with faults injected, with one worker and with two, checks the invariants against the emulator's ledger and
 * inventory, checks that a Phone Numbers Trigger published on main during the two-worker mix reports every number
 * bought and released once, fires concurrent SIP trunk and route edits on two workers and checks the stored document,
 * kills a worker during a purchase and resumes the purchase on the other, and runs the same mix in regular mode. Prints throughput, p50/p95 execution time and worker memory, then `N passed, N failed`.
 * Everything it started is stopped by PID, also on failure and on SIGINT/SIGTERM.
 *
 * Options (after `npm run e2e:queue --`):
 *   --executions <n>  executions per mix (default 100; CI uses 20)
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator';
import { emulatorCredentials } from './demo/credentials';
import { importCredentials, importWorkflows } from './demo/importFiles';
import { checkCommunityInstall, checkPack } from './e2e/packageInstall';
import { DEMO_OWNER } from './demo/owner';
import { checkBuiltAndN8nInstalled } from './e2e/buildAndInstall';
import { Report } from './e2e/report';
import { N8nCli } from './n8n/cli';
import { localDir } from './n8n/paths';
import { N8nRest } from './n8n/rest';
import { formatSeconds } from './n8n/run';
import { durations, figuresTable, type PhaseFigures } from './queue/figures';
import {
	boundProblems,
	errorMessages,
	inventoryProblems,
	itemProblems,
	outcomeSummary,
	purchaseProblems,
	type ExecutionRecord,
} from './queue/invariants';
import { planMix, prepareEmulator, runMix } from './queue/mix';
import { EXECUTION_BOUND_SECONDS, mixWorkflows } from './queue/mixWorkflows';
import { startPostgres, type RunningPostgres } from './queue/postgres';
import { startRedis } from './queue/redis';
import { sipEditSummary } from './queue/sipEditInvariants';
import { runSipEdits } from './queue/sipEdits';
import {
	armTrigger,
	checkTriggerAfterMix,
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
} from './queue/trigger';
import { checkWorkerCrash } from './queue/workerCrash';
import {
	clusterEnvironment,
	startMain,
	startWorker,
	type ClusterConfig,
	type MainProcess,
	type WorkerProcess,
} from './queue/workers';

const workRoot = path.join(localDir, 'e2e-queue');
const say = (line: string) => console.log(`\x1b[35m[e2e:queue]\x1b[0m ${line}`);
const dim = (line: string) => console.log(`\x1b[2m${line}\x1b[0m`);

function executionsFromArgs(args: readonly string[]): number {
	const index = args.findIndex((arg) => arg === '--executions' || arg.startsWith('--executions='));
	if (index === -1) return 100;
	const value = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1 || count > 1000)
		throw new Error(`--executions needs a whole number from 1 to 1000, got "${value ?? ''}"`);
	return count;
}

async function main(): Promise<number> {
	const started = Date.now();
	const executions = executionsFromArgs(process.argv);
	const report = new Report();
	const cleanups: Array<() => Promise<void>> = [];
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			say(`${signal}: stopping the workers, n8n, Redis, PostgreSQL and the emulator`);
			void runCleanups(cleanups).then(() => process.exit(130));
		});
	}
	const phases: PhaseFigures[] = [];
	const notes: string[] = [];
	try {
		await runAll(report, cleanups, executions, phases, notes);
	} catch (error) {
		report.add({
			name: 'e2e:queue run',
			ok: false,
			ms: 0,
			detail: (error as Error).stack ?? String(error),
		});
	} finally {
		await runCleanups(cleanups);
	}
	if (phases.length > 0) {
		console.log(`\n${figuresTable(phases)}`);
		console.log(
			[
				'',
				...notes,
				`One machine, ${navigator.hardwareConcurrency} cores shared by main, workers, PostgreSQL, Redis and the emulator. Execution = n8n's startedAt..stoppedAt (queue mode: from when a worker took the job); answer = the webhook's answer time, queue wait included. Worker RSS: the worker and its task runner.`,
			].join('\n'),
		);
	}
	say(`finished in ${formatSeconds(Date.now() - started)}`);
	report.printSummary();
	return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

/** Newest first, each once, errors ignored: a cleanup that fails must not keep the others from running. */
async function runCleanups(cleanups: Array<() => Promise<void>>): Promise<void> {
	while (cleanups.length > 0) await cleanups.pop()!().catch(() => undefined);
}

async function runAll(
	report: Report,
	cleanups: Array<() => Promise<void>>,
	executions: number,
	phases: PhaseFigures[],
	notes: string[],
): Promise<void> {
	if (!(await checkBuiltAndN8nInstalled(report, say))) return;
	fs.rmSync(workRoot, { recursive: true, force: true });
	const userFolder = path.join(workRoot, 'user');
	const tarball = await checkPack(report, path.join(workRoot, 'pack'));
	if (!tarball || !(await checkCommunityInstall(report, tarball, userFolder))) return;

	const emulator = await startEmulator({ port: 0 });
	cleanups.push(() => emulator.stop());
	let config: ClusterConfig | undefined;
	await report.check('PostgreSQL and Redis started (private, loopback, free ports)', async () => {
		const postgres = await startPostgres(path.join(workRoot, 'postgres'), say);
		cleanups.push(() => postgres.stop());
		const redis = await startRedis(path.join(workRoot, 'redis'), say);
		cleanups.push(() => redis.stop());
		say(`PostgreSQL on ${postgres.port}, Redis on ${redis.port}, emulator at ${emulator.endpoint}`);
		config = {
			userFolder,
			encryptionKey: randomBytes(24).toString('base64'),
			postgres,
			redis,
			log: dim,
		};
	});
	if (!config) return;
	const cluster = config;
	const cli = new N8nCli(await clusterEnvironment(cluster, 'queue'));
	const imported = await report.check(
		'credentials and the mix workflows imported into PostgreSQL',
		async () => {
			const imports = path.join(workRoot, 'imports');
			await importCredentials(cli, emulatorCredentials(emulator), imports);
			await importWorkflows(cli, [...mixWorkflows(), triggerWorkflow()], imports);
		},
	);
	if (!imported) return;

	const track = <T extends { stop(): Promise<void> }>(process: T): T => {
		cleanups.push(() => process.stop());
		return process;
	};
	let main: MainProcess | undefined;
	const workers: WorkerProcess[] = [];
	const startedQueue = await report.check(
		'n8n main (queue mode) and worker 1 started',
		async () => {
			main = track(await startMain(cluster, 'queue'));
			workers.push(track(await startWorker(cluster, 'worker-1')));
		},
	);
	if (!startedQueue || !main) return;
	const queueMain = main;
	const rest = new N8nRest(queueMain.baseUrl);
	const active = await report.check('owner set up, mix workflows published (REST)', async () => {
		await rest.ensureOwner(DEMO_OWNER);
		await rest.login(DEMO_OWNER.email, DEMO_OWNER.password);
		for (const workflow of mixWorkflows()) await rest.activateWorkflow(workflow.id);
	});
	if (!active) return;
	const mixContext = { emulator, postgres: cluster.postgres, report, executions };
	phases.push(await checkMix({ ...mixContext, label: 'queue, 1 worker', main, workers }));

	const second = await report.check('worker 2 started', async () => {
		workers.push(track(await startWorker(cluster, 'worker-2')));
	});
	if (!second) return;
	phases.push(
		await checkMix({
			...mixContext,
			label: 'queue, 2 workers',
			main,
			workers,
			trigger: { rest, notes },
		}),
	);
	await checkSipEdits({ main, workers, emulator, report, executions, notes });
	await checkWorkerCrash({
		main,
		workers: [workers[0], workers[1]],
		emulator,
		postgres: cluster.postgres,
		report,
		log: say,
	});

	for (const process of [...workers, main]) await process.stop();
	const regular = await report.check(
		'n8n started in regular mode on the same database',
		async () => {
			main = track(await startMain(cluster, 'regular'));
		},
	);
	if (!regular || !main) return;
	phases.push(await checkMix({ ...mixContext, label: 'regular (one process)', main, workers: [] }));
}

async function checkMix(options: {
	label: string;
	main: MainProcess;
	workers: WorkerProcess[];
	emulator: RunningEmulator;
	postgres: RunningPostgres;
	report: Report;
	executions: number;
	/** Publish the Phone Numbers Trigger before the mix and check its events after it. */
	trigger?: { rest: N8nRest; notes: string[] };
}): Promise<PhaseFigures> {
	const { label, main, workers, emulator, postgres, report, executions, trigger } = options;
	let baseline: string[] | undefined;
	const seeded = await prepareEmulator(
		emulator,
		executions,
		trigger &&
			(async () => {
				await report.check(
					`${label}: Phone Numbers Trigger published on main (its first poll is the baseline)`,
					async () => {
						baseline = await armTrigger(trigger.rest, emulator);
					},
				);
			}),
	);
	const plan = planMix(executions, seeded);
	const [{ last }] = await postgres.query<{ last: number }>(
		'select coalesce(max(id), 0) as last from execution_entity',
	);
	const before = workers.map((worker) => worker.startedExecutions.size);
	for (const worker of workers) worker.peakRssKb = 0;
	say(`${label}: ${executions} executions at once`);
	const sampler = setInterval(() => workers.forEach((worker) => worker.sampleMemory()), 1000);
	const run = await runMix(main.baseUrl, plan).finally(() => clearInterval(sampler));
	say(`${label}: ${outcomeSummary(run.outcomes)}`);
	for (const message of errorMessages(run.outcomes)) say(`  error item: ${message}`);
	const faults = await emulator.control.listFaults();
	say(
		`${label}: faults struck ${faults.map((fault) => `${fault.type} ${fault.method ?? '*'} ${fault.path} x${fault.hits}`).join(', ')}`,
	);
	// purchases still in doubt finish on the service's clock; then the ledger is final
	await emulator.control.advanceClock({ minutes: 10 });
	const records = await postgres.query<ExecutionRecord>(
		`select id::text, status, "startedAt", "stoppedAt", "workflowId" from execution_entity where id > ${last} and "workflowId" <> '${TRIGGER_WORKFLOW_ID}' order by id`,
	);
	const ledger = await emulator.control.phoneNumbers.ledger();
	const state = await emulator.control.phoneNumbers.detail();
	const invariant = (name: string, problems: string[]) =>
		report.check(`${label}: ${name}`, () => {
			if (problems.length > 0) throw new Error(problems.slice(0, 20).join('\n'));
		});
	await invariant(
		'every execution answers with results or specific errors',
		itemProblems(run.outcomes),
	);
	await invariant(
		'every purchase agrees with the ledger, none bought twice',
		purchaseProblems(run.outcomes, ledger),
	);
	await invariant(
		'every release and capability update agrees with the inventory',
		inventoryProblems(run.outcomes, state),
	);
	await invariant(
		`every execution recorded and finished within ${EXECUTION_BOUND_SECONDS} s`,
		boundProblems(records, executions, EXECUTION_BOUND_SECONDS),
	);
	if (workers.length > 1)
		await invariant(
			'every worker ran executions',
			workers
				.filter((worker, at) => worker.startedExecutions.size === before[at])
				.map((worker) => `${worker.name} ran none`),
		);
	// counted before the trigger's own executions run
	const perWorker = workers.map((worker, at) => ({
		name: worker.name,
		executions: worker.startedExecutions.size - before[at],
	}));
	if (trigger && baseline) await checkTrigger(label, trigger, baseline, options);
	return {
		label,
		executions,
		wallMs: run.wallMs,
		durationsMs: durations(records),
		answerMs: run.outcomes.map((outcome) => outcome.ms),
		workerRssMb: workers.map((worker) => ({ name: worker.name, mb: worker.peakRssKb / 1024 })),
		perWorker,
	};
}

async function checkTrigger(
	label: string,
	trigger: { rest: N8nRest; notes: string[] },
	baseline: string[],
	{
		emulator,
		report,
		workers,
	}: { emulator: RunningEmulator; report: Report; workers: WorkerProcess[] },
): Promise<void> {
	await emulator.control.clearFaults();
	await report.check(
		`${label}: the Phone Numbers Trigger on main reported every number bought and released during the mix once`,
		async () => {
			const result = await checkTriggerAfterMix(trigger.rest, emulator, baseline);
			const onWorkers = result.executionIds.filter((id) =>
				workers.some((worker) => worker.startedExecutions.has(id)),
			).length;
			const summary = `${result.summary}; ${onWorkers} of its ${result.executionIds.length} executions ran on workers`;
			say(summary);
			trigger.notes.push(summary);
			if (result.problems.length > 0) throw new Error(result.problems.slice(0, 20).join('\n'));
		},
	);
}

async function checkSipEdits(options: {
	main: MainProcess;
	workers: WorkerProcess[];
	emulator: RunningEmulator;
	report: Report;
	executions: number;
	notes: string[];
}): Promise<void> {
	const { main, workers, emulator, report, executions, notes } = options;
	const label = `queue, ${workers.length} workers, ${executions} SIP trunk and route edits at once`;
	const before = workers.map((worker) => worker.startedExecutions.size);
	await report.check(
		`${label}: every edit that reported success is stored; every edit not stored failed naming exactly it`,
		async () => {
			const run = await runSipEdits(main.baseUrl, emulator, executions);
			const summary = `SIP edits (${workers.length} workers): ${sipEditSummary(run.figures)}; wall ${formatSeconds(run.wallMs)}`;
			say(summary);
			notes.push(summary);
			for (const message of errorMessages(run.outcomes)) say(`  error item: ${message}`);
			const idle = workers.filter((worker, at) => worker.startedExecutions.size === before[at]);
			const problems = [
				...itemProblems(run.outcomes),
				...run.problems,
				...idle.map((worker) => `${worker.name} ran none of the edits`),
			];
			if (problems.length > 0) throw new Error(problems.slice(0, 20).join('\n'));
		},
	);
}

main().then((code) => process.exit(code));
