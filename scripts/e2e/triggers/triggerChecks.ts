/**
 * The polling triggers in a running n8n, against the emulator: a workflow with both triggers is published through the
 * REST API the editor uses, with Poll Times "Every Minute". The first polls record the baseline; the changes made
 * before the next poll must come out of it as exactly the expected events; a poll that fails (503 on its list call)
 * emits nothing, and the poll after it reports the changes made before and after the failure, once. Both triggers run
 * side by side, so the whole costs about three minutes of n8n's polling.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '../../../emulator';
import { CONNECTION_STRING_CREDENTIAL } from '../../demo/credentials';
import type { WorkflowFile } from '../../demo/workflows';
import type { N8nRest } from '../../n8n/rest';
import {
	activateWorkflow,
	createWorkflow,
	deactivateWorkflow,
	getExecution,
	listExecutions,
	nodeItems,
	type ExecutionDetail,
} from '../../n8n/workflowsRest';
import type { Report } from '../report';
import { checkDemoTriggerRuns, publishDemoTriggerWorkflows } from './demoTriggerWorkflows';
import {
	compareEvents,
	describeEvents,
	type EmittedEvent,
	type ExpectedEvent,
} from './expectedEvents';
import { isFaultedPoll, lastSeq, nextPoll, waitForLog } from './pollLog';
import { phoneNumbersScenario, sipRoutingScenario, type TriggerScenario } from './triggerScenarios';

/** How long n8n may take to store an execution once the poll that starts it has read everything. */
const EXECUTION_BOUND_MS = 60_000;
const UNFINISHED = ['new', 'running', 'waiting'];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function triggerWorkflow(scenarios: TriggerScenario[]): Omit<WorkflowFile, 'id'> {
	return {
		name: 'E2E: both polling triggers, every minute',
		connections: {},
		nodes: scenarios.map((scenario, index) => ({
			...scenario.node,
			id: randomUUID(),
			typeVersion: 1,
			position: [0, index * 200],
			credentials: {
				[CONNECTION_STRING_CREDENTIAL.type]: {
					id: CONNECTION_STRING_CREDENTIAL.id,
					name: CONNECTION_STRING_CREDENTIAL.name,
				},
			},
		})),
	};
}

interface Context {
	rest: N8nRest;
	emulator: RunningEmulator;
	report: Report;
	workflowId: string;
}

export async function checkTriggers(
	options: Omit<Context, 'workflowId'> & { demos: WorkflowFile[] },
): Promise<void> {
	const { rest, emulator, report } = options;
	const scenarios = [phoneNumbersScenario(), sipRoutingScenario()];
	await emulator.control.reset();
	const setUp = await report.check(
		'trigger: emulator set up (numbers bought, a SIP trunk and route)',
		async () => {
			for (const scenario of scenarios) await scenario.setUp(emulator);
		},
	);
	if (!setUp) return;
	const demos = await publishDemoTriggerWorkflows(rest, report, options.demos);
	let workflowId = '';
	const seqBeforeActivation = await lastSeq(emulator);
	const activated = await report.check(
		'trigger: workflow with both triggers published (POST /rest/workflows/:id/activate), Poll Times "Every Minute"',
		async () => {
			workflowId = (await createWorkflow(rest, triggerWorkflow(scenarios))).id;
			const published = await activateWorkflow(rest, workflowId);
			assert.equal(published.active, true, 'n8n answered the activation with active: false');
		},
	);
	if (!activated) return;
	const context: Context = { rest, emulator, report, workflowId };
	try {
		await Promise.all(
			scenarios.map((scenario) => checkScenario(context, scenario, seqBeforeActivation)),
		);
	} finally {
		await deactivateWorkflow(rest, workflowId).catch(() => undefined);
		await checkDemoTriggerRuns(rest, report, emulator, demos);
	}
}

