import { CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL } from './credentials';

/** The shape of a workflow file as `n8n import:workflow` reads it (only what we touch). */
export interface WorkflowFile {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export type CredentialKind = 'connectionString' | 'entraId';

const OUR_TRIGGER_TYPES = new Set([
	'n8n-nodes-azure-communication-phone-numbers.azureCommunicationPhoneNumbersTrigger',
	'n8n-nodes-azure-communication-phone-numbers.azureCommunicationSipRoutingTrigger',
]);
const OUR_NODE_TYPES = new Set([
	'n8n-nodes-azure-communication-phone-numbers.azureCommunicationPhoneNumbers',
	'n8n-nodes-azure-communication-phone-numbers.azureCommunicationSipRouting',
	...OUR_TRIGGER_TYPES,
]);
const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';
const CREDENTIALS = {
	connectionString: CONNECTION_STRING_CREDENTIAL,
	entraId: ENTRA_ID_CREDENTIAL,
} as const;

export function usesOurCredentials(workflow: WorkflowFile): boolean {
	return workflow.nodes.some((node) => OUR_NODE_TYPES.has(node.type) || isAcsHttpRequest(node));
}

/**
 * The same workflow authenticated with the given credential: our nodes get `authentication` and the matching
 * credential, HTTP Request nodes that use our credential as predefined type get its type. Pure: returns a copy
 * with its own id (`idSuffix` appended) and, when given, a suffix on its name.
 */
export function withCredentialKind(
	workflow: WorkflowFile,
	kind: CredentialKind,
	idSuffix: string,
	nameSuffix = '',
): WorkflowFile {
	const credential = CREDENTIALS[kind];
	const nodes = workflow.nodes.map((node): WorkflowNode => {
		const reference = { [credential.type]: { id: credential.id, name: credential.name } };
		if (OUR_NODE_TYPES.has(node.type)) {
			return {
				...node,
				parameters: { ...node.parameters, authentication: kind },
				credentials: reference,
			};
		}
		if (isAcsHttpRequest(node)) {
			return {
				...node,
				parameters: { ...node.parameters, nodeCredentialType: credential.type },
				credentials: reference,
			};
		}
		return node;
	});
	return {
		...workflow,
		id: `${workflow.id}${idSuffix}`,
		name: `${workflow.name}${nameSuffix}`,
		nodes,
	};
}

function isAcsHttpRequest(node: WorkflowNode): boolean {
	const type = node.parameters.nodeCredentialType;
	return (
		node.type === HTTP_REQUEST &&
		node.parameters.authentication === 'predefinedCredentialType' &&
		(type === CONNECTION_STRING_CREDENTIAL.type || type === ENTRA_ID_CREDENTIAL.type)
	);
}

/** Replaces `__NAME__` placeholders in string values (test workflows need the emulator's random endpoint). */
export function fillPlaceholders(
	workflow: WorkflowFile,
	values: Record<string, string>,
): WorkflowFile {
	const text = JSON.stringify(workflow).replace(/__([A-Z][A-Z0-9_]*)__/g, (whole, name: string) =>
		name in values ? JSON.stringify(values[name]).slice(1, -1) : whole,
	);
	return JSON.parse(text) as WorkflowFile;
}

/**
 * A workflow that only one of our polling triggers starts (no manual trigger): `n8n execute` cannot run it as
 * published, the trigger checks of `npm run e2e` publish it instead.
 */
export function startedByPollingTrigger(workflow: WorkflowFile): boolean {
	return (
		workflow.nodes.some((node) => OUR_TRIGGER_TYPES.has(node.type)) &&
		!workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')
	);
}

/** The nodes "Execute workflow" in the editor runs when the only trigger is the manual one; else undefined. */
export function nodesToExecute(workflow: WorkflowFile): string[] | undefined {
	const runnable = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
	const triggers = runnable.filter((node) => /trigger/i.test(node.type));
	if (triggers.length !== 1 || triggers[0].type !== 'n8n-nodes-base.manualTrigger')
		return undefined;
	return runnable.map((node) => node.name);
}
