import { parseDomains, parseRoutes, parseTrunks } from './documentInput';
import { findTrunkKey } from './items';
import type { SipConfiguration, SipDomain, SipRoute, SipTrunk } from './sipTypes';

export interface DesiredState {
	trunks?: Record<string, Partial<SipTrunk>>;
	routes?: SipRoute[];
	domains?: Record<string, SipDomain>;
	/** The full configuration this state asks for, given what is stored now. */
	applyTo(current: SipConfiguration): SipConfiguration;
}

/**
 * Sections left out are not managed. Trunk fields left out keep their stored value (a desired state written
 * for the stable API does not switch off preview-only options). Read-only `health` is ignored.
 */
export function parseDesiredState(value: unknown): DesiredState {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error('must be an object with "trunks", "routes" and/or "domains"');
	}
	const object = value as Record<string, unknown>;
	const unknownKeys = Object.keys(object).filter((key) => !['trunks', 'routes', 'domains'].includes(key));
	if (unknownKeys.length > 0) {
		throw new Error(`unknown section ${unknownKeys.map((key) => `"${key}"`).join(', ')}; use "trunks", "routes", "domains"`);
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

function applyState(state: Omit<DesiredState, 'applyTo'>, current: SipConfiguration): SipConfiguration {
	const result: SipConfiguration = { ...current };
	if (state.trunks) {
		result.trunks = {};
		for (const [fqdn, trunk] of Object.entries(state.trunks)) {
			const key = findTrunkKey(current, fqdn) ?? fqdn;
			const merged = { ...current.trunks[key], ...trunk } as SipTrunk;
			delete merged.health;
			result.trunks[key] = merged;
		}
	}
	if (state.routes) result.routes = state.routes;
	if (state.domains) result.domains = state.domains;
	return result;
}

const PREVIEW_TRUNK_FIELDS = ['enabled', 'directTransfer', 'privacyHeader', 'ipAddressVersion'] as const;

/**
 * Preview-only fields a desired state sets ("trunk x: enabled", "route y: callerIdOverride"). The stable API
 * drops them, so a plan that sends them there would never reach the desired state.
 */
export function previewOnlyFields(
	trunks: Record<string, Partial<SipTrunk>> | undefined,
	routes: SipRoute[] | undefined,
): string[] {
	const found: string[] = [];
	for (const [fqdn, trunk] of Object.entries(trunks ?? {})) {
		for (const field of PREVIEW_TRUNK_FIELDS) if (trunk[field] !== undefined) found.push(`trunk ${fqdn}: ${field}`);
	}
	for (const route of routes ?? []) {
		if (route.callerIdOverride !== undefined) found.push(`route "${route.name}": callerIdOverride`);
	}
	return found;
}
