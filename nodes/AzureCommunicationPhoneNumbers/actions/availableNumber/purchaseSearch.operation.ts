import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { lroModeFields, type ItemOutput } from '../../../shared/node';
import { acsRequest, type AcsResponse } from '../../../shared/transport';
import type { SearchResult } from '../helpers/acsTypes';
import { readCostLimits, readGuid } from '../helpers/parameters';
import { beforePurchase } from '../helpers/purchase';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import {
	agreeToNotResellField,
	costGuardFields,
	costGuardNotice,
	optionsCollection,
	searchIdField,
} from '../common.descriptions';
import { purchaseSearchResult } from './purchaseFromSearch';

const properties: INodeProperties[] = [
	costGuardNotice,
	searchIdField,
	agreeToNotResellField,
	...costGuardFields,
	...lroModeFields(),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['availableNumber'], operation: ['purchaseSearch'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const searchId = readGuid.call(this, 'searchId', itemIndex, 'Search ID');
	readCostLimits.call(this, itemIndex);
	const read = (acsRequest<SearchResult>).call(this, {
		method: 'GET',
		path: `/availablePhoneNumbers/searchResults/${encodeURIComponent(searchId)}`,
		...phoneNumbersApi.call(this, itemIndex),
	});
	const response = await (beforePurchase<AcsResponse<SearchResult>>).call(this, itemIndex, read, {
		source: { searchId },
		reason: 'searchNotRead',
	});
	return await purchaseSearchResult.call(
		this,
		itemIndex,
		{ ...response.body, searchId },
		serviceNow(response.headers),
	);
}
