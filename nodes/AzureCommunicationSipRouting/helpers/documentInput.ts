import type { SipDomain, SipRoute, SipTrunk } from './sipTypes';

/**
 * Turns user JSON into SIP document parts. Accepts the document's own shapes (trunks as a map keyed by FQDN,
 * routes as an array) and the list shape our Get Many outputs (items with `fqdn`, `domain`, `name`), so that
 * output of this node can be fed back in. Throws Error with a message naming the entry; callers add the parameter.
 */

const TRUNK_FIELDS = ['sipSignalingPort', 'enabled', 'directTransfer', 'privacyHeader', 'ipAddressVersion'] as const;
const ROUTE_FIELDS = ['name', 'numberPattern', 'description', 'trunks', 'callerIdOverride'] as const;

export type TrunkEntry = { fqdn: string; trunk: Partial<SipTrunk> };

export function parseTrunks(value: unknown): TrunkEntry[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) {
		return value.map((entry, index) => {
			const object = asObject(entry, `trunk ${index + 1}`);
			const fqdn = object.fqdn;
			if (typeof fqdn !== 'string' || fqdn.trim() === '') {
				throw new Error(`trunk ${index + 1} has no "fqdn"`);
			}
			return { fqdn: fqdn.trim(), trunk: pickTrunk(object) };
		});
	}
	const map = asObject(value, 'trunks');
	return Object.entries(map).map(([fqdn, entry]) => ({
		fqdn: fqdn.trim(),
		trunk: pickTrunk(asObject(entry, `trunk "${fqdn}"`)),
	}));
}

export function parseRoutes(value: unknown): SipRoute[] {
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : asObject(value, 'routes').routes;
	if (!Array.isArray(list)) throw new Error('routes must be an array (order is priority)');
	return list.map((entry, index) => toRoute(asObject(entry, `route ${index + 1}`), index));
}

export function toRoute(object: Record<string, unknown>, index: number): SipRoute {
	const label = typeof object.name === 'string' && object.name !== '' ? `route "${object.name}"` : `route ${index + 1}`;
	const route: Partial<SipRoute> = {};
	for (const field of ROUTE_FIELDS) {
		const fieldValue = object[field];
		if (fieldValue === undefined || fieldValue === null) continue;
		if (field === 'trunks') {
			route.trunks = trunkNames(fieldValue, label);
		} else if (typeof fieldValue === 'string') {
			route[field] = fieldValue;
		} else {
			throw new Error(`${label}: "${field}" must be text`);
		}
	}
	return { name: route.name ?? '', numberPattern: route.numberPattern ?? '', ...route, trunks: route.trunks ?? [] };
}

export function parseDomains(value: unknown): Record<string, SipDomain> {
	if (value === undefined || value === null) return {};
	const result: Record<string, SipDomain> = {};
	if (Array.isArray(value)) {
		value.forEach((entry, index) => {
			const object = asObject(entry, `domain ${index + 1}`);
			if (typeof object.domain !== 'string' || object.domain.trim() === '') {
				throw new Error(`domain ${index + 1} has no "domain"`);
			}
			result[object.domain.trim()] = { enabled: object.enabled !== false };
		});
		return result;
	}
	for (const [name, entry] of Object.entries(asObject(value, 'domains'))) {
		const object = asObject(entry, `domain "${name}"`);
		result[name.trim()] = { enabled: object.enabled !== false };
	}
	return result;
}

function pickTrunk(object: Record<string, unknown>): Partial<SipTrunk> {
	const trunk: Record<string, unknown> = {};
	for (const field of TRUNK_FIELDS) {
		if (object[field] !== undefined && object[field] !== null) trunk[field] = object[field];
	}
	if (typeof trunk.sipSignalingPort === 'string' && /^\d+$/.test(trunk.sipSignalingPort)) {
		trunk.sipSignalingPort = Number(trunk.sipSignalingPort);
	}
	return trunk as Partial<SipTrunk>;
}

function trunkNames(value: unknown, label: string): string[] {
	const list = typeof value === 'string' ? value.split(/[,;\n]/) : value;
	if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) {
		throw new Error(`${label}: "trunks" must be a list of FQDNs`);
	}
	return (list as string[]).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function asObject(value: unknown, label: string): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error(`${label} must be an object`);
	}
	return value as Record<string, unknown>;
}
