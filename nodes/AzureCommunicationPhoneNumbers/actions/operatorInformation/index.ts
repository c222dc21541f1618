import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/node/resourceModule';
import * as lookUp from './lookUp.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['operatorInformation'] } },
	options: [
		{
			name: 'Look Up',
			value: 'lookUp',
			description: 'Look up the format, type and carrier of numbers',
			action: 'Look up operator information',
		},
	],
	default: 'lookUp',
};

const operations = { lookUp };

export const operatorInformation = resourceModule(operationField, operations);
