/** Running our two nodes through the real n8n engine against an emulator, with either credential. */
import type { IDataObject, INode, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';
import type { RunningEmulator } from '../../../emulator';
import {
	ITEMS_TRIGGER_TYPE,
	itemsTriggerParameters,
	nodeOutputs,
	runNode,
	runWorkflow,
	type CredentialStore,
	type RunNodeResult,
	type WorkflowRunResult,
} from '../../support/engine';
import { credentialsFor, TOLL_FREE_SEARCH as TOLL_FREE, type Auth } from '../../support/fixtures';

export { credentialsFor, type Auth };

export const PHONE_NUMBERS = 'azureCommunicationPhoneNumbers';
export const SIP_ROUTING = 'azureCommunicationSipRouting';

export interface RunOptions {
	auth?: Auth;
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	credentialStore?: CredentialStore;
	/** Point the credential at another endpoint (a proxy in front of the emulator). */
	endpoint?: string;
}

export async function runOn(
	nodeType: string,
	emu: RunningEmulator,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<RunNodeResult> {
	const auth = options.auth ?? 'connectionString';
	return await runNode({
		nodeType,
		parameters: { authentication: auth, ...parameters },
		credentials: credentialsFor(emu, auth, options.endpoint),
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
		credentialStore: options.credentialStore,
	});
}

export const runPhone = (emu: RunningEmulator, parameters: INodeParameters, options?: RunOptions) =>
	runOn(PHONE_NUMBERS, emu, parameters, options);
export const runSip = (emu: RunningEmulator, parameters: INodeParameters, options?: RunOptions) =>
	runOn(SIP_ROUTING, emu, parameters, options);

/** ACS requests the emulator received, as 'METHOD /path'. */
export async function received(emu: RunningEmulator): Promise<string[]> {
	return (await emu.control.requestLog()).map((entry) => `${entry.method} ${entry.path}`);
}

export function phoneControl<T = any>(
	emu: RunningEmulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	return emu.control.call<T>(method, `/_emulator/phoneNumbers${path}`, body);
}

export function jsonOf(result: RunNodeResult): IDataObject[] {
	if (result.error)
		throw new Error(`Node failed: ${result.error.message} — ${result.error.description ?? ''}`);
	return result.items.map((item) => item.json);
}

/** A run of our node whose credential is already in `store` (several runs share one stored credential). */
export async function runWithStoredCredential(
	nodeType: string,
	parameters: INodeParameters,
	store: CredentialStore,
	credential: { type: string; reference: INodeCredentialsDetails },
	inputItems: IDataObject[] = [{}],
): Promise<{
	items: IDataObject[];
	error?: string;
	preAuthentications: number;
	result: WorkflowRunResult;
}> {
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: ITEMS_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: itemsTriggerParameters(inputItems),
		},
		{
			id: 'node',
			name: 'Node',
			type: nodeType,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { [credential.type]: credential.reference },
		},
	];
	const result = await runWorkflow({
		nodes,
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		credentials: store,
	});
	const runs = result.runData.Node;
	const last = runs?.[runs.length - 1];
	return {
		items: (nodeOutputs(result.runData, 'Node')[0] ?? []).map((item) => item.json),
		error: last?.error?.message,
		preAuthentications: result.credentialsHelper.preAuthenticationCount(credential.type),
		result,
	};
}

/** A search for one US toll-free number that waits for its result: the search most reliability files start from. */
export const TOLL_FREE_SEARCH: INodeParameters = {
	resource: 'availableNumber',
	operation: 'search',
	...TOLL_FREE,
	waitForCompletion: true,
	timeoutSeconds: 20,
};
