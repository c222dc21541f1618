import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_LRO_TIMEOUT_SECONDS, readApiVersion, type ItemOutput } from '../../../shared/node';
import { waitForOperation } from '../../../shared/transport';
import type { PurchasedPhoneNumber, SearchResult } from '../helpers/acsTypes';
import { operationOutput, purchasedNumberOutput, searchResultOutput } from '../helpers/output';
import { readOperationId } from '../helpers/parameters';
import { operationIdField, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	operationIdField,
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		default: DEFAULT_LRO_TIMEOUT_SECONDS,
		typeOptions: { minValue: 1, maxValue: 86400, numberPrecision: 0 },
		description:
			'How long to wait. On timeout the item fails and you can run this again with the same ID.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['operation'], operation: ['waitForCompletion'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const operationId = readOperationId.call(this, itemIndex);
	const outcome = await waitForOperation.call(
		this,
		{ operationId },
		{
			timeoutSeconds: this.getNodeParameter(
				'timeoutSeconds',
				itemIndex,
				DEFAULT_LRO_TIMEOUT_SECONDS,
			) as number,
			apiVersion: readApiVersion.call(this, itemIndex),
			itemIndex,
		},
	);
	return {
		...resultFields(outcome.operation.operationType, outcome.result),
		...operationOutput(outcome.operation),
		completed: true,
	};
}

/** The final resource, flattened like the operation that started it outputs it. */
function resultFields(operationType: string | undefined, result: unknown): IDataObject {
	if (!result || typeof result !== 'object') return {};
	if (operationType === 'search') return searchResultOutput(result as SearchResult, new Date());
	if (operationType === 'updatePhoneNumberCapabilities')
		return purchasedNumberOutput(result as PurchasedPhoneNumber);
	return {};
}
