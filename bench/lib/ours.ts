/**
 * Our Phone Numbers node, run as a workflow runs it: through the real n8n engine (test/support/engine.ts,
 * plain TypeScript without jest globals). Adapter: outside jest the harness's extension-less `require` of
 * `<Node>.node` resolves to the codex `<Node>.node.json` before the `.ts`, so the node class is registered here.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type * as NodeModule from '../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node';
import { registerNodeType, runNode } from '../../test/support/engine';
import type { BenchEmulator } from './emulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeModule = require('../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node.ts') as typeof NodeModule;

export const PHONE_NUMBERS_NODE = registerNodeType(new nodeModule.AzureCommunicationPhoneNumbers());

export function connectionStringCredentials(emu: BenchEmulator) {
	return { azureCommunicationServicesApi: { connectionStringSecret: emu.connectionString, allowCustomEndpoint: true } };
}

/** Runs one Phone Numbers node over `inputItems`; throws with the node's message if the node failed. */
export async function runPhoneNumbersNode(
	emu: BenchEmulator,
	parameters: INodeParameters,
	inputItems: IDataObject[] = [{}],
): Promise<INodeExecutionData[]> {
	const result = await runNode({
		nodeType: PHONE_NUMBERS_NODE,
		parameters: { authentication: 'connectionString', ...parameters },
		credentials: connectionStringCredentials(emu),
		inputItems,
	});
	if (result.error) throw new Error(`Our node failed: ${result.error.message} ${result.error.description ?? ''}`);
	if (result.status !== 'success') throw new Error(`The workflow ended with status ${result.status}`);
	return result.items;
}

/** A resource-locator value typed "By Number" from an expression on the item. */
export const PHONE_NUMBER_FROM_ITEM = { __rl: true, mode: 'id', value: '={{ $json.phoneNumber }}' };
