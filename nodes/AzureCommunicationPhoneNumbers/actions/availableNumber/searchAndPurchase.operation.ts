import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_LRO_TIMEOUT_SECONDS, lroModeFields, type ItemOutput } from '../../../shared/node';
import {
	startLongRunningOperation,
	waitForOperation,
	type LroHandle,
	type LroOutcome,
} from '../../../shared/transport';
import type { SearchResult } from '../helpers/acsTypes';
import { readCostLimits } from '../helpers/parameters';
import { beforePurchase } from '../helpers/purchase';
import { countryPath, phoneNumbersApi } from '../helpers/request';
import {
	agreeToNotResellField,
	costGuardFields,
	costGuardNotice,
	optionsCollection,
} from '../common.descriptions';
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
			: {
					...field,
					displayOptions: undefined,
					description: 'How long to wait for the search, and for the purchase when waiting for it',
				},
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
	const requestedQuantity = request.body.quantity;
	// Until the search has succeeded no purchase is sent: a failure up to then bought nothing.
	const started = startLongRunningOperation.call(this, {
		method: 'POST',
		path: countryPath(request.countryCode, '/:search'),
		...api,
		body: request.body,
		idempotent: false,
	});
	const handle = await (beforePurchase<LroHandle>).call(this, itemIndex, started, {
		source: { searchId: null, requestedQuantity, searchOperationId: null },
		reason: 'searchFailed',
	});
	const source = {
		searchId: searchIdOf(handle),
		requestedQuantity,
		searchOperationId: handle.operationId,
	};
	const timeoutSeconds = this.getNodeParameter(
		'timeoutSeconds',
		itemIndex,
		DEFAULT_LRO_TIMEOUT_SECONDS,
	) as number;
	const searched = waitForOperation.call(this, handle, {
		timeoutSeconds,
		apiVersion: api.apiVersion,
		itemIndex,
	});
	const outcome = await (beforePurchase<LroOutcome>).call(this, itemIndex, searched, {
		source,
		reason: 'searchFailed',
	});
	const result = outcome.result as SearchResult;
	return await purchaseSearchResult.call(this, itemIndex, result, new Date(), {
		requestedQuantity,
		searchOperationId: handle.operationId,
	});
}

/** The search id of a search operation: its `search-id` header, else its id without the `search_` prefix. */
function searchIdOf(handle: LroHandle): string | null {
	const fromHeader = handle.startHeaders['search-id'];
	if (fromHeader) return fromHeader;
	return handle.operationId.startsWith('search_')
		? handle.operationId.slice('search_'.length)
		: null;
}
