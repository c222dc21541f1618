/**
 * The n8n floor for scenario 5: a minimal node that reads the same phone-number parameter as our node (the same
 * `={{ $json.phoneNumber }}` expression, which n8n evaluates per item) and sends one GET per item through n8n's own
 * httpRequestWithAuthentication with our connection-string credential, and nothing else (no transport, no
 * validation, no output shaping). Our node's time minus this is what our code adds.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
} from 'n8n-workflow';

import { registerNodeType, runNode } from '../../test/support/engine';
import type { BenchEmulator } from './emulator';
import { connectionStringCredentials } from './ours';

class BenchFloorGet implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Bench Floor Get',
		name: 'benchFloorGet',
		group: ['transform'],
		version: 1,
		description: 'One authenticated GET per item',
		defaults: { name: 'Bench Floor Get' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'azureCommunicationServicesApi', required: true }],
		properties: [{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let i = 0; i < items.length; i++) {
			const phoneNumber = String(this.getNodeParameter('phoneNumber', i));
			const body = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'azureCommunicationServicesApi',
				{
					method: 'GET',
					url: `/phoneNumbers/${encodeURIComponent(phoneNumber)}?api-version=2025-06-01`,
					json: true,
				},
			);
			output.push({ json: body, pairedItem: { item: i } });
		}
		return [output];
	}
}

const FLOOR_NODE = registerNodeType(new BenchFloorGet());

export async function runFloorGets(emu: BenchEmulator, numbers: string[]): Promise<number> {
	const result = await runNode({
		nodeType: FLOOR_NODE,
		parameters: { phoneNumber: '={{ $json.phoneNumber }}' },
		credentials: connectionStringCredentials(emu),
		inputItems: numbers.map((phoneNumber) => ({ phoneNumber })),
	});
	if (result.error) throw new Error(`floor node failed: ${result.error.message}`);
	return result.items.length;
}
