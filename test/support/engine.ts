/**
 * Test harness: runs our nodes through the REAL n8n engine (n8n-core WorkflowExecute + n8n-workflow),
 * with n8n's credential logic (authenticate / preAuthentication / 401 refresh) and real HTTP.
 * No sqlite, no n8n CLI; one node-type registry per test file.
 *
 * runNode({ nodeType, parameters?, credentials?, inputItems?, continueOnFail?, signal?, credentialStore? })
 *   -> { items, outputs, error?, runData, run, status, executionOrder, credentials, credentialsHelper,
 *        preAuthenticationCount(type) }
 *   nodeType: 'azureCommunicationPhoneNumbers' | 'azureCommunicationSipRouting' | a registered fixture
 *     (description.name or full type name). Our nodes and credentials are loaded from source on first use.
 *   credentials: { azureCommunicationServicesApi?: {...data}, azureCommunicationServicesEntraApi?: {...data} }
 *     stored and attached to the node. If the node has an `authentication` parameter that you leave unset and
 *     you give only the Entra credential, `authentication: 'entraId'` is set for you.
 *   inputItems: JSON of the items a manual-trigger-like start node emits (default [{}]).
 *   items: the node's main output (with pairedItem). error: the node's own error when it failed without
 *     continueOnFail, as the engine records it: a plain copy of the NodeApiError / NodeOperationError
 *     (name, message, description, httpCode, context, node), so assert with toMatchObject, not toBeInstanceOf.
 *     Note n8n rewrites some NodeApiError messages by status (404 -> "The resource you are requesting could
 *     not be found") unless the error is built with an explicit message.
 *   signal: aborting it cancels the execution like the Stop button: the node's getExecutionCancelSignal()
 *     fires and the run resolves with status 'canceled' (cancelled: true) once the node has returned or thrown.
 *     Under jest, `sleep` aborted this way rejects with "Error that was not an instance of Error was thrown"
 *     (the AbortError comes from another realm); real n8n is not affected.
 *   preAuthenticationCount(type): how many times preAuthentication ran (tokens fetched) during this run.
 *   credentialStore: pass `credentialStore()` to several runs to share stored credentials (cached tokens);
 *     `store.dataOfType(type)` shows what is stored (e.g. the cached accessToken).
 *
 * runWorkflow({ nodes, connections, credentials?: CredentialStore, startNodeName?, signal? })
 *   -> { run, status, runData, error?, executionOrder, credentials, credentialsHelper }
 *   Node types may be given short ('azureCommunicationPhoneNumbers') or full; start node = the ItemsTrigger
 *   (ITEMS_TRIGGER_TYPE, parameters from itemsTriggerParameters(items)) unless startNodeName is set.
 *   nodeOutputs(runData, nodeName) gives a node's outputs.
 *
 * createExecuteContext({ nodeType, parameters?, credentials?, inputItems?, credentialStore? })
 *   -> { context: IExecuteFunctions (a real n8n-core ExecuteContext), abort(), credentials, credentialsHelper,
 *        preAuthenticationCount(type) } for transport tests calling transport functions directly
 *   (this.helpers.httpRequestWithAuthentication goes through the same credentials helper and real HTTP).
 *
 * testCredential(type, data) -> { status: 'OK' | 'Error', message, preAuthenticationCount, credentials }
 *   runs the credential's `test` request the way n8n's credentials tester does (a RoutingNode on a temporary
 *   node; preAuthentication always runs, then authenticate), i.e. what the "Test" button does.
 *
 * capturedLogs() -> every line logged through n8n's Logger / LoggerProxy (and errors n8n would report),
 *   each with `text` (message + inspected metadata) for secret scanning; clearCapturedLogs().
 *
 * registerNodeType(nodeType) / registerCredentialType(credentialType): add fixtures (see engine/fixtures/).
 *
 * Behaviour copied from n8n: preAuthentication runs when the credential's hidden `expirable` field is empty,
 * after a 401 (then the request is retried once), or in a credential test; its output is written back to the
 * store, so later requests (and later runs sharing the store) reuse the token. Concurrent first requests may
 * each fetch a token, as in n8n.
 */
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { credentialTypes, nodeTypes } from './engine/registry';

export { capturedLogs, clearCapturedLogs, type CapturedLog } from './engine/logCapture';
export { CredentialStore } from './engine/credentialStore';
export { testCredential, type CredentialTestOutcome } from './engine/credentialTest';
export {
	createExecuteContext,
	type CreateExecuteContextOptions,
	type EngineExecuteContext,
} from './engine/executeContext';
export { ITEMS_TRIGGER_TYPE } from './engine/registry';
export { itemsTriggerParameters } from './engine/itemsTrigger';
export { PACKAGE_NAME } from './engine/nodeTypes';
export {
	credentialStore,
	nodeOutputs,
	runWorkflow,
	type RunWorkflowOptions,
	type WorkflowRunResult,
} from './engine/runWorkflow';
export {
	NODE_UNDER_TEST,
	runNode,
	type EngineNodeError,
	type RunNodeOptions,
	type RunNodeResult,
	type TestCredentials,
} from './engine/runNode';

/** Registers a node type (fixture); returns its full type name. */
export function registerNodeType(nodeType: INodeType | IVersionedNodeType): string {
	return nodeTypes.register(nodeType);
}

export function registerCredentialType(credentialType: ICredentialType): void {
	credentialTypes.register(credentialType);
}
