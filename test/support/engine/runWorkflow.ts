/** Runs a workflow through n8n-core's WorkflowExecute, the way n8n's manual executions do. */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IConnections,
	INode,
	INodeExecutionData,
	IRun,
	IRunData,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { EngineCredentialsHelper } from './credentialsHelper';
import { CredentialStore } from './credentialStore';
import { credentialTypes, ITEMS_TRIGGER_TYPE, nodeTypes } from './registry';

export interface RunWorkflowOptions {
	nodes: INode[];
	connections: IConnections;
	/** Credentials already stored for the nodes' `credentials` references (see `credentialStore()`). */
	credentials?: CredentialStore;
	/** Name of the node to start from; default: the ItemsTrigger node, else n8n's own choice. */
	startNodeName?: string;
	/** Aborting cancels the execution, as the Stop button does (nodes see `getExecutionCancelSignal()` fire). */
	signal?: AbortSignal;
}

export interface WorkflowRunResult {
	run: IRun;
	/** 'canceled' when the run was cancelled through `signal`, else the engine's status. */
	status: IRun['status'];
	cancelled: boolean;
	runData: IRunData;
	/** The workflow-level error (set when a node failed without continueOnFail, or on cancellation). */
	error?: ExecutionError;
	credentials: CredentialStore;
	credentialsHelper: EngineCredentialsHelper;
	/** Nodes in the order they finished. */
	executionOrder: string[];
}

let executionCounter = 0;

export function credentialStore(): CredentialStore {
	return new CredentialStore();
}

function pickStartNode(workflow: Workflow, options: RunWorkflowOptions): INode | undefined {
	if (options.startNodeName) return workflow.getNode(options.startNodeName) ?? undefined;
	const trigger = options.nodes.find((node) => node.type === ITEMS_TRIGGER_TYPE);
	return trigger ?? workflow.getStartNode();
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	const store = options.credentials ?? new CredentialStore();
	const credentialsHelper = new EngineCredentialsHelper(credentialTypes, store);
	const nodes = options.nodes.map((node) => ({
		...node,
		type: nodeTypes.resolveTypeName(node.type),
	}));
	const workflow = new Workflow({
		id: 'engine-test-workflow',
		name: 'engine test',
		nodes,
		connections: options.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const startNode = pickStartNode(workflow, { ...options, nodes });
	if (startNode === undefined) throw new Error('runWorkflow: no start node found');

	const executionId = `engine-${++executionCounter}`;
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes,
		connections: options.connections,
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});
	const additionalData = createAdditionalData(credentialsHelper, hooks, executionId);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	let cancelled = false;
	const cancel = () => {
		cancelled = true;
		execution.cancel();
	};
	if (options.signal?.aborted) cancel();
	options.signal?.addEventListener('abort', cancel, { once: true });
	try {
		const run = await execution;
		return {
			run,
			// n8n's stop path records a stopped execution as canceled whatever error the aborted node threw.
			status: cancelled ? 'canceled' : run.status,
			cancelled,
			runData: run.data.resultData.runData,
			error: run.data.resultData.error,
			credentials: store,
			credentialsHelper,
			executionOrder,
		};
	} finally {
		options.signal?.removeEventListener('abort', cancel);
	}
}

/** Output items of a node's last run, per output (index 0 = main output). */
export function nodeOutputs(runData: IRunData, nodeName: string): INodeExecutionData[][] {
	const runs = runData[nodeName];
	const last = runs?.[runs.length - 1];
	return (last?.data?.main ?? []).map((items) => items ?? []);
}
