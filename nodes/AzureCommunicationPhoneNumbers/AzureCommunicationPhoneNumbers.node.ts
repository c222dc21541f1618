import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { acsCredentials, authenticationProperty } from '../shared/node';
import { scrubbedMethods } from '../shared/node/scrubOutput';
import { resources, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class AzureCommunicationPhoneNumbers implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Azure Communication Phone Numbers',
		name: 'azureCommunicationPhoneNumbers',
		icon: { light: 'file:../../icons/acs.svg', dark: 'file:../../icons/acs.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Search, reserve, buy, update and release Azure Communication Services phone numbers',
		defaults: { name: 'Azure Communication Phone Numbers' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: acsCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Available Number', value: 'availableNumber' },
					{ name: 'Catalog', value: 'catalog' },
					{ name: 'Long-Running Operation', value: 'operation' },
					{ name: 'Operator Information', value: 'operatorInformation' },
					{ name: 'Phone Number', value: 'phoneNumber' },
					{ name: 'Reservation', value: 'reservation' },
				],
				default: 'phoneNumber',
			},
			...Object.values(resources).flatMap((resource) => [
				resource.operationField,
				...resource.parameters,
			]),
		],
	};

	methods = { listSearch: scrubbedMethods(listSearch), loadOptions: scrubbedMethods(loadOptions) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
