import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_LRO_TIMEOUT_SECONDS, lroModeFields, type ItemOutput } from '../../../shared/node';
import { startLongRunningOperation, waitForOperation } from '../../../shared/transport';
import type { SearchResult } from '../helpers/acsTypes';
import { readCostLimits } from '../helpers/parameters';
import { countryPath, phoneNumbersApi } from '../helpers/request';
import { agreeToNotResellField, costGuardFields, costGuardNotice, optionsCollection } from '../common.descriptions';
import { purchaseSearchResult } from './purchaseFromSearch';
import { readSearchRequest, searchFields } from './searchRequest';

const properties: INodeProperties[] = [
	costGuardNotice,
	...searchFields,
	agreeToNotResellField,
	...costGuardFields,
	...lroModeFields().map((field) =>
		field.name === 'waitForCompletion'
			? {
					...field,
					description:
						'Whether to wait until the purchase finishes. The search is always awaited (within the timeout) because its cost must be checked first. If off, the node returns the purchase operation ID.',
				}
			: { ...field, displayOptions: undefined, description: 'How long to wait for the search, and for the purchase when waiting for it' },
	),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['availableNumber'], operation: ['searchAndPurchase'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const request = readSearchRequest.call(this, itemIndex);
	readCostLimits.call(this, itemIndex);
	const api = phoneNumbersApi.call(this, itemIndex);
	const handle = await startLongRunningOperation.call(this, {
		method: 'POST',
		path: countryPath(request.countryCode, '/:search'),
		...api,
		body: request.body,
		idempotent: false,
	});
	const timeoutSeconds = this.getNodeParameter('timeoutSeconds', itemIndex, DEFAULT_LRO_TIMEOUT_SECONDS) as number;
	const outcome = await waitForOperation.call(this, handle, {
		timeoutSeconds,
		apiVersion: api.apiVersion,
		itemIndex,
	});
	const result = outcome.result as SearchResult;
	return await purchaseSearchResult.call(this, itemIndex, result, new Date(), {
		requestedQuantity: request.body.quantity,
		searchOperationId: handle.operationId,
	});
}
