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
	displayOptions: { show: { resource: ['trunk'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			description: 'Create a trunk, or update the trunk with this FQDN',
			action: 'Create or update a SIP trunk',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a trunk; refused while routes use it unless you remove it from them',
			action: 'Delete a SIP trunk',
		},
		{ name: 'Get', value: 'get', description: 'Get one trunk', action: 'Get a SIP trunk' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List trunks',
			action: 'Get many SIP trunks',
		},
		{
			name: 'Replace All',
			value: 'replaceAll',
			description: 'Make the trunk list exactly the given one',
			action: 'Set all SIP trunks',
		},
	],
	default: 'getAll',
};

export const trunk = resourceModule(operationField, {
	createOrUpdate,
	delete: del,
	get,
	getAll,
	replaceAll,
});
