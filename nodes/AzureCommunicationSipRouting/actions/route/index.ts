import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as replaceAll from './replaceAll.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['route'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			description: 'Create a route at a position, or update the route with this name',
			action: 'Create or update a voice route',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a route',
			action: 'Delete a voice route',
		},
		{ name: 'Get', value: 'get', description: 'Get one route', action: 'Get a voice route' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List routes in priority order',
			action: 'Get many voice routes',
		},
		{
			name: 'Replace All',
			value: 'replaceAll',
			description: 'Replace the whole ordered route list',
			action: 'Set all voice routes',
		},
	],
	default: 'getAll',
};

export const route = resourceModule(operationField, {
	createOrUpdate,
	delete: del,
	get,
	getAll,
	replaceAll,
});
