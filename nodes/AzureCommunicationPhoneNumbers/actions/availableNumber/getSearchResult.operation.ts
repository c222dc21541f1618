import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import type { SearchResult } from '../helpers/acsTypes';
import { searchResultOutput } from '../helpers/output';
import { readGuid } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import { optionsCollection, searchIdField } from '../common.descriptions';

const properties: INodeProperties[] = [searchIdField, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['availableNumber'], operation: ['getSearchResult'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const searchId = readGuid.call(this, 'searchId', itemIndex, 'Search ID');
	const response = await (acsRequest<SearchResult>).call(this, {
		method: 'GET',
		path: `/availablePhoneNumbers/searchResults/${encodeURIComponent(searchId)}`,
		...phoneNumbersApi.call(this, itemIndex),
	});
	return searchResultOutput(response.body, serviceNow(response.headers));
}
