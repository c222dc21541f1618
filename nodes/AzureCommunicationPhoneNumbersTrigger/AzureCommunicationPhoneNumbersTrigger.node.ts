import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { acsCredentials, authenticationProperty } from '../shared/node';
import { pollForChanges } from '../shared/node/trigger';
import { triggerProperties } from './description';
import { readSettings } from './settings';
import { inventorySource } from './sources/inventory';
import { reservationsSource } from './sources/reservations';

export class AzureCommunicationPhoneNumbersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Azure Communication Phone Numbers Trigger',
		name: 'azureCommunicationPhoneNumbersTrigger',
		icon: { light: 'file:../../icons/acs.svg', dark: 'file:../../icons/acs.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Azure Communication Services numbers are purchased, released or change capabilities, or when number reservations expire, are purchased or deleted',
		defaults: { name: 'Azure Communication Phone Numbers Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: acsCredentials,
		properties: [authenticationProperty, ...triggerProperties],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings(this);
		return await pollForChanges.call(
			this,
			[inventorySource(settings), reservationsSource(settings)],
			settings,
		);
	}
}
