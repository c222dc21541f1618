/**
 * The one place where this node uses the shared pure SIP rules (nodes/shared/acs): validation, pattern hints,
 * local route matching and change planning. Nothing here is SIP logic of its own.
 */
import {
	domainsRemovedWhileInUse,
	validateSipConfiguration,
	type SipConfigIssue,
} from '../../shared/acs/sip/configValidation';
import { normaliseRoute, planSipChanges } from '../../shared/acs/sip/desiredStatePlanner';
import type { PatternMatcher } from '../../shared/acs/sip/patternEvaluation';
import { matchRoutesWithin } from '../../shared/acs/sip/routeMatcher';
import { lintRoutePattern, routePatternSyntaxError } from '../../shared/acs/sip/routePatternLint';
import {
	validateFqdn,
	validatePort,
	validateRouteName,
	validateRouteNumberPatternLength,
} from '../../shared/acs/validators';
import type { SipConfiguration, SipConfigurationPatch, SipRoute } from './sipTypes';

export type ConfigurationIssue = SipConfigIssue;

export interface PlannedPatch {
	patch: SipConfigurationPatch;
	/** Human-readable changes this patch makes. */
	changes: string[];
}

export interface Plan {
	patches: PlannedPatch[];
	/** Every change in order, plus anything the plan had to leave as it is. */
	changes: string[];
}

export function fqdnProblem(value: unknown): string | undefined {
	return validateFqdn(value);
}

export function portProblem(value: unknown): string | undefined {
	return validatePort(value);
}

export function routeNameProblem(value: unknown): string | undefined {
	return validateRouteName(value);
}

/** Refuses only what the service refuses: empty, too long, or not a valid .NET regular expression. */
export function routePatternProblem(value: unknown): string | undefined {
	return validateRouteNumberPatternLength(value) ?? routePatternSyntaxError(value as string);
}

export interface PatternHints {
	hints: string[];
	/** False when the pattern was not evaluated locally (the hints that need matching are missing). */
	evaluatedLocally: boolean;
}

/** Hints about a pattern that the service accepts but that probably does not do what was meant. */
export async function patternHints(
	pattern: string,
	matcher: PatternMatcher,
): Promise<PatternHints> {
	const lint = await lintRoutePattern(pattern, matcher);
	return {
		hints: lint.valid ? lint.hints.map((hint) => hint.message) : [],
		evaluatedLocally: lint.evaluated,
	};
}

export interface ValidationRules {
	/** The preview api-versions' domain rules (see SipFeatures.domainRules); they bite only once there are domains. */
	domainRules?: boolean;
}

/** Problems `desired` has that `before` did not have: what was stored was accepted by the service, leave it. */
export function newIssues(
	before: SipConfiguration,
	desired: SipConfiguration,
	rules: ValidationRules = {},
): ConfigurationIssue[] {
	const options = { domainRules: rules.domainRules === true };
	const existing = new Set(validateSipConfiguration(before, options).map(issueKey));
	const issues = validateSipConfiguration(desired, options);
	if (options.domainRules) issues.push(...domainsRemovedWhileInUse(before, desired));
	return issues.filter((issue) => !existing.has(issueKey(issue)));
}

function issueKey(issue: ConfigurationIssue): string {
	return `${issue.code}|${issue.target}|${issue.message}`;
}

/** Fewest patches, each safe against the state before it (trunks before the routes that use them, and so on). */
export function planChanges(before: SipConfiguration, desired: SipConfiguration): Plan {
	const plan = planSipChanges(before, desired);
	return {
		patches: plan.steps.map((step) => ({ patch: step.patch, changes: step.changes })),
		changes: plan.changes,
	};
}

export interface ChangeSummary {
	trunksCreated: string[];
	trunksUpdated: string[];
	trunksDeleted: string[];
	routesChanged: boolean;
	domainsCreated: string[];
	domainsUpdated: string[];
	domainsDeleted: string[];
}

export function summariseChanges(
	before: SipConfiguration,
	desired: SipConfiguration,
): ChangeSummary {
	const diff = <T>(from: Record<string, T> = {}, to: Record<string, T> = {}) => ({
		created: Object.keys(to).filter((key) => from[key] === undefined),
		updated: Object.keys(to).filter(
			(key) => from[key] !== undefined && !sameJson(from[key], to[key]),
		),
		deleted: Object.keys(from).filter((key) => to[key] === undefined),
	});
	const trunks = diff(before.trunks, desired.trunks);
	const domains = diff(before.domains, desired.domains);
	return {
		trunksCreated: trunks.created,
		trunksUpdated: trunks.updated,
		trunksDeleted: trunks.deleted,
		routesChanged: !sameJson(before.routes, desired.routes),
		domainsCreated: domains.created,
		domainsUpdated: domains.updated,
		domainsDeleted: domains.deleted,
	};
}

export function sameRoute(a: SipRoute, b: SipRoute): boolean {
	return sameJson(normaliseRoute(a), normaliseRoute(b));
}

export interface LocalEvaluation {
	matchingRoutes: SipRoute[];
	route?: SipRoute;
	/** False when some route pattern could not be evaluated exactly here. */
	exact: boolean;
	/** Names of the routes whose pattern was not evaluated here: the service decides for them. */
	notEvaluated: string[];
	notes: string[];
}

export async function evaluateNumberLocally(
	configuration: SipConfiguration,
	phoneNumber: string,
	matcher: PatternMatcher,
): Promise<LocalEvaluation> {
	const result = await matchRoutesWithin(configuration, phoneNumber, matcher);
	return {
		matchingRoutes: result.matchingRoutes,
		route: result.selectedRoute,
		exact: result.unevaluated.length === 0,
		notEvaluated: result.unevaluated.map((entry) => entry.route.name),
		notes: result.unevaluated.map((entry) =>
			entry.overBudget
				? `Route "${entry.route.name}": ${entry.reason}`
				: `Route "${entry.route.name}" could not be evaluated locally: ${entry.reason}`,
		),
	};
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
	);
}
