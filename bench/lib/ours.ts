/**
 * Our Phone Numbers node, run as a workflow runs it: through the real n8n engine (test/support/engine.ts,
 * plain TypeScript without jest globals), which loads the node from its source.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../test/support/engine';
import type { BenchEmulator } from './emulator';

export const PHONE_NUMBERS_NODE = 'azureCommunicationPhoneNumbers';

export function connectionStringCredentials(emu: BenchEmulator) {
	return {
		azureCommunicationServicesApi: {
			connectionStringSecret: emu.connectionString,
			allowCustomEndpoint: true,
		},
	};
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
	if (result.error)
		throw new Error(`Our node failed: ${result.error.message} ${result.error.description ?? ''}`);
	if (result.status !== 'success')
		throw new Error(`The workflow ended with status ${result.status}`);
	return result.items;
}

/** A resource-locator value typed "By Number" from an expression on the item. */
export const PHONE_NUMBER_FROM_ITEM = { __rl: true, mode: 'id', value: '={{ $json.phoneNumber }}' };
