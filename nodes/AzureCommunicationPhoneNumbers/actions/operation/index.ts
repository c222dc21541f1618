import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as waitForCompletion from './waitForCompletion.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['operation'] } },
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			description: 'Cancel a long-running operation',
			action: 'Cancel a long running operation',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the status of a long-running operation',
			action: 'Get a long running operation',
		},
		{
			name: 'Wait for Completion',
			value: 'waitForCompletion',
			description: 'Wait for an operation started earlier, and get its result',
			action: 'Wait for a long running operation to complete',
		},
	],
	default: 'get',
};

const operations = { cancel, get, waitForCompletion };

export const operation = resourceModule(operationField, operations);
