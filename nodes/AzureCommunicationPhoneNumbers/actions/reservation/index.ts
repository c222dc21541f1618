import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as purchase from './purchase.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['reservation'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'createOrUpdate',
			description: 'Create a reservation or add and remove its numbers',
			action: 'Reserve phone numbers',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a reservation and free its numbers',
			action: 'Delete a reservation',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a reservation with its numbers and expiry',
			action: 'Get a reservation',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many reservations',
			action: 'Get many reservations',
		},
		{
			name: 'Purchase',
			value: 'purchase',
			description: 'Buy the numbers of a reservation, within the cost limits',
			action: 'Purchase the phone numbers of a reservation',
		},
	],
	default: 'createOrUpdate',
};

const operations = { createOrUpdate, delete: del, get, getAll, purchase };

export const reservation = resourceModule(operationField, operations);
