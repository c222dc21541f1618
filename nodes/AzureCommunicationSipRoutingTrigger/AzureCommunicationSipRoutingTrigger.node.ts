import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	sipApiProperty,
	sipOptionsCollection,
} from '../AzureCommunicationSipRouting/actions/common.descriptions';
import { acsCredentials, authenticationProperty } from '../shared/node/authentication';
import {
	EVENTS_PARAMETER,
	pollForChanges,
	pollTimeoutOption,
	readPollSettings,
} from '../shared/node/trigger';
import { CONFIGURATION_CHANGED, configurationSource } from './sources/configurationSource';
import { TRUNK_HEALTH_CHANGED, trunkHealthSource } from './sources/trunkHealthSource';

const EVENTS = [CONFIGURATION_CHANGED, TRUNK_HEALTH_CHANGED];

export class AzureCommunicationSipRoutingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Azure Communication SIP Routing Trigger',
		name: 'azureCommunicationSipRoutingTrigger',
		icon: { light: 'file:../../icons/acs.svg', dark: 'file:../../icons/acs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when the Azure Communication Services SIP configuration or a trunk’s health changes',
		defaults: { name: 'Azure Communication SIP Routing Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: acsCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: EVENTS_PARAMETER,
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Configuration Changed',
						value: CONFIGURATION_CHANGED,
						description:
							'A trunk, route or domain added, removed or changed, or the routes reordered: one item per change',
					},
					{
						name: 'Trunk Health Changed',
						value: TRUNK_HEALTH_CHANGED,
						description:
							'A trunk’s TLS, ping or overall status (or its reason) changed: one item per trunk, read with the preview API',
					},
				],
				default: [],
				description:
					'What to watch. The first poll after activation only records the current state.',
			},
			{
				...sipApiProperty,
				default: 'sipPreview',
				description:
					'Which SIP routing API reads the configuration. Only Preview shows domains and the preview trunk and route fields. Switching it starts a new baseline.',
				displayOptions: { show: { [EVENTS_PARAMETER]: [CONFIGURATION_CHANGED] } },
			},
			sipOptionsCollection(pollTimeoutOption),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this, EVENTS);
		return await pollForChanges.call(
			this,
			[configurationSource(settings), trunkHealthSource(settings)],
			settings,
		);
	}
}
