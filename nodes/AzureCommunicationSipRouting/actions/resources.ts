import type { INodeProperties } from 'n8n-workflow';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Configuration',
			value: 'configuration',
			description: 'The whole SIP configuration: read it, apply a desired state, test which route a number takes',
		},
		{ name: 'Domain', value: 'domain', description: 'Verified domains of trunk FQDNs (preview API)' },
		{ name: 'Route', value: 'route', description: 'Voice routes: number pattern to trunks, in priority order' },
		{ name: 'Trunk', value: 'trunk', description: 'Session border controllers (SBCs) calls are sent to' },
	],
	default: 'trunk',
};

export const operationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['trunk'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a trunk, or update the trunk with this FQDN',
				action: 'Create or update a SIP trunk',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a trunk; refused while routes use it unless you remove it from them',
				action: 'Delete a SIP trunk',
			},
			{ name: 'Get', value: 'get', description: 'Get one trunk', action: 'Get a SIP trunk' },
			{ name: 'Get Many', value: 'getAll', description: 'List trunks', action: 'Get many SIP trunks' },
			{
				name: 'Replace All',
				value: 'replaceAll',
				description: 'Make the trunk list exactly the given one',
				action: 'Set all SIP trunks',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['route'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a route at a position, or update the route with this name',
				action: 'Create or update a voice route',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a route', action: 'Delete a voice route' },
			{ name: 'Get', value: 'get', description: 'Get one route', action: 'Get a voice route' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List routes in priority order',
				action: 'Get many voice routes',
			},
			{
				name: 'Replace All',
				value: 'replaceAll',
				description: 'Replace the whole ordered route list',
				action: 'Set all voice routes',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['domain'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Add a domain, or enable or disable one',
				action: 'Create or update a domain',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a domain', action: 'Delete a domain' },
			{ name: 'Get', value: 'get', description: 'Get one domain', action: 'Get a domain' },
			{ name: 'Get Many', value: 'getAll', description: 'List domains', action: 'Get many domains' },
		],
		default: 'getAll',
	},
	{
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
	},
];
