import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiVersionOption } from '../../shared/node/descriptions';
import { SIP_PREVIEW_API_VERSION, SIP_STABLE_API_VERSION } from '../helpers/apiChoice';

const sipApiOptions: INodePropertyOptions[] = [
	{
		name: `Preview (${SIP_PREVIEW_API_VERSION})`,
		value: 'sipPreview',
		description:
			'Adds domains, trunk health and options, route caller ID override, and the service route test',
	},
	{
		name: `Stable (${SIP_STABLE_API_VERSION})`,
		value: 'sip',
		description: 'Trunks (FQDN and port) and routes',
	},
];

/**
 * Which SIP API the operation talks to. Domains always use the preview API, so this is hidden for them.
 * Preview-only fields (trunk options, caller ID override) are shown only when Preview is picked.
 */
export const sipApiProperty: INodeProperties = {
	displayName: 'API',
	name: 'sipApi',
	type: 'options',
	noDataExpression: true,
	options: sipApiOptions,
	default: 'sip',
	description:
		'Which SIP routing API version to use. If your configuration uses preview-only fields, pick Preview for every operation so that they are kept when routes are rewritten.',
	displayOptions: { hide: { resource: ['domain'] } },
};

export const orderIsPriorityNotice: INodeProperties = {
	displayName:
		'Routes are tried in list order: the first route whose number pattern matches handles the call. Order is priority.',
	name: 'orderIsPriorityNotice',
	type: 'notice',
	default: '',
};

export const previewOnlyNotice: INodeProperties = {
	displayName: `Domains exist only in the preview API (${SIP_PREVIEW_API_VERSION}); this operation always uses it.`,
	name: 'previewOnlyNotice',
	type: 'notice',
	default: '',
};

export function sipApiVersionOption(): INodeProperties {
	return {
		...apiVersionOption(`${SIP_STABLE_API_VERSION} or ${SIP_PREVIEW_API_VERSION}`),
		description:
			'The api-version query value to send. Leave empty to use the version of the API picked above.',
	};
}

export function trunkLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Trunk',
		name: 'trunk',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The trunk, identified by its FQDN (the SBC host name)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTrunks', searchable: true },
			},
			{
				displayName: 'By FQDN',
				name: 'fqdn',
				type: 'string',
				placeholder: 'e.g. sbc1.contoso.com',
			},
		],
		...overrides,
	};
}

export function routeLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Route',
		name: 'route',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The route, identified by its name',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRoutes', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. US and Canada',
			},
		],
		...overrides,
	};
}

export function domainLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Domain',
		name: 'domain',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The verified domain that trunk FQDNs belong to',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchDomains', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. contoso.com',
			},
		],
		...overrides,
	};
}

/** The operation's Options collection: its own options, then the api-version override. */
export function sipOptionsCollection(...ownOptions: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...ownOptions, sipApiVersionOption()],
	};
}

/** Read back with `readConfigurationWithHealth`. */
export function includeHealthOption(description: string): INodeProperties {
	return {
		displayName: 'Include Health',
		name: 'includeHealth',
		type: 'boolean',
		default: false,
		description,
	};
}
