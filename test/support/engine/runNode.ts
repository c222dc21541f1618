/** runNode: one node of ours behind an ItemsTrigger, run through the real engine. */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { CredentialStore } from './credentialStore';
import { itemsTriggerParameters } from './itemsTrigger';
import { ITEMS_TRIGGER_TYPE, nodeTypes } from './registry';
import { nodeOutputs, runWorkflow, type WorkflowRunResult } from './runWorkflow';

export type TestCredentials = {
	azureCommunicationServicesApi?: ICredentialDataDecryptedObject;
	azureCommunicationServicesEntraApi?: ICredentialDataDecryptedObject;
} & Record<string, ICredentialDataDecryptedObject | undefined>;

export interface RunNodeOptions {
	/** `description.name` of the node (e.g. 'azureCommunicationPhoneNumbers') or a full type name. */
	nodeType: string;
	parameters?: INodeParameters;
	/** Credential data by credential type; each is stored and attached to the node. */
	credentials?: TestCredentials;
	/** JSON of the items the node receives; default one empty item. */
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Aborting cancels the execution (Stop button). */
	signal?: AbortSignal;
	/** Reuse a store across runs, e.g. to start with a token cached by an earlier run. */
	credentialStore?: CredentialStore;
}

export interface RunNodeResult extends Omit<WorkflowRunResult, 'error'> {
	/** Main output (index 0) of the node under test. */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/**
	 * The node's own error when it failed without continueOnFail, as the engine records it: a plain copy of
	 * the thrown NodeApiError / NodeOperationError (name, message, description, httpCode, context, node...).
	 */
	error?: EngineNodeError;
	/** The workflow-level error (e.g. the cancellation error), see WorkflowRunResult.error. */
	workflowError?: WorkflowRunResult['error'];
	/** How often preAuthentication ran for a credential type in this run (tokens fetched). */
	preAuthenticationCount(credentialType: string): number;
}

export interface EngineNodeError {
	name?: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
	messages?: string[];
	node?: INode;
	stack?: string;
	[key: string]: unknown;
}

export const NODE_UNDER_TEST = 'Node under test';
const START_NODE = 'Start';

function defaultAuthentication(
	fullType: string,
	credentials: TestCredentials,
	parameters: INodeParameters,
) {
	const nodeType = nodeTypes.getByNameAndVersion(fullType);
	const hasAuthenticationOption = nodeType.description.properties.some(
		(p) => p.name === 'authentication',
	);
	if (!hasAuthenticationOption || parameters.authentication !== undefined) return parameters;
	const onlyEntra =
		credentials.azureCommunicationServicesEntraApi && !credentials.azureCommunicationServicesApi;
	return onlyEntra ? { authentication: 'entraId', ...parameters } : parameters;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const store = options.credentialStore ?? new CredentialStore();
	const type = nodeTypes.resolveTypeName(options.nodeType);
	const credentials = options.credentials ?? {};
	const nodeCredentials: INode['credentials'] = {};
	for (const [credentialType, data] of Object.entries(credentials)) {
		if (data !== undefined) nodeCredentials[credentialType] = store.add(credentialType, data);
	}
	const typeVersion =
		options.typeVersion ?? nodeTypes.getByNameAndVersion(type).description.version;
	const nodeUnderTest: INode = {
		id: 'node-under-test',
		name: NODE_UNDER_TEST,
		type,
		typeVersion: Array.isArray(typeVersion) ? typeVersion[typeVersion.length - 1] : typeVersion,
		position: [200, 0],
		parameters: defaultAuthentication(type, credentials, options.parameters ?? {}),
		credentials: nodeCredentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const start: INode = {
		id: 'start',
		name: START_NODE,
		type: ITEMS_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: itemsTriggerParameters(options.inputItems ?? [{}]),
	};
	const result = await runWorkflow({
		nodes: [start, nodeUnderTest],
		connections: { [START_NODE]: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
		credentials: store,
		signal: options.signal,
	});
	const outputs = nodeOutputs(result.runData, NODE_UNDER_TEST);
	const runs = result.runData[NODE_UNDER_TEST];
	return {
		...result,
		workflowError: result.error,
		items: outputs[0] ?? [],
		outputs,
		error: runs?.[runs.length - 1]?.error as EngineNodeError | undefined,
		preAuthenticationCount: (credentialType) =>
			result.credentialsHelper.preAuthenticationCount(credentialType),
	};
}
