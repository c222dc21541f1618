/**
 * The Phone Numbers Trigger on the main instance during a mix: published (its activation poll is the baseline)
 * before the mix fires, then, after the mix, a poll of the inventory awaited through the emulator's request log,
 * and the events of the trigger's executions (n8n REST, with data) compared with the inventory before and after.
 */
import type { RunningEmulator } from '../../emulator';
import { CONNECTION_STRING_CREDENTIAL } from '../demo/credentials';
import type { WorkflowFile } from '../demo/workflows';
import type { N8nRest } from '../n8n/rest';
import {
	eventsOf,
	inventoryChanges,
	parseFlatted,
	triggerEventProblems,
	type TriggerEvent,
} from './triggerEvents';

export const TRIGGER_WORKFLOW_ID = 'acsQueueTrigger1';
const TRIGGER_NODE = 'Phone numbers changed';
/** A poll every minute: one after the mix comes within this bound, with room for a slow first one. */
export const POLL_WAIT_MS = 130_000;

export function triggerWorkflow(): WorkflowFile {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Queue mix: numbers purchased or released',
		nodes: [
			{
				id: `${TRIGGER_WORKFLOW_ID}-trigger`,
				name: TRIGGER_NODE,
				type: 'n8n-nodes-azure-communication-phone-numbers.azureCommunicationPhoneNumbersTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					authentication: 'connectionString',
					events: ['numberPurchased', 'numberReleased'],
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					options: {},
				},
				credentials: {
					azureCommunicationServicesApi: {
						id: CONNECTION_STRING_CREDENTIAL.id,
						name: CONNECTION_STRING_CREDENTIAL.name,
					},
				},
			},
		],
		connections: {},
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	} as unknown as WorkflowFile;
}

async function inventoryNumbers(emulator: RunningEmulator): Promise<string[]> {
	return Object.keys((await emulator.control.phoneNumbers.detail()).purchased);
}

/** Publishes the trigger (n8n runs its first poll, the baseline, while activating); returns the inventory then. */
export async function armTrigger(rest: N8nRest, emulator: RunningEmulator): Promise<string[]> {
	const before = await inventoryNumbers(emulator);
	await rest.activateWorkflow(TRIGGER_WORKFLOW_ID);
	return before;
}

const isInventoryList = (entry: { method: string; path: string }) =>
	entry.method === 'GET' && /^\/phoneNumbers\/?$/.test(entry.path);

/** Waits (bounded) for the first inventory poll that starts after now; returns how long it took. */
async function awaitNextPoll(emulator: RunningEmulator): Promise<number> {
	const started = Date.now();
	const mark = Math.max(0, ...(await emulator.control.requestLog()).map((entry) => entry.seq));
	while (Date.now() - started < POLL_WAIT_MS) {
		const log = await emulator.control.requestLog();
		if (log.some((entry) => entry.seq > mark && isInventoryList(entry)))
			return Date.now() - started;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	throw new Error(`no poll of the inventory within ${POLL_WAIT_MS / 1000} s after the mix`);
}

interface ExecutionSummary {
	id: string;
	status: string;
	finished?: boolean;
	stoppedAt?: string | null;
}

async function triggerExecutions(rest: N8nRest): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: TRIGGER_WORKFLOW_ID }));
	const list = await rest.json<{ results: ExecutionSummary[] }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=250`,
	);
	return list.results;
}

async function eventsOfExecutions(rest: N8nRest, executions: ExecutionSummary[]) {
	const events: TriggerEvent[] = [];
	for (const execution of executions) {
		const detail = await rest.json<{ data?: string }>('GET', `/rest/executions/${execution.id}`);
		if (detail.data)
			events.push(...eventsOf(execution.id, parseFlatted(detail.data), TRIGGER_NODE));
	}
	return events;
}

export interface TriggerCheck {
	problems: string[];
	summary: string;
	executionIds: string[];
}

/**
 * After the mix: the next poll, then every execution of the trigger stopped (bounded by the same wait), then its
 * events against the inventory before the mix and now. Unpublishes the trigger at the end.
 */
export async function checkTriggerAfterMix(
	rest: N8nRest,
	emulator: RunningEmulator,
	before: string[],
): Promise<TriggerCheck> {
	try {
		return await eventsAfterMix(rest, emulator, before);
	} finally {
		await rest.json('POST', `/rest/workflows/${TRIGGER_WORKFLOW_ID}/deactivate`, {});
	}
}

async function eventsAfterMix(
	rest: N8nRest,
	emulator: RunningEmulator,
	before: string[],
): Promise<TriggerCheck> {
	const after = await inventoryNumbers(emulator);
	const waitedMs = await awaitNextPoll(emulator);
	const expected = inventoryChanges(before, after);
	const deadline = Date.now() + POLL_WAIT_MS - waitedMs;
	let executions = await triggerExecutions(rest);
	let events = await eventsOfExecutions(rest, executions);
	const covered = () =>
		events.length >= expected.purchased.length + expected.released.length &&
		executions.every((execution) => execution.stoppedAt);
	while (!covered() && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		executions = await triggerExecutions(rest);
		events = await eventsOfExecutions(rest, executions);
	}
	const failed = executions.filter((execution) => execution.status === 'error').length;
	return {
		problems: triggerEventProblems(events, before, after),
		summary: `Trigger on main: ${expected.purchased.length} numbers bought and ${expected.released.length} released during the mix; ${events.length} events in ${executions.length} executions (${failed} failed polls); a poll came ${(waitedMs / 1000).toFixed(0)} s after the mix`,
		executionIds: executions.map((execution) => execution.id),
	};
}
