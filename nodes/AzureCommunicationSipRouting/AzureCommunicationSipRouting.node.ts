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
import { resources, router } from './actions/router';
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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Configuration',
						value: 'configuration',
						description:
							'The whole SIP configuration: read it, apply a desired state, test which route a number takes',
					},
					{
						name: 'Domain',
						value: 'domain',
						description: 'Verified domains of trunk FQDNs (preview API)',
					},
					{
						name: 'Route',
						value: 'route',
						description: 'Voice routes: number pattern to trunks, in priority order',
					},
					{
						name: 'Trunk',
						value: 'trunk',
						description: 'Session border controllers (SBCs) calls are sent to',
					},
				],
				default: 'trunk',
			},
			...Object.values(resources).map((resource) => resource.operationField),
			sipApiProperty,
			...Object.values(resources).flatMap((resource) => resource.parameters),
		],
	};

	methods = { listSearch: scrubbedMethods(listSearch) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
