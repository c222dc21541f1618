import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as listAreaCodes from './listAreaCodes.operation';
import * as listCountries from './listCountries.operation';
import * as listLocalities from './listLocalities.operation';
import * as listOfferings from './listOfferings.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['catalog'] } },
	options: [
		{
			name: 'List Area Codes',
			value: 'listAreaCodes',
			description: 'List the area codes available in a country',
			action: 'List area codes',
		},
		{
			name: 'List Countries',
			value: 'listCountries',
			description: 'List the countries where numbers can be bought',
			action: 'List countries',
		},
		{
			name: 'List Localities',
			value: 'listLocalities',
			description: 'List the localities (cities) of a country',
			action: 'List localities',
		},
		{
			name: 'List Offerings',
			value: 'listOfferings',
			description: 'List the number offerings and their monthly cost',
			action: 'List offerings',
		},
	],
	default: 'listCountries',
};

const operations = { listAreaCodes, listCountries, listLocalities, listOfferings };

export const catalog = resourceModule(operationField, operations);
