import { newIssues, type ConfigurationIssue } from './sipRules';
import type { SipConfiguration, SipDomain, SipRoute, SipTrunk } from './sipTypes';
import type { StatedDomain, StatedRoute, StatedTrunk } from './statedEntries';

/** Sections the user gave in full: each one replaces the stored section as a whole (fields left out are kept). */
export interface GivenSections {
	trunks?: Record<string, StatedTrunk>;
	routes?: StatedRoute[];
	domains?: Record<string, StatedDomain>;
}

export interface StandaloneOptions {
	/**
	 * Leave number-pattern syntax to the check after the read: a stored pattern the service accepted must not
	 * block a desired state that repeats it (the local .NET syntax check may be stricter than the service).
	 */
	deferPatternSyntax?: boolean;
}

const NOTHING_STORED: SipConfiguration = { trunks: {}, routes: [] };

/**
 * Problems of the given sections that no stored document can change (names, ports, limits, duplicates), so that
 * they are refused before any request. Left for the check after the read: routes naming trunks (the trunks may
 * be stored), and the port, number pattern or enabled flag an entry leaves out (it may be stored).
 */
export function issuesWithoutStoredDocument(
	given: GivenSections,
	options: StandaloneOptions = {},
): ConfigurationIssue[] {
	const trunks = given.trunks ?? {};
	const routes = given.routes ?? [];
	const candidate: SipConfiguration = {
		trunks: trunks as Record<string, SipTrunk>,
		routes: routes.map(
			(route) => ({ ...route, numberPattern: route.numberPattern ?? '' }) as SipRoute,
		),
	};
	if (given.domains !== undefined) {
		candidate.domains = Object.fromEntries(
			Object.entries(given.domains).map(([name, domain]) => [
				name,
				{ enabled: domain.enabled ?? true } as SipDomain,
			]),
		);
	}
	return newIssues(NOTHING_STORED, candidate).filter((issue) => {
		if (issue.code === 'MissingTrunk') return false;
		if (issue.code === 'InvalidRouteNumberPattern')
			return !options.deferPatternSyntax && patternGiven(routes, issue.target);
		if (issue.code === 'InvalidTrunkSipSignalingPort')
			return portGiven(trunks, issue.target.slice('trunks/'.length));
		return true;
	});
}

function portGiven(trunks: Record<string, Partial<SipTrunk>>, fqdn: string): boolean {
	return Object.hasOwn(trunks, fqdn) && trunks[fqdn].sipSignalingPort !== undefined;
}

/** Whether the route an issue targets ("routes/<name>") states its number pattern. */
function patternGiven(routes: StatedRoute[], target: string): boolean {
	const name = target.slice('routes/'.length);
	return !routes.some((route) => route.name === name && route.numberPattern === undefined);
}
