import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { PatternMatcher } from '../../../shared/acs/sip/patternEvaluation';
import { validateE164 } from '../../../shared/acs/validators';
import { readSipApiChoice } from '../../helpers/apiChoice';
import { assertValid, assertValidAlone } from '../../helpers/commit';
import { parseDesiredState, type DesiredState } from '../../helpers/desiredState';
import { fail, parseJson, readRequiredString } from '../../helpers/parameters';
import { readSipConfiguration, testRoutesWithNumberOnService } from '../../helpers/sipClient';
import { patternMatcherOf } from '../../helpers/patternMatcher';
import { evaluateNumberLocally, patternHints } from '../../helpers/sipRules';
import type { SipConfiguration, SipRoute } from '../../helpers/sipTypes';
import { sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['configuration'], operation: ['testNumber'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +14255550100',
		description: 'The dialed number in E.164 form, with its leading +',
	},
	{
		displayName: 'Configuration',
		name: 'configurationSource',
		type: 'options',
		options: [
			{
				name: 'Stored',
				value: 'stored',
				description: 'The configuration the resource has now',
			},
			{
				name: 'Candidate',
				value: 'candidate',
				description: 'A configuration you have not saved yet (nothing is saved by this test)',
			},
		],
		default: 'stored',
	},
	{
		displayName: 'Candidate Configuration (JSON)',
		name: 'candidateConfiguration',
		type: 'json',
		default: '{\n  "trunks": {},\n  "routes": []\n}',
		required: true,
		displayOptions: { show: { configurationSource: ['candidate'] } },
		description:
			'Same shape as Apply Desired State. Sections you leave out are taken from the stored configuration.',
	},
	{
		displayName: 'Ask the Service Too',
		name: 'checkWithService',
		type: 'boolean',
		default: true,
		description:
			'Whether to also ask the service (testRoutesWithNumber) and compare. Only the preview API has it; on the stable API only the local evaluation runs.',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Twice the longest E.164 number ("+" and 15 digits): room for a prefix or an extension, no more. */
const MAX_PHONE_NUMBER_LENGTH = 32;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phoneNumber = readRequiredString.call(this, 'phoneNumber', 'Phone Number', itemIndex);
	if (phoneNumber.length > MAX_PHONE_NUMBER_LENGTH) {
		throw fail.call(
			this,
			itemIndex,
			`Phone Number is ${phoneNumber.length} characters long; at most ${MAX_PHONE_NUMBER_LENGTH} are taken`,
			'Give the dialed number in E.164 form, e.g. +14255550100 (at most 16 characters). Nothing was sent to the service.',
		);
	}
	const source = this.getNodeParameter('configurationSource', itemIndex, 'stored') as
		| 'stored'
		| 'candidate';
	const checkWithService = this.getNodeParameter('checkWithService', itemIndex, true) as boolean;
	const choice = readSipApiChoice.call(this, itemIndex);
	const candidate = source === 'candidate' ? readCandidate.call(this, itemIndex) : undefined;

	const stored = await readSipConfiguration.call(this, choice, itemIndex);
	const configuration = candidate
		? applyCandidate.call(this, candidate, stored, itemIndex)
		: stored;

	const matcher = patternMatcherOf(this);
	const local = await evaluateNumberLocally(configuration, phoneNumber, matcher);
	const result: IDataObject = {
		phoneNumber,
		configuration: source,
		route: local.route?.name ?? null,
		trunks: local.route ? [...(local.route.trunks ?? [])] : [],
		matchingRoutes: local.matchingRoutes.map((route) => route.name),
		localExact: local.exact,
		routesNotEvaluatedLocally: local.notEvaluated,
		serviceChecked: false,
		serviceRoute: null,
		serviceTrunks: [],
		serviceMatchingRoutes: [],
		agree: null,
		notes: [...local.notes],
	};
	const numberProblem = validateE164(phoneNumber, 'Phone Number');
	if (numberProblem)
		(result.notes as string[]).push(
			`${numberProblem} Routes are matched against numbers as the service sees them.`,
		);

	if (!checkWithService) return result;
	if (!choice.features.testRoutesWithNumber) {
		(result.notes as string[]).push(
			`The service route test is not in api-version ${choice.effectiveVersion}; pick the preview API to compare with the service.`,
		);
		return result;
	}
	const matching = await testRoutesWithNumberOnService.call(
		this,
		choice,
		phoneNumber,
		source === 'candidate' ? configuration : undefined,
		itemIndex,
	);
	const serviceRoute: SipRoute | undefined = matching[0];
	const serviceNames = matching.map((route) => route.name);
	const agree = sameList(serviceNames, result.matchingRoutes as string[]);
	if (!agree) {
		(result.notes as string[]).push(
			'The local evaluation and the service disagree; the service decides. Check the patterns of the routes listed for hints.',
			...(await disagreementHints(
				configuration,
				serviceNames,
				result.matchingRoutes as string[],
				matcher,
			)),
		);
	}
	return {
		...result,
		serviceChecked: true,
		serviceRoute: serviceRoute?.name ?? null,
		serviceTrunks: serviceRoute ? [...(serviceRoute.trunks ?? [])] : [],
		serviceMatchingRoutes: serviceNames,
		agree,
	};
}

const CANDIDATE = 'Candidate Configuration (JSON)';

/** The candidate, refused before any request when it is wrong whatever is stored. */
function readCandidate(this: IExecuteFunctions, itemIndex: number): DesiredState {
	const raw = parseJson.call(
		this,
		this.getNodeParameter('candidateConfiguration', itemIndex),
		CANDIDATE,
		itemIndex,
	);
	let candidate: DesiredState;
	try {
		candidate = parseDesiredState(raw);
	} catch (error) {
		throw fail.call(
			this,
			itemIndex,
			`${CANDIDATE}: ${(error as Error).message}`,
			'Nothing was sent to the service.',
		);
	}
	assertValidAlone.call(this, candidate, CANDIDATE, itemIndex, { deferPatternSyntax: true });
	return candidate;
}

function applyCandidate(
	this: IExecuteFunctions,
	candidate: DesiredState,
	stored: SipConfiguration,
	itemIndex: number,
): SipConfiguration {
	const configuration = candidate.applyTo(stored);
	assertValid.call(this, stored, configuration, CANDIDATE, itemIndex);
	return configuration;
}

async function disagreementHints(
	configuration: SipConfiguration,
	service: string[],
	local: string[],
	matcher: PatternMatcher,
): Promise<string[]> {
	const differing = new Set([
		...service.filter((name) => !local.includes(name)),
		...local.filter((name) => !service.includes(name)),
	]);
	const hints: string[] = [];
	for (const route of configuration.routes.filter((entry) => differing.has(entry.name))) {
		const { hints: messages } = await patternHints(route.numberPattern, matcher);
		hints.push(...messages.map((hint) => `Route "${route.name}": ${hint}`));
	}
	return hints;
}

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}
