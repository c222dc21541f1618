import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['domain'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			description: 'Add a domain, or enable or disable one',
			action: 'Create or update a domain',
		},
		{ name: 'Delete', value: 'delete', description: 'Delete a domain', action: 'Delete a domain' },
		{ name: 'Get', value: 'get', description: 'Get one domain', action: 'Get a domain' },
		{ name: 'Get Many', value: 'getAll', description: 'List domains', action: 'Get many domains' },
	],
	default: 'getAll',
};

export const domain = resourceModule(operationField, { createOrUpdate, delete: del, get, getAll });
