import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { previewOnlyFields } from '../../helpers/desiredState';
import { assertValidAlone, commitConfiguration } from '../../helpers/commit';
import { parseRoutes, toRoute } from '../../helpers/documentInput';
import { routeItem } from '../../helpers/items';
import { refuseItemCallerIdOnStable } from '../../helpers/itemCallerId';
import { fail } from '../../helpers/parameters';
import { readReplaceAllSource } from '../../helpers/replaceAllSource';
import { readSipConfiguration } from '../../helpers/sipClient';
import { patternMatcherOf } from '../../helpers/patternMatcher';
import {
	patternHints,
	routeNameProblem,
	routePatternProblem,
	sameRoute,
} from '../../helpers/sipRules';
import { completeRoute, missingMessage, type StatedRoute } from '../../helpers/statedEntries';
import { SIP_LIMITS } from '../../../shared/acs/sip/types';
import { orderIsPriorityNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['replaceAll'] } };

const properties: INodeProperties[] = [
	{
		...orderIsPriorityNotice,
		name: 'routeReplaceAllNotice',
		displayName:
			'Runs once for all input items and replaces the whole route list. Order is priority: the first route (first item or first array entry) is tried first.',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Input Items',
				value: 'items',
				description: 'One route per input item, in item order',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'All routes in one JSON array, in priority order',
			},
		],
		default: 'items',
	},
	{
		displayName: 'Route Name',
		name: 'name',
		type: 'string',
		default: '={{ $json.name }}',
		required: true,
		displayOptions: { show: { source: ['items'] } },
	},
	{
		displayName: 'Number Pattern',
		name: 'numberPattern',
		type: 'string',
		default: '={{ $json.numberPattern }}',
		required: true,
		displayOptions: { show: { source: ['items'] } },
		description: '.NET regular expression matched against the E.164 number with its leading +',
	},
	{
		displayName: 'Trunks',
		name: 'trunks',
		type: 'string',
		default: '={{ $json.trunks }}',
		displayOptions: { show: { source: ['items'] } },
		description: 'Trunk FQDNs in the order they are tried: an array, or text separated by commas',
	},
	{
		displayName: 'Description',
		name: 'routeDescription',
		type: 'string',
		default: '={{ $json.description }}',
		displayOptions: { show: { source: ['items'] } },
	},
	{
		displayName: 'Caller ID Override',
		name: 'callerIdOverride',
		type: 'string',
		default: '={{ $json.callerIdOverride }}',
		displayOptions: { show: { source: ['items'], sipApi: ['sipPreview'] } },
	},
	{
		displayName: 'Routes (JSON)',
		name: 'routesJson',
		type: 'json',
		default:
			'[\n  { "name": "US", "numberPattern": "^\\\\+1[0-9]{10}$", "trunks": ["sbc1.contoso.com"] }\n]',
		required: true,
		displayOptions: { show: { source: ['json'] } },
		description:
			'Array of routes in priority order, each with "name", "numberPattern", "trunks" and optionally "description" (and "callerIdOverride" on the preview API). Fields left out keep the stored route\'s value, null removes a description or caller ID; a new route needs "numberPattern".',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('source', 0) as string;
	const parameter = source === 'json' ? 'Routes (JSON)' : 'Route Name';
	const { entries: stated, sourceItems } = readReplaceAllSource(
		this,
		{
			name: 'routesJson',
			displayName: 'Routes (JSON)',
			parse: parseRoutes,
			max: SIP_LIMITS.maxRoutes,
			noun: 'routes',
		},
		(itemIndex) => readItemRoute.call(this, itemIndex),
	);
	const choice = readSipApiChoice.call(this, 0);
	stated.forEach((route, index) => {
		const itemIndex = sourceItems[index];
		const problem =
			routeNameProblem(route.name) ??
			(route.numberPattern === undefined ? undefined : routePatternProblem(route.numberPattern));
		if (problem) {
			throw fail.call(
				this,
				itemIndex,
				`${parameter}: route ${index + 1} ("${route.name}"): ${problem}`,
				'Nothing was sent to the service.',
			);
		}
	});
	const previewFields = previewOnlyFields(undefined, stated);
	if (previewFields.length > 0) {
		const field = source === 'json' ? parameter : 'Caller ID Override';
		assertFeature.call(
			this,
			choice,
			'trunkOptionsAndCallerId',
			`${field}: ${previewFields.join(', ')}`,
			0,
		);
	}
	assertValidAlone.call(this, { routes: stated }, parameter, 0);

	const before = await readSipConfiguration.call(this, choice, 0);
	const routes = stated.map((route, index) => {
		const completed = completeRoute(
			before.routes.find((stored) => stored.name === route.name),
			route,
		);
		if (completed.missing === undefined) return completed.value;
		const where =
			source === 'json'
				? `${parameter}: `
				: `Number Pattern: input item ${sourceItems[index] + 1}, `;
		throw fail.call(
			this,
			sourceItems[index],
			`${where}${missingMessage('route', route.name, completed.missing)}`,
			'A new route needs its number pattern. Nothing was sent to the service.',
		);
	});
	const outcome = await commitConfiguration.call(
		this,
		choice,
		0,
		before,
		{ ...before, routes },
		parameter,
		{ routes: true },
	);

	const matcher = patternMatcherOf(this);
	const output: INodeExecutionData[] = [];
	for (const [index, route] of outcome.after.routes.entries()) {
		const previousIndex = before.routes.findIndex((entry) => entry.name === route.name);
		const change =
			previousIndex < 0
				? 'created'
				: previousIndex === index && sameRoute(before.routes[previousIndex], route)
					? 'unchanged'
					: 'updated';
		const inputIndex = routes.findIndex((entry) => entry.name === route.name);
		const { hints, evaluatedLocally } = await patternHints(route.numberPattern, matcher);
		output.push({
			json: {
				...routeItem(route, index, choice),
				change,
				patternHints: hints,
				patternEvaluatedLocally: evaluatedLocally,
			},
			pairedItem: { item: inputIndex >= 0 ? sourceItems[inputIndex] : 0 },
		});
	}
	for (const route of before.routes) {
		if (outcome.after.routes.some((entry) => entry.name === route.name)) continue;
		output.push({
			json: {
				...routeItem(route, 0, choice),
				priority: null,
				change: 'deleted',
				patternHints: [],
				patternEvaluatedLocally: null,
			},
			pairedItem: { item: 0 },
		});
	}
	return output;
}

