import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { acsCredentials, authenticationProperty } from '../shared/node/authentication';
import { scrubbedMethods } from '../shared/node/scrubOutput';
import { sipApiProperty } from './actions/common.descriptions';
import { allOperationProperties } from './actions/operations';
import { operationProperties, resourceProperty } from './actions/resources';
import { router } from './actions/router';
import { listSearch } from './methods';

export class AzureCommunicationSipRouting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Azure Communication SIP Routing',
		name: 'azureCommunicationSipRouting',
		icon: { light: 'file:../../icons/acs.svg', dark: 'file:../../icons/acs.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage Azure Communication Services direct routing: SIP trunks, voice routes and domains, kept valid',
		defaults: { name: 'Azure Communication SIP Routing' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: acsCredentials,
		properties: [
			authenticationProperty,
			resourceProperty,
			...operationProperties,
			sipApiProperty,
			...allOperationProperties(),
		],
	};

	methods = { listSearch: scrubbedMethods(listSearch) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
