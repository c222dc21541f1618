import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as release from './release.operation';
import * as updateCapabilities from './updateCapabilities.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['phoneNumber'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a purchased number',
			action: 'Get a phone number',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get many purchased numbers',
			action: 'Get many phone numbers',
		},
		{
			name: 'Release',
			value: 'release',
			description: 'Release a purchased number',
			action: 'Release a phone number',
		},
		{
			name: 'Update Capabilities',
			value: 'updateCapabilities',
			description: 'Change the calling and SMS capabilities of a number',
			action: 'Update the capabilities of a phone number',
		},
	],
	default: 'get',
};

const operations = { get, getAll, release, updateCapabilities };

export const phoneNumber = resourceModule(operationField, operations);
