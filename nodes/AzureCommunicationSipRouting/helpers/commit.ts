import type { IExecuteFunctions } from 'n8n-workflow';

import type { SipApiChoice } from './apiChoice';
import type { WholeSections } from './editIntent';
import { fail } from './parameters';
import {
	newIssues,
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
import { writeVerified } from './verifiedWrite';

/** The parameter to name in a refusal: fixed, or chosen by the issue (e.g. a missing trunk → "Trunks"). */
export type ParameterNaming = string | ((issue: ConfigurationIssue) => string);

export interface CommitOutcome {
	before: SipConfiguration;
	/** As read back after the write (checked to hold this item's edits). */
	after: SipConfiguration;
	/** The patches sent, in order; empty when the configuration already was as desired. */
	patches: PlannedPatch[];
}

/**
 * Validates `desired` (refusing before any request, naming the parameter and the offending trunk or route),
 * plans the fewest patches in a safe order, sends them and checks the read-back (verifiedWrite.ts). `before` must be
 * a fresh read: the SIP document has no ETag, so between that read and these patches another editor's change can be
 * overwritten, and ours by theirs. Patches carry only the changes, which keeps that window's damage small.
 * `whole`: the sections whose whole stated content is meant (Replace All), not only what changed.
 */
export async function commitConfiguration(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	before: SipConfiguration,
	desired: SipConfiguration,
	parameter: ParameterNaming,
	whole: WholeSections = {},
): Promise<CommitOutcome> {
	assertValid.call(this, before, desired, parameter, itemIndex, rulesOf(choice));
	const written = await writeVerified.call(
		this,
		choice,
		itemIndex,
		before,
		desired,
		rulesOf(choice),
		whole,
	);
	return { before, after: written.after, patches: written.patches };
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
