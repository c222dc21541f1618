import { newIssues, type ConfigurationIssue } from './sipRules';
import type { SipConfiguration, SipDomain, SipRoute, SipTrunk } from './sipTypes';

/** Sections the user gave in full: each one replaces the stored section as a whole. */
export interface GivenSections {
	trunks?: Record<string, Partial<SipTrunk>>;
	routes?: SipRoute[];
	domains?: Record<string, SipDomain>;
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
 * be stored) and the port of a trunk that leaves it out (it may be stored).
 */
export function issuesWithoutStoredDocument(given: GivenSections, options: StandaloneOptions = {}): ConfigurationIssue[] {
	const trunks = given.trunks ?? {};
	const candidate: SipConfiguration = { trunks: trunks as Record<string, SipTrunk>, routes: given.routes ?? [] };
	if (given.domains !== undefined) candidate.domains = given.domains;
	return newIssues(NOTHING_STORED, candidate).filter((issue) => {
		if (issue.code === 'MissingTrunk') return false;
		if (issue.code === 'InvalidRouteNumberPattern') return !options.deferPatternSyntax;
		if (issue.code === 'InvalidTrunkSipSignalingPort') return portGiven(trunks, issue.target.slice('trunks/'.length));
		return true;
	});
}

function portGiven(trunks: Record<string, Partial<SipTrunk>>, fqdn: string): boolean {
	return Object.hasOwn(trunks, fqdn) && trunks[fqdn].sipSignalingPort !== undefined;
}
