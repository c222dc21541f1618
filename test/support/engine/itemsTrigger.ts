/** The harness's start node: a manual-trigger equivalent that emits the items given in its `items` parameter. */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const HARNESS_PACKAGE_NAME = 'n8n-nodes-engine-harness';

export class ItemsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Trigger (test)',
		name: 'itemsTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items of its "items" parameter (a JSON array of objects)',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

/** Parameters for an ItemsTrigger node emitting these items. */
export function itemsTriggerParameters(items: IDataObject[]): { items: string } {
	return { items: JSON.stringify(items) };
}
