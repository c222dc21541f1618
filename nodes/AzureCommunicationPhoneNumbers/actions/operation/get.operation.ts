import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, readApiVersion, type ItemOutput } from '../../../shared/node';
import { getOperation } from '../../../shared/transport';
import { operationOutput } from '../helpers/output';
import { readOperationId } from '../helpers/parameters';
import { operationIdField, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [operationIdField, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions(
	{ show: { resource: ['operation'], operation: ['get'] } },
	properties,
);

/** Items run concurrently (Options → Concurrency). */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const operationId = readOperationId.call(this, itemIndex);
	const operation = await getOperation.call(this, operationId, {
		apiVersion: readApiVersion.call(this, itemIndex),
		itemIndex,
	});
	return operationOutput(operation);
}
