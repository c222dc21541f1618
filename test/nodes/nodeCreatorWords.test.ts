import { AzureCommunicationPhoneNumbersTrigger } from '../../nodes/AzureCommunicationPhoneNumbersTrigger/AzureCommunicationPhoneNumbersTrigger.node';
import { AzureCommunicationSipRoutingTrigger } from '../../nodes/AzureCommunicationSipRoutingTrigger/AzureCommunicationSipRoutingTrigger.node';
import { NODE_CREATOR_SEARCHES, PHONE_NUMBERS_NODE } from '../../scripts/e2e/nodeCreatorSearches';
import {
	actionsOf,
	NODES_UNDER_TEST,
	nodeNamed,
	packageName,
	resourceOptions,
	TRIGGERS_UNDER_TEST,
} from './nodeDescriptions';

/** n8n's guidelines: an action name starts with a verb. */
const VERBS = new Set([
	'Apply',
	'Browse',
	'Cancel',
	'Create',
	'Delete',
	'Get',
	'List',
	'Look',
	'Purchase',
	'Release',
	'Reserve',
	'Search',
	'Set',
	'Test',
	'Update',
	'Wait',
]);
/** Words that keep their capitals inside a sentence-case action name. */
const PROPER_WORDS = new Set(['SIP']);

describe.each(NODES_UNDER_TEST.map((node) => [node.description.displayName, node] as const))(
	'%s actions',
	(_, node) => {
		const actions = actionsOf(node.description);

		it('every operation has an action name, in sentence case with a verb first', () => {
			expect(actions.length).toBeGreaterThan(0);
			const problems = actions.flatMap(({ resource, operation, action }) => {
				const where = `${resource} → ${operation}`;
				if (!action) return [`${where}: no action name`];
				const [first, ...rest] = action.split(' ');
				const found: string[] = [];
				if (!VERBS.has(first)) found.push(`${where}: "${action}" does not start with a verb`);
				const capitalized = rest.filter(
					(word) => word !== word.toLowerCase() && !PROPER_WORDS.has(word),
				);
				if (capitalized.length > 0)
					found.push(`${where}: "${action}" is not sentence case (${capitalized.join(', ')})`);
				if (action.endsWith('.')) found.push(`${where}: "${action}" ends with a period`);
				return found;
			});
			expect(problems).toEqual([]);
		});

		it('no two operations share an action name (the node creator lists them in one panel)', () => {
			const names = actions.map(({ action }) => action);
			expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		});

		it('names the package and the node in its codex file, as n8n identifies a community node type', () => {
			expect(node.codex.node).toBe(`${packageName()}.${node.description.name}`);
		});
	},
);

describe.each(TRIGGERS_UNDER_TEST.map((node) => [node.description.displayName, node] as const))(
	'%s',
	(_, node) => {
		it('is a polling trigger named as n8n identifies a community node type in its codex file', () => {
			const { description } = node;
			expect(node.codex.node).toBe(`${packageName()}.${description.name}`);
			expect(description.displayName).toMatch(/ Trigger$/);
			expect(description.group).toEqual(['trigger']);
			expect(description.polling).toBe(true);
			expect(description.inputs).toEqual([]);
		});

		it('offers its events by name, each in title case with a description', () => {
			const events = node.description.properties.find((property) => property.name === 'events');
			expect(events?.type).toBe('multiOptions');
			const options = (events?.options ?? []) as Array<{ name: string; description?: string }>;
			expect(options.length).toBeGreaterThan(0);
			for (const option of options) {
				expect(option.name.split(' ').every((word) => /^[A-Z]/.test(word))).toBe(true);
				expect(option.description).toBeTruthy();
			}
		});
	},
);

describe('searches in the node creator (codex aliases and action names)', () => {
	it.each(NODE_CREATOR_SEARCHES.map((search) => [search.search, search] as const))(
		'"%s" is one of the node\'s aliases or in its display name',
		(_, { search, displayName }) => {
			const node = nodeNamed(displayName);
			const names = [node.description.displayName, ...(node.codex.alias ?? [])].map((name) =>
				name.toLowerCase(),
			);
			expect(names.filter((name) => name.includes(search.toLowerCase()))).not.toEqual([]);
		},
	);

	const [triggerSearches, actionSearches] = [true, false].map((trigger) =>
		NODE_CREATOR_SEARCHES.filter((search) => Boolean(search.trigger) === trigger).map(
			(search) => [search.search, search] as const,
		),
	);

	it.each(actionSearches)(
		'"%s" leads to an action the node lists',
		(_, { displayName, action }) => {
			expect(actionsOf(nodeNamed(displayName).description).map((entry) => entry.action)).toContain(
				action,
			);
		},
	);

	it.each(triggerSearches)(
		'"%s" leads to an event of the node\'s trigger, as n8n words it ("On <event>")',
		(_, { displayName, action }) => {
			const trigger = [
				new AzureCommunicationPhoneNumbersTrigger(),
				new AzureCommunicationSipRoutingTrigger(),
			].find((node) => node.description.displayName === `${displayName} Trigger`);
			const events = trigger?.description.properties.find((property) => property.name === 'events');
			const words = (events?.options ?? []).map(
				(option) => `On ${String((option as { name: string }).name).toLowerCase()}`,
			);
			expect(words).toContain(action);
		},
	);
});

describe('the long-running operation resource', () => {
	it('reads as "Long-Running Operation" and keeps the value saved workflows use', () => {
		const option = resourceOptions(nodeNamed(PHONE_NUMBERS_NODE).description).find(
			(entry) => entry.value === 'operation',
		);
		expect(option?.name).toBe('Long-Running Operation');
	});
});

describe('parameter values saved workflows use', () => {
	it('are unchanged for every resource and operation', () => {
		const values = NODES_UNDER_TEST.map((node) => ({
			node: node.description.name,
			operations: actionsOf(node.description).map(
				({ resource, operation }) => `${resource}.${operation}`,
			),
		}));
		expect(values).toEqual([
			{
				node: 'azureCommunicationPhoneNumbers',
				operations: [
					'availableNumber.browse',
					'availableNumber.getSearchResult',
					'availableNumber.purchaseSearch',
					'availableNumber.search',
					'availableNumber.searchAndPurchase',
					'catalog.listAreaCodes',
					'catalog.listCountries',
					'catalog.listLocalities',
					'catalog.listOfferings',
					'operation.cancel',
					'operation.get',
					'operation.waitForCompletion',
					'operatorInformation.lookUp',
					'phoneNumber.get',
					'phoneNumber.getAll',
					'phoneNumber.release',
					'phoneNumber.updateCapabilities',
					'reservation.createOrUpdate',
					'reservation.delete',
					'reservation.get',
					'reservation.getAll',
					'reservation.purchase',
				],
			},
			{
				node: 'azureCommunicationSipRouting',
				operations: [
					'trunk.createOrUpdate',
					'trunk.delete',
					'trunk.get',
					'trunk.getAll',
					'trunk.replaceAll',
					'route.createOrUpdate',
					'route.delete',
					'route.get',
					'route.getAll',
					'route.replaceAll',
					'domain.createOrUpdate',
					'domain.delete',
					'domain.get',
					'domain.getAll',
					'configuration.applyDesiredState',
					'configuration.get',
					'configuration.testNumber',
				],
			},
		]);
	});
});
