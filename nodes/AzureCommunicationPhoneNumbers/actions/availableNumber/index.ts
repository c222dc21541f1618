import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as browse from './browse.operation';
import * as getSearchResult from './getSearchResult.operation';
import * as purchaseSearch from './purchaseSearch.operation';
import * as search from './search.operation';
import * as searchAndPurchase from './searchAndPurchase.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['availableNumber'] } },
	options: [
		{
			name: 'Browse',
			value: 'browse',
			description: 'Browse a sample of available numbers (not held)',
			action: 'Browse available phone numbers',
		},
		{
			name: 'Get Search Result',
			value: 'getSearchResult',
			description: 'Get the numbers, cost and expiry of a search',
			action: 'Get a phone number search result',
		},
		{
			name: 'Purchase Search',
			value: 'purchaseSearch',
			description: 'Buy the numbers a search holds, within the cost limits',
			action: 'Purchase the phone numbers of a search',
		},
		{
			name: 'Search',
			value: 'search',
			description: 'Search for numbers and hold them until the search expires (searchExpiresBy)',
			action: 'Search available phone numbers',
		},
		{
			name: 'Search and Purchase',
			value: 'searchAndPurchase',
			description: 'Search, check the cost limits, and buy in one step',
			action: 'Search and purchase phone numbers',
		},
	],
	default: 'search',
};

const operations = { browse, getSearchResult, purchaseSearch, search, searchAndPurchase };

export const availableNumber = resourceModule(operationField, operations);
