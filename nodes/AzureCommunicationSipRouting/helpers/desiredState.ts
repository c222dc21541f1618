import { parseDomains, parseRoutes, parseTrunks } from './documentInput';
import { findDomainKey, findTrunkKey } from './items';
import type { SipConfiguration, SipDomain, SipTrunk } from './sipTypes';
import {
	completeDomain,
	completeRoute,
	completeTrunk,
	missingMessage,
	type Completed,
	type StatedDomain,
	type StatedRoute,
	type StatedTrunk,
} from './statedEntries';

export interface DesiredState {
	trunks?: Record<string, StatedTrunk>;
	routes?: StatedRoute[];
	domains?: Record<string, StatedDomain>;
	/** The full configuration this state asks for, given what is stored now; throws naming a new entry's missing field. */
	applyTo(current: SipConfiguration): SipConfiguration;
}

/**
 * Sections left out are not managed. Fields left out keep their stored value (a desired state written for the
 * stable API does not switch off preview-only options); a new entry without a field the service needs is refused.
 * Read-only `health` is ignored.
 */
export function parseDesiredState(value: unknown): DesiredState {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error('must be an object with "trunks", "routes" and/or "domains"');
	}
	const object = value as Record<string, unknown>;
	const unknownKeys = Object.keys(object).filter(
		(key) => !['trunks', 'routes', 'domains'].includes(key),
	);
	if (unknownKeys.length > 0) {
		throw new Error(
			`unknown section ${unknownKeys.map((key) => `"${key}"`).join(', ')}; use "trunks", "routes", "domains"`,
		);
	}
	const state: Omit<DesiredState, 'applyTo'> = {};
	if (object.trunks !== undefined) {
		const entries = parseTrunks(object.trunks);
		const seen = new Set<string>();
		state.trunks = {};
		for (const { fqdn, trunk } of entries) {
			if (seen.has(fqdn.toLowerCase())) throw new Error(`trunk "${fqdn}" is listed twice`);
			seen.add(fqdn.toLowerCase());
			state.trunks[fqdn] = trunk;
		}
	}
	if (object.routes !== undefined) state.routes = parseRoutes(object.routes);
	if (object.domains !== undefined) state.domains = parseDomains(object.domains);
	return { ...state, applyTo: (current) => applyState(state, current) };
}

function applyState(
	state: Omit<DesiredState, 'applyTo'>,
	current: SipConfiguration,
): SipConfiguration {
	const result: SipConfiguration = { ...current };
	if (state.trunks) {
		result.trunks = {};
		for (const [fqdn, trunk] of Object.entries(state.trunks)) {
			const key = findTrunkKey(current, fqdn) ?? fqdn;
			result.trunks[key] = completed('trunk', key, completeTrunk(current.trunks[key], trunk));
		}
	}
	if (state.routes) {
		result.routes = state.routes.map((route) =>
			completed(
				'route',
				route.name,
				completeRoute(
					current.routes.find((stored) => stored.name === route.name),
					route,
				),
			),
		);
	}
	if (state.domains) {
		const domains: Record<string, SipDomain> = {};
		for (const [name, domain] of Object.entries(state.domains)) {
			const key = findDomainKey(current, name) ?? name;
			domains[key] = completed('domain', key, completeDomain(current.domains?.[key], domain));
		}
		result.domains = domains;
	}
	return result;
}

function completed<T>(kind: 'trunk' | 'route' | 'domain', name: string, outcome: Completed<T>): T {
	if (outcome.missing !== undefined) throw new Error(missingMessage(kind, name, outcome.missing));
	return outcome.value;
}

const PREVIEW_TRUNK_FIELDS = [
	'enabled',
	'directTransfer',
	'privacyHeader',
	'ipAddressVersion',
] as const;

/**
 * Preview-only fields a desired state sets ("trunk x: enabled", "route y: callerIdOverride"). The stable API
 * drops them, so a plan that sends them there would never reach the desired state.
 */
export function previewOnlyFields(
	trunks: Record<string, Partial<SipTrunk>> | undefined,
	routes: Array<Pick<StatedRoute, 'name' | 'callerIdOverride'>> | undefined,
): string[] {
	const found: string[] = [];
	for (const [fqdn, trunk] of Object.entries(trunks ?? {})) {
		for (const field of PREVIEW_TRUNK_FIELDS)
			if (trunk[field] !== undefined) found.push(`trunk ${fqdn}: ${field}`);
	}
	for (const route of routes ?? []) {
		// null states "no caller ID", which is all the stable API knows
		if (route.callerIdOverride !== undefined && route.callerIdOverride !== null)
			found.push(`route "${route.name}": callerIdOverride`);
	}
	return found;
}
