import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as applyDesiredState from './applyDesiredState.operation';
import * as get from './get.operation';
import * as testNumber from './testNumber.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['configuration'] } },
	options: [
		{
			name: 'Apply Desired State',
			value: 'applyDesiredState',
			description:
				'Make trunks, routes and domains match a desired state with the fewest safe changes (or only show the plan)',
			action: 'Apply a desired SIP configuration',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the whole SIP configuration',
			action: 'Get the SIP configuration',
		},
		{
			name: 'Test Number',
			value: 'testNumber',
			description: 'Show which route and trunks would handle a phone number',
			action: 'Test which route handles a number',
		},
	],
	default: 'get',
};

export const configuration = resourceModule(operationField, { applyDesiredState, get, testNumber });
