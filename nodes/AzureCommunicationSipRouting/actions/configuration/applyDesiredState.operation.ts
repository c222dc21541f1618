import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { assertValid, assertValidAlone, commitConfiguration, rulesOf } from '../../helpers/commit';
import {
	parseDesiredState,
	previewOnlyFields,
	type DesiredState,
} from '../../helpers/desiredState';
import { fail, parseJson } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import type { SipConfiguration, SipRoute } from '../../helpers/sipTypes';
import { patternMatcherOf } from '../../helpers/patternMatcher';
import { patternHints, planChanges, summariseChanges } from '../../helpers/sipRules';
import type { PatternMatcher } from '../../../shared/acs/sip/patternEvaluation';
import { sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['configuration'], operation: ['applyDesiredState'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'Give the trunks, routes and (preview API) domains you want. Sections you leave out are left as they are. Routes are in priority order.',
		name: 'applyDesiredStateNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Desired State (JSON)',
		name: 'desiredState',
		type: 'json',
		default:
			'{\n  "trunks": { "sbc1.contoso.com": { "sipSignalingPort": 5061 } },\n  "routes": [\n    { "name": "All", "numberPattern": "^\\\\+[1-9][0-9]{3,23}$", "trunks": ["sbc1.contoso.com"] }\n  ]\n}',
		required: true,
		description:
			'An object with "trunks" (keyed by FQDN, or a list of objects with "fqdn"), "routes" (array in priority order) and optionally "domains". The output of Configuration → Get fits here.',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to only return the plan (the patches in order) without changing anything',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const parameter = 'Desired State (JSON)';
	const raw = parseJson.call(
		this,
		this.getNodeParameter('desiredState', itemIndex),
		parameter,
		itemIndex,
	);
	let desiredState: DesiredState;
	try {
		desiredState = parseDesiredState(raw);
	} catch (error) {
		throw fail.call(
			this,
			itemIndex,
			`${parameter}: ${(error as Error).message}`,
			'Nothing was sent to the service.',
		);
	}
	const dryRun = this.getNodeParameter('dryRun', itemIndex, false) as boolean;
	const choice = readSipApiChoice.call(this, itemIndex);
	if (desiredState.domains !== undefined)
		assertFeature.call(this, choice, 'domains', `${parameter}: "domains"`, itemIndex);
	const previewFields = previewOnlyFields(desiredState.trunks, desiredState.routes);
	if (previewFields.length > 0) {
		assertFeature.call(
			this,
			choice,
			'trunkOptionsAndCallerId',
			`${parameter}: ${previewFields.join(', ')}`,
			itemIndex,
		);
	}
	assertValidAlone.call(this, desiredState, parameter, itemIndex, { deferPatternSyntax: true });

	const before = await readSipConfiguration.call(this, choice, itemIndex);
	let desired: SipConfiguration;
	try {
		desired = desiredState.applyTo(before);
	} catch (error) {
		throw fail.call(
			this,
			itemIndex,
			`${parameter}: ${(error as Error).message}`,
			'Give it in the desired state. Nothing was sent to the service.',
		);
	}
	assertValid.call(this, before, desired, parameter, itemIndex, rulesOf(choice));
	const { patches, changes } = planChanges(before, desired);

	const { hints, notEvaluated } = await routePatternHints(
		desiredState.routes ? desired.routes : [],
		patternMatcherOf(this),
	);
	if (hints.length > 0) {
		this.addExecutionHints(
			...hints.flatMap(({ route, hints: messages }) =>
				messages.map((message) => ({
					message: `Route "${route}": ${message}`,
					location: 'outputPane' as const,
				})),
			),
		);
	}
	const result: IDataObject = {
		dryRun,
		inSync: patches.length === 0,
		applied: false,
		patchCount: patches.length,
		changes,
		plan: patches.map((planned, index) => ({
			step: index + 1,
			changes: planned.changes,
			patch: planned.patch,
		})),
		...summariseChanges(before, desired),
		patternHints: hints,
		routesNotEvaluatedLocally: notEvaluated,
	};
	if (dryRun || patches.length === 0) return result;

	await commitConfiguration.call(this, choice, itemIndex, before, desired, parameter, {
		trunks: desiredState.trunks !== undefined,
		routes: desiredState.routes !== undefined,
		domains: desiredState.domains !== undefined,
	});
	return { ...result, applied: true };
}

interface RouteHints {
	route: string;
	numberPattern: string;
	hints: string[];
}

/** Hints for the routes the desired state gives (a section left out is not changed, so it gets none). */
async function routePatternHints(
	routes: SipRoute[],
	matcher: PatternMatcher,
): Promise<{ hints: RouteHints[]; notEvaluated: string[] }> {
	const hints: RouteHints[] = [];
	const notEvaluated: string[] = [];
	for (const route of routes) {
		const found = await patternHints(route.numberPattern, matcher);
		if (found.hints.length > 0)
			hints.push({ route: route.name, numberPattern: route.numberPattern, hints: found.hints });
		if (!found.evaluatedLocally) notEvaluated.push(route.name);
	}
	return { hints, notEvaluated };
}
