/**
 * Workflows and their executions through n8n's internal REST API, as the editor uses it: create, publish
 * (`POST /rest/workflows/:id/activate` with the version to publish), unpublish, and read executions with their data.
 */
import { createRequire } from 'node:module';
import type { WorkflowFile } from '../demo/workflows';
import { paths } from './paths';
import type { N8nRest } from './rest';

export interface StoredWorkflow {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt?: string | null;
}

export interface ExecutionDetail extends ExecutionSummary {
	/** The run data, parsed: `resultData.runData[nodeName][run].data.main[output][item].json`, `resultData.error`. */
	data: {
		resultData: {
			runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: unknown }> | null> } }>>;
			error?: { message?: string; description?: string };
		};
	};
}

/** n8n sends execution data serialised with `flatted` (shared references): parse it with n8n's own copy. */
const flatted = createRequire(paths.n8nBin)('flatted') as { parse(text: string): unknown };

export async function createWorkflow(
	rest: N8nRest,
	workflow: Omit<WorkflowFile, 'id'>,
): Promise<StoredWorkflow> {
	return await rest.json<StoredWorkflow>('POST', '/rest/workflows', {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: { executionOrder: 'v1' },
		active: false,
	});
}

/** Publishes the workflow's current version: n8n runs its triggers from now on (polls: the first one at once). */
export async function activateWorkflow(rest: N8nRest, id: string): Promise<StoredWorkflow> {
	const current = await rest.json<StoredWorkflow>(
		'GET',
		`/rest/workflows/${encodeURIComponent(id)}`,
	);
	return await rest.json<StoredWorkflow>(
		'POST',
		`/rest/workflows/${encodeURIComponent(id)}/activate`,
		{ versionId: current.versionId },
	);
}

export async function deactivateWorkflow(rest: N8nRest, id: string): Promise<void> {
	await rest.json('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`, {});
}

/** The workflow's executions, oldest first. */
export async function listExecutions(
	rest: N8nRest,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await rest.json<{ results: ExecutionSummary[] }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=200`,
	);
	return [...page.results].sort((a, b) => Number(a.id) - Number(b.id));
}

export async function getExecution(rest: N8nRest, id: string): Promise<ExecutionDetail> {
	const stored = await rest.json<ExecutionSummary & { data: string }>(
		'GET',
		`/rest/executions/${encodeURIComponent(id)}`,
	);
	return { ...stored, data: flatted.parse(stored.data) as ExecutionDetail['data'] };
}

/** The items one node output in an execution (its first output, every run). */
export function nodeItems(execution: ExecutionDetail, nodeName: string): unknown[] {
	const runs = execution.data.resultData.runData?.[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
}