async function checkScenario(
	context: Context,
	scenario: TriggerScenario,
	seqBeforeActivation: number,
): Promise<void> {
	const { rest, emulator, report, workflowId } = context;
	const name = scenario.title;
	let seq = seqBeforeActivation;
	let known = new Set<string>();
	/** Waits for the first poll after `after` and checks the runs it started report exactly `expected`. */
	const assertNextPollReports = async (after: number, label: string, expected: ExpectedEvent[]) => {
		const poll = await nextPoll(emulator, scenario.poll, after, `${name}: ${label}`);
		seq = Math.max(...poll.map((entry) => entry.seq));
		const runs = await runsWithEvents(rest, workflowId, scenario.node.name, known, expected.length);
		known = new Set([...known, ...runs.map((run) => run.id)]);
		assertEvents(runs, scenario.node.name, expected);
	};
	const baseline = await report.check(
		`trigger: ${name}: the first poll records the baseline and starts no execution`,
		async () => {
			const poll = await nextPoll(emulator, scenario.poll, seq, `${name}: first poll`);
			seq = Math.max(...poll.map((entry) => entry.seq));
			const runs = await nodeExecutions(rest, workflowId, scenario.node.name);
			assert.deepEqual(
				runs.map((run) => `${run.id} ${run.status}`),
				[],
				'the baseline poll started executions',
			);
		},
	);
	if (!baseline) return;

	let expected: ExpectedEvent[] = [];
	const changed = await report.check(
		`trigger: ${name} reports ${scenario.changesTitle} made between two polls, each once`,
		async () => {
			expected = await scenario.changes(emulator);
			// n8n's minute poll may have come while the changes were made: the polls up to the first one after them
			// must report each change once, however they split it
			await assertNextPollReports(await lastSeq(emulator), 'the poll after the changes', expected);
		},
	);
	if (!changed) return;

	await report.check(
		`trigger: ${name}: a failing poll (503 on its list call) emits nothing, and the next poll reports the changes made before and after it, once`,
		async () => {
			const fault = await emulator.control.addFault({
				method: 'GET',
				path: scenario.faultPath,
				type: 'status',
				status: 503,
			} as Parameters<RunningEmulator['control']['addFault']>[0]);
			expected = await scenario.beforeFailingPoll(emulator);
			let failed: ExecutionDetail[];
			try {
				await waitForLog(emulator, `${name}: the failing poll`, (log) =>
					log.find(
						(entry) =>
							entry.seq > seq && entry.fault === fault.id && isFaultedPoll(entry, scenario.poll),
					),
				);
				failed = await newExecutions(rest, workflowId, scenario.node.name, known, 1);
			} finally {
				await emulator.control.removeFault(fault.id);
			}
			known = new Set([...known, ...failed.map((run) => run.id)]);
			const [failure] = failed;
			assert.equal(failure.status, 'error', `the failing poll ran with status ${failure.status}`);
			assert.deepEqual(
				nodeItems(failure, scenario.node.name),
				[],
				'the failing poll emitted items',
			);
			const message = failure.data.resultData.error?.message ?? '';
			assert.ok(message.length > 0, 'the failing poll recorded no error message');
			assert.ok(!message.includes(emulator.accessKey), 'the error message shows the access key');
			seq = await lastSeq(emulator);
			expected = [...expected, ...(await scenario.afterFailingPoll(emulator))];
			await assertNextPollReports(seq, 'the poll after the failure', expected);
			console.log(`    failing poll recorded as error execution ${failure.id}: ${message}`);
		},
	);
}

function assertEvents(runs: ExecutionDetail[], nodeName: string, expected: ExpectedEvent[]): void {
	for (const run of runs)
		assert.equal(run.status, 'success', `execution ${run.id} ended with status ${run.status}`);
	const emitted = runs.flatMap((run) => nodeItems(run, nodeName)) as EmittedEvent[];
	const problems = compareEvents(emitted, expected);
	assert.deepEqual(problems, [], `emitted: ${describeEvents(emitted)}`);
}

/** The executions the trigger node started, with their data, oldest first. */
async function nodeExecutions(
	rest: N8nRest,
	workflowId: string,
	nodeName: string,
): Promise<ExecutionDetail[]> {
	const details: ExecutionDetail[] = [];
	for (const summary of await listExecutions(rest, workflowId)) {
		const detail = await getExecution(rest, summary.id);
		const ranNode = Boolean(detail.data.resultData.runData?.[nodeName]);
		const failedNode = JSON.stringify(detail.data.resultData.error ?? {}).includes(nodeName);
		if (ranNode || failedNode) details.push(detail);
	}
	return details;
}

/** Waits until the node's finished executions not in `known` carry at least `count` events. */
async function runsWithEvents(
	rest: N8nRest,
	workflowId: string,
	nodeName: string,
	known: Set<string>,
	count: number,
): Promise<ExecutionDetail[]> {
	const deadline = Date.now() + EXECUTION_BOUND_MS;
	for (;;) {
		const all = (await nodeExecutions(rest, workflowId, nodeName)).filter(
			(run) => !known.has(run.id),
		);
		const fresh = all.filter((run) => !UNFINISHED.includes(run.status));
		const events = fresh.flatMap((run) => nodeItems(run, nodeName)).length;
		if (events >= count && fresh.length === all.length) return fresh;
		if (Date.now() > deadline)
			throw new Error(
				`${events} of ${count} expected events within ${EXECUTION_BOUND_MS / 1000} s: ${describeEvents(fresh.flatMap((run) => nodeItems(run, nodeName)) as EmittedEvent[])}`,
			);
		await pause(500);
	}
}

/** Waits until `count` finished executions of the node exist that are not in `known`; fails on more. */
async function newExecutions(
	rest: N8nRest,
	workflowId: string,
	nodeName: string,
	known: Set<string>,
	count: number,
): Promise<ExecutionDetail[]> {
	const deadline = Date.now() + EXECUTION_BOUND_MS;
	for (;;) {
		const fresh = (await nodeExecutions(rest, workflowId, nodeName)).filter(
			(run) => !known.has(run.id) && !UNFINISHED.includes(run.status),
		);
		if (fresh.length > count)
			throw new Error(`${fresh.length} executions where ${count} was expected`);
		if (fresh.length === count) return fresh;
		if (Date.now() > deadline)
			throw new Error(
				`${fresh.length} of ${count} expected executions within ${EXECUTION_BOUND_MS / 1000} s`,
			);
		await pause(500);
	}
}
