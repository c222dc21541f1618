import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readApiVersion, type ItemOutput } from '../../../shared/node';
import { cancelOperation } from '../../../shared/transport';
import { readOperationId } from '../helpers/parameters';
import { operationIdField, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Cancelling does not undo work the operation already finished (e.g. numbers already bought)',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
	},
	operationIdField,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['operation'], operation: ['cancel'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const operationId = readOperationId.call(this, itemIndex);
	await cancelOperation.call(this, operationId, {
		apiVersion: readApiVersion.call(this, itemIndex),
		itemIndex,
	});
	return { operationId, cancelled: true };
}
