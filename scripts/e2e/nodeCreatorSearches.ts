export const PHONE_NUMBERS_NODE = 'Azure Communication Phone Numbers';
export const SIP_ROUTING_NODE = 'Azure Communication SIP Routing';

/** Words a workflow builder types in the node creator (the + panel), the node they must find and its action. */
export interface NodeCreatorSearch {
	search: string;
	displayName: typeof PHONE_NUMBERS_NODE | typeof SIP_ROUTING_NODE;
	/** The action (an operation's `action` text, or a trigger's "On <event>", as n8n words it) the node's list must offer. */
	action: string;
	/** The action is one of the node's trigger: clicking it must add the trigger and open it. */
	trigger?: true;
}

export const NODE_CREATOR_SEARCHES: NodeCreatorSearch[] = [
	{
		search: 'search numbers',
		displayName: PHONE_NUMBERS_NODE,
		action: 'Search available phone numbers',
	},
	{
		search: 'purchase',
		displayName: PHONE_NUMBERS_NODE,
		action: 'Search and purchase phone numbers',
	},
	{ search: 'release', displayName: PHONE_NUMBERS_NODE, action: 'Release a phone number' },
	{ search: 'reserve', displayName: PHONE_NUMBERS_NODE, action: 'Reserve phone numbers' },
	{
		search: 'manage SIP trunk',
		displayName: SIP_ROUTING_NODE,
		action: 'Create or update a SIP trunk',
	},
	{ search: 'set routes', displayName: SIP_ROUTING_NODE, action: 'Set all voice routes' },
	{ search: 'release number', displayName: PHONE_NUMBERS_NODE, action: 'Release a phone number' },
	{
		search: 'buy number',
		displayName: PHONE_NUMBERS_NODE,
		action: 'Search and purchase phone numbers',
	},
	{ search: 'buy', displayName: PHONE_NUMBERS_NODE, action: 'Search and purchase phone numbers' },
	{ search: 'SIP trunk', displayName: SIP_ROUTING_NODE, action: 'Create or update a SIP trunk' },
	{ search: 'route', displayName: SIP_ROUTING_NODE, action: 'Create or update a voice route' },
	{ search: 'direct routing', displayName: SIP_ROUTING_NODE, action: 'Get the SIP configuration' },
	{
		search: 'long-running',
		displayName: PHONE_NUMBERS_NODE,
		action: 'Wait for a long running operation to complete',
	},
	// a new workflow's + panel asks for a trigger: the node must offer its trigger's events (it once said "No Azure
	// Communication Phone Numbers Triggers available")
	{
		search: 'Azure Communication',
		displayName: PHONE_NUMBERS_NODE,
		action: 'On number purchased',
		trigger: true,
	},
	{
		search: 'Azure Communication',
		displayName: SIP_ROUTING_NODE,
		action: 'On trunk health changed',
		trigger: true,
	},
	{
		search: 'SIP',
		displayName: SIP_ROUTING_NODE,
		action: 'On configuration changed',
		trigger: true,
	},
];

export const isTriggerSearch = (search: NodeCreatorSearch): boolean => search.trigger === true;

/** A file-name-safe form of a search, for its screenshot. */
export function searchSlug(search: string): string {
	return search
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
