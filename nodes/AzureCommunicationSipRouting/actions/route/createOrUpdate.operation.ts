import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { assertValidAlone, commitConfiguration } from '../../helpers/commit';
import { routeItem } from '../../helpers/items';
import { fail, parseTrunkList, readLocator, readRequiredString } from '../../helpers/parameters';
import { placeRoute, type RoutePosition } from '../../helpers/routeOrder';
import { readSipConfiguration } from '../../helpers/sipClient';
import { patternMatcherOf } from '../../helpers/patternMatcher';
import {
	patternHints,
	routeNameProblem,
	routePatternProblem,
	type ConfigurationIssue,
} from '../../helpers/sipRules';
import type { SipRoute } from '../../helpers/sipTypes';
import { completeRoute, type StatedRoute } from '../../helpers/statedEntries';
import { orderIsPriorityNotice, routeLocator, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['createOrUpdate'] } };

const properties: INodeProperties[] = [
	{ ...orderIsPriorityNotice, name: 'routeCreateNotice' },
	{
		displayName: 'Route Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. US and Canada',
		description:
			'Unique name of the route (at most 256 characters). If a route with this name exists it is updated.',
	},
	{
		displayName: 'Number Pattern',
		name: 'numberPattern',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ^\\+1[0-9]{10}$',
		description:
			'.NET regular expression matched against the dialed number in E.164 form, with its leading + (e.g. +14255550100). Escape the plus: \\+.',
	},
	{
		displayName: 'Trunks',
		name: 'trunks',
		type: 'string',
		default: '',
		placeholder: 'e.g. sbc1.contoso.com, sbc2.contoso.com',
		description:
			'FQDNs of the trunks that carry calls of this route, separated by commas, in the order they are tried. Each must exist.',
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'options',
		options: [
			{
				name: 'After a Route',
				value: 'after',
				description: 'Directly after another route (tried right after it)',
			},
			{
				name: 'Before a Route',
				value: 'before',
				description: 'Directly before another route (tried right before it)',
			},
			{
				name: 'First',
				value: 'first',
				description: 'Highest priority: tried before every other route',
			},
			{
				name: 'Keep Current',
				value: 'keep',
				description: 'An existing route keeps its place; a new route goes last',
			},
			{
				name: 'Last',
				value: 'last',
				description: 'Lowest priority: tried after every other route',
			},
		],
		default: 'keep',
		description:
			'Where the route goes in the list. Order is priority: the first matching route handles the call.',
	},
	routeLocator({
		displayName: 'Relative To Route',
		name: 'relativeTo',
		description: 'The route to place this one before or after',
		displayOptions: { show: { position: ['before', 'after'] } },
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields not set here keep their current value when the route exists',
		options: [
			{
				displayName: 'Caller ID Override',
				name: 'callerIdOverride',
				type: 'string',
				default: '',
				placeholder: 'e.g. +14255550100',
				description:
					'Number presented as caller ID on outgoing calls of this route (preview API only). Added but left empty, it removes the caller ID override.',
				displayOptions: { show: { '/sipApi': ['sipPreview'] } },
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Free text, at most 1024 characters',
			},
		],
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readRequiredString.call(this, 'name', 'Route Name', itemIndex);
	const nameIssue = routeNameProblem(name);
	if (nameIssue)
		throw fail.call(
			this,
			itemIndex,
			`Route Name: ${nameIssue}`,
			'Nothing was sent to the service.',
		);
	const numberPattern = readRequiredString.call(this, 'numberPattern', 'Number Pattern', itemIndex);
	const patternIssue = routePatternProblem(numberPattern);
	if (patternIssue) {
		throw fail.call(
			this,
			itemIndex,
			`Number Pattern: ${patternIssue}`,
			'Nothing was sent to the service.',
		);
	}
	const trunks = parseTrunkList.call(
		this,
		this.getNodeParameter('trunks', itemIndex, ''),
		'Trunks',
		itemIndex,
	);
	const position = this.getNodeParameter('position', itemIndex, 'keep') as RoutePosition;
	const relativeTo =
		position === 'before' || position === 'after'
			? readLocator.call(this, 'relativeTo', 'Relative To Route', itemIndex)
			: undefined;
	if (relativeTo === name) {
		throw fail.call(
			this,
			itemIndex,
			'Relative To Route: a route cannot be placed relative to itself',
			'Pick another route.',
		);
	}
	const choice = readSipApiChoice.call(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const given: StatedRoute = { name, numberPattern, trunks };
	if (typeof fields.description === 'string' && fields.description !== '')
		given.description = fields.description;
	if (typeof fields.callerIdOverride === 'string') {
		const callerId = fields.callerIdOverride.trim();
		if (callerId !== '')
			assertFeature.call(this, choice, 'trunkOptionsAndCallerId', 'Caller ID Override', itemIndex);
		if (choice.features.trunkOptionsAndCallerId)
			given.callerIdOverride = callerId === '' ? null : callerId;
	}
	assertValidAlone.call(this, { routes: [given] }, routeParameterFor, itemIndex);

	const before = await readSipConfiguration.call(this, choice, itemIndex);
	const existing = before.routes.find((route) => route.name === name);
	const route = completeRoute(existing, given).value as SipRoute;
	const placed = placeRoute(before.routes, route, position, relativeTo);
	if (placed.missingAnchor) {
		throw fail.call(
			this,
			itemIndex,
			`Relative To Route: there is no route "${relativeTo}"`,
			`Routes in priority order: ${before.routes.map((entry) => `"${entry.name}"`).join(', ') || 'none'}. Nothing was sent to the service.`,
		);
	}

	const outcome = await commitConfiguration.call(
		this,
		choice,
		itemIndex,
		before,
		{ ...before, routes: placed.routes },
		routeParameterFor,
	);
	const index = outcome.after.routes.findIndex((entry) => entry.name === name);
	const { hints, evaluatedLocally } = await patternHints(numberPattern, patternMatcherOf(this));
	if (hints.length > 0) {
		this.addExecutionHints(
			...hints.map((message) => ({
				message: `Route "${name}": ${message}`,
				location: 'outputPane' as const,
			})),
		);
	}
	return {
		...routeItem(
			index >= 0 ? outcome.after.routes[index] : route,
			index >= 0 ? index : placed.index,
			choice,
		),
		change:
			existing === undefined ? 'created' : outcome.patches.length > 0 ? 'updated' : 'unchanged',
		patternHints: hints,
		patternEvaluatedLocally: evaluatedLocally,
	};
}

function routeParameterFor(issue: ConfigurationIssue): string {
	switch (issue.code) {
		case 'MissingTrunk':
		case 'RouteWithDuplicatedTrunk':
		case 'TooManyTrunksInRoute':
			return 'Trunks';
		case 'InvalidRouteNumberPattern':
			return 'Number Pattern';
		case 'InvalidRouteDescription':
			return 'Description';
		default:
			return 'Route Name';
	}
}