function readItemRoute(this: IExecuteFunctions, itemIndex: number): StatedRoute {
	const raw: IDataObject = {
		name: textOrUndefined(this.getNodeParameter('name', itemIndex, '')),
		numberPattern: textOrUndefined(this.getNodeParameter('numberPattern', itemIndex, undefined)),
		trunks: emptyAsUndefined(
			this.getNodeParameter('trunks', itemIndex, undefined),
		) as IDataObject['trunks'],
		description: clearableText(this.getNodeParameter('routeDescription', itemIndex, undefined)),
	};
	// shown (and so readable) only when the API picked is Preview
	if (this.getNodeParameter('sipApi', 0, 'sip') === 'sipPreview') {
		raw.callerIdOverride = clearableText(
			this.getNodeParameter('callerIdOverride', itemIndex, undefined),
		);
	} else {
		refuseItemCallerIdOnStable.call(this, itemIndex, raw.name as string | undefined);
	}
	try {
		return toRoute(raw, itemIndex);
	} catch (error) {
		throw fail.call(
			this,
			itemIndex,
			`Input item ${itemIndex + 1}: ${(error as Error).message}`,
			'Nothing was sent to the service.',
		);
	}
}

/** Undefined states nothing; null or empty text clears the field. */
function clearableText(value: unknown): string | null | undefined {
	if (value === undefined) return undefined;
	return textOrUndefined(value) ?? null;
}

function emptyAsUndefined(value: unknown): unknown {
	return value === null || value === '' ? undefined : value;
}

function textOrUndefined(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}
