import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { withOutputFields } from '../../shared/node/runItems';

import type { SipApiChoice } from './apiChoice';
import { fail } from './parameters';
import { patchSipConfiguration } from './sipClient';
import {
	newIssues,
	planChanges,
	type ConfigurationIssue,
	type PlannedPatch,
	type ValidationRules,
} from './sipRules';
import type { SipConfiguration } from './sipTypes';
import {
	issuesWithoutStoredDocument,
	type GivenSections,
	type StandaloneOptions,
} from './standaloneChecks';

/** The parameter to name in a refusal: fixed, or chosen by the issue (e.g. a missing trunk → "Trunks"). */
export type ParameterNaming = string | ((issue: ConfigurationIssue) => string);

export interface CommitOutcome {
	before: SipConfiguration;
	after: SipConfiguration;
	/** The patches sent, in order; empty when the configuration already was as desired. */
	patches: PlannedPatch[];
}

/**
 * Validates `desired` (refusing before any request, naming the parameter and the offending trunk or route),
 * plans the fewest patches in a safe order, and sends them. `before` must be a fresh read: the SIP document
 * has no ETag, so the time between that read and these patches is the window in which another editor's change
 * can be overwritten. Patches carry only the changes, which keeps that window's damage small.
 */
export async function commitConfiguration(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	before: SipConfiguration,
	desired: SipConfiguration,
	parameter: ParameterNaming,
): Promise<CommitOutcome> {
	assertValid.call(this, before, desired, parameter, itemIndex, rulesOf(choice));
	const { patches } = planChanges(before, desired);
	const after = await sendPatches.call(this, choice, itemIndex, patches);
	return { before, after: after ?? before, patches };
}

/**
 * Sends planned patches in order; returns the document after the last one. When patch k fails, the error says
 * that patches 1..k-1 were applied (each leaves a valid document) and that running again finishes the job.
 */
export async function sendPatches(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	patches: PlannedPatch[],
): Promise<SipConfiguration | undefined> {
	let after: SipConfiguration | undefined;
	for (const [index, planned] of patches.entries()) {
		try {
			after = await patchSipConfiguration.call(this, choice, planned.patch, itemIndex);
		} catch (error) {
			throw partialFailure(error, index, patches);
		}
	}
	return after;
}

function partialFailure(error: unknown, index: number, patches: PlannedPatch[]): unknown {
	if (index === 0 || !(error instanceof NodeApiError || error instanceof NodeOperationError))
		return error;
	const applied = patches.slice(0, index).flatMap((step) => step.changes);
	error.description = [
		error.description,
		`Patch ${index + 1} of ${patches.length} failed; the ${index} before it were applied (${applied.join('; ')}).`,
		'The configuration is valid but not yet as desired: run again to finish (the plan is made from a fresh read).',
	]
		.filter(Boolean)
		.join(' ');
	return withOutputFields(error, { appliedPatches: index, plannedPatches: patches.length });
}

/** The rules the service applies at this api-version, beyond the ones every version has. */
export function rulesOf(choice: SipApiChoice): ValidationRules {
	return { domainRules: choice.features.domainRules };
}

/** Refuses problems the change would introduce; problems already stored (the service took them) are left alone. */
export function assertValid(
	this: IExecuteFunctions,
	before: SipConfiguration,
	desired: SipConfiguration,
	parameter: ParameterNaming,
	itemIndex: number,
	rules: ValidationRules = {},
): void {
	const issues = newIssues(before, desired, rules);
	if (issues.length === 0) return;
	const removedInUse = removedTrunksStillUsed(before, desired);
	const headline = removedInUse[0] ?? issues[0].message;
	const name = typeof parameter === 'string' ? parameter : parameter(issues[0]);
	throw fail.call(
		this,
		itemIndex,
		`${name}: ${headline}`,
		[...removedInUse, ...issues.map((issue) => issue.message)].join(' ') +
			' Nothing was sent to the service.',
	);
}

/** Refuses, before any request, what is wrong with the given sections whatever is stored. */
export function assertValidAlone(
	this: IExecuteFunctions,
	given: GivenSections,
	parameter: ParameterNaming,
	itemIndex: number,
	options: StandaloneOptions = {},
): void {
	const issues = issuesWithoutStoredDocument(given, options);
	if (issues.length === 0) return;
	const name = typeof parameter === 'string' ? parameter : parameter(issues[0]);
	throw fail.call(
		this,
		itemIndex,
		`${name}: ${issues[0].message}`,
		issues.map((issue) => issue.message).join(' ') + ' Nothing was sent to the service.',
	);
}

/** "Trunk X cannot be removed: routes ... use it" for trunks the change drops while routes still name them. */
function removedTrunksStillUsed(before: SipConfiguration, desired: SipConfiguration): string[] {
	return Object.keys(before.trunks)
		.filter((fqdn) => !Object.hasOwn(desired.trunks, fqdn))
		.map((fqdn) => ({
			fqdn,
			routes: desired.routes.filter((route) => (route.trunks ?? []).includes(fqdn)),
		}))
		.filter(({ routes }) => routes.length > 0)
		.map(
			({ fqdn, routes }) =>
				`Trunk ${fqdn} cannot be removed: ${routes.length === 1 ? 'route' : 'routes'} ${routes.map((route) => `"${route.name}"`).join(', ')} ${routes.length === 1 ? 'uses' : 'use'} it. Change those routes first.`,
		);
}
