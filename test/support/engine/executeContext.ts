/** createExecuteContext: a real n8n-core ExecuteContext for a node of ours, for calling transport code directly. */
import { ExecuteContext } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { EngineCredentialsHelper } from './credentialsHelper';
import { CredentialStore } from './credentialStore';
import { credentialTypes, nodeTypes } from './registry';
import type { TestCredentials } from './runNode';

export interface CreateExecuteContextOptions {
	nodeType: string;
	parameters?: INodeParameters;
	credentials?: TestCredentials;
	inputItems?: IDataObject[];
	credentialStore?: CredentialStore;
}

export interface EngineExecuteContext {
	context: IExecuteFunctions;
	/** Fires the context's getExecutionCancelSignal(), as cancelling the execution would. */
	abort(): void;
	credentials: CredentialStore;
	credentialsHelper: EngineCredentialsHelper;
	preAuthenticationCount(credentialType: string): number;
}

export function createExecuteContext(options: CreateExecuteContextOptions): EngineExecuteContext {
	const store = options.credentialStore ?? new CredentialStore();
	const credentialsHelper = new EngineCredentialsHelper(credentialTypes, store);
	const type = nodeTypes.resolveTypeName(options.nodeType);
	const version = nodeTypes.getByNameAndVersion(type).description.version;
	const node: INode = {
		id: 'node-under-test',
		name: 'Node under test',
		type,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		parameters: { ...(options.parameters ?? {}) },
		credentials: {},
	};
	const credentials = options.credentials ?? {};
	for (const [credentialType, data] of Object.entries(credentials)) {
		if (data !== undefined) node.credentials![credentialType] = store.add(credentialType, data);
	}
	if (
		node.parameters.authentication === undefined &&
		credentials.azureCommunicationServicesEntraApi &&
		!credentials.azureCommunicationServicesApi &&
		nodeTypes
			.getByNameAndVersion(type)
			.description.properties.some((p) => p.name === 'authentication')
	) {
		node.parameters.authentication = 'entraId';
	}

	const workflow = new Workflow({
		id: 'engine-test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const items: INodeExecutionData[] = (options.inputItems ?? [{}]).map((json) => ({ json }));
	const abortController = new AbortController();
	const context = new ExecuteContext(
		workflow,
		node,
		createAdditionalData(credentialsHelper),
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
		abortController.signal,
	);
	return {
		context,
		abort: () => abortController.abort(),
		credentials: store,
		credentialsHelper,
		preAuthenticationCount: (credentialType) =>
			credentialsHelper.preAuthenticationCount(credentialType),
	};
}
