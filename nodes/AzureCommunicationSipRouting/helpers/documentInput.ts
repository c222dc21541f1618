import { SIP_LIMITS } from '../../shared/acs/sip/types';

import { readPort } from './sipPort';
import { trunkOptionProblem } from './trunkOptions';
import type { StatedDomain, StatedRoute, StatedTrunk } from './statedEntries';

/**
 * Turns user JSON into SIP document parts. Accepts the document's own shapes (trunks as a map keyed by FQDN,
 * routes as an array) and the list shape our Get Many outputs (items with `fqdn`, `domain`, `name`), so that
 * output of this node can be fed back in. Only the fields an entry states are kept (see statedEntries). Throws Error
 * with a message naming the entry; callers add the parameter.
 */

const TRUNK_FIELDS = [
	'sipSignalingPort',
	'enabled',
	'directTransfer',
	'privacyHeader',
	'ipAddressVersion',
] as const;
const ROUTE_FIELDS = [
	'name',
	'numberPattern',
	'description',
	'trunks',
	'callerIdOverride',
] as const;
/** Route fields that null clears (the others: null states nothing). */
const CLEARABLE_ROUTE_FIELDS = new Set<string>(['description', 'callerIdOverride']);

export type TrunkEntry = { fqdn: string; trunk: StatedTrunk };

/**
 * Names that cannot key a trunk or domain map: as a key, "__proto__" would be dropped (or replace the map's
 * prototype) and the others would find Object.prototype members. None of them is a valid FQDN anyway.
 */
const RESERVED_NAMES = new Set([
	'__proto__',
	'prototype',
	...Object.getOwnPropertyNames(Object.prototype),
]);

/** The trimmed name; throws for a reserved one, so that it is refused by name instead of silently lost. */
export function mapKey(name: string, kind: 'trunk' | 'domain'): string {
	const trimmed = name.trim();
	if (RESERVED_NAMES.has(trimmed)) {
		throw new Error(
			`${kind} "${trimmed}" is not a valid ${kind === 'trunk' ? 'FQDN' : 'domain name'} (a reserved name)`,
		);
	}
	return trimmed;
}

/** Refuses a list longer than the service allows before any of its entries is looked at. */
function assertCount(count: number, max: number, noun: string): void {
	if (count > max) throw new Error(`${count} ${noun}; at most ${max} are allowed.`);
}

export function parseTrunks(value: unknown): TrunkEntry[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) {
		assertCount(value.length, SIP_LIMITS.maxTrunks, 'trunks');
		return value.map((entry, index) => {
			const object = asObject(entry, `trunk ${index + 1}`);
			const fqdn = object.fqdn;
			if (typeof fqdn !== 'string' || fqdn.trim() === '') {
				throw new Error(`trunk ${index + 1} has no "fqdn"`);
			}
			const key = mapKey(fqdn, 'trunk');
			return { fqdn: key, trunk: pickTrunk(object, `trunk "${key}"`) };
		});
	}
	const map = asObject(value, 'trunks');
	assertCount(Object.keys(map).length, SIP_LIMITS.maxTrunks, 'trunks');
	return Object.entries(map).map(([fqdn, entry]) => ({
		fqdn: mapKey(fqdn, 'trunk'),
		trunk: pickTrunk(asObject(entry, `trunk "${fqdn}"`), `trunk "${fqdn}"`),
	}));
}

export function parseRoutes(value: unknown): StatedRoute[] {
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : asObject(value, 'routes').routes;
	if (!Array.isArray(list)) throw new Error('routes must be an array (order is priority)');
	assertCount(list.length, SIP_LIMITS.maxRoutes, 'routes');
	return list.map((entry, index) => toRoute(asObject(entry, `route ${index + 1}`), index));
}

export function toRoute(object: Record<string, unknown>, index: number): StatedRoute {
	const label =
		typeof object.name === 'string' && object.name !== ''
			? `route "${object.name}"`
			: `route ${index + 1}`;
	const route: Record<string, unknown> = {};
	for (const field of ROUTE_FIELDS) {
		const fieldValue = object[field];
		if (fieldValue === undefined) continue;
		if (fieldValue === null) {
			if (CLEARABLE_ROUTE_FIELDS.has(field)) route[field] = null;
		} else if (field === 'trunks') {
			route.trunks = trunkNames(fieldValue, label);
		} else if (typeof fieldValue === 'string') {
			route[field] = fieldValue;
		} else {
			throw new Error(`${label}: "${field}" must be text`);
		}
	}
	return { ...route, name: (route.name as string | undefined) ?? '' };
}

export function parseDomains(value: unknown): Record<string, StatedDomain> {
	if (value === undefined || value === null) return {};
	const result: Record<string, StatedDomain> = {};
	assertCount(
		Array.isArray(value) ? value.length : Object.keys(asObject(value, 'domains')).length,
		SIP_LIMITS.maxDomains,
		'domains',
	);
	if (Array.isArray(value)) {
		value.forEach((entry, index) => {
			const object = asObject(entry, `domain ${index + 1}`);
			if (typeof object.domain !== 'string' || object.domain.trim() === '') {
				throw new Error(`domain ${index + 1} has no "domain"`);
			}
			addDomain(result, mapKey(object.domain, 'domain'), object);
		});
		return result;
	}
	for (const [name, entry] of Object.entries(asObject(value, 'domains'))) {
		addDomain(result, mapKey(name, 'domain'), asObject(entry, `domain "${name}"`));
	}
	return result;
}

function addDomain(
	result: Record<string, StatedDomain>,
	name: string,
	object: Record<string, unknown>,
): void {
	const twice = Object.keys(result).find((other) => other.toLowerCase() === name.toLowerCase());
	if (twice !== undefined) throw new Error(`domain "${name}" is listed twice`);
	const { enabled } = object;
	if (enabled !== undefined && enabled !== null && typeof enabled !== 'boolean') {
		throw new Error(`domain "${name}": "enabled" must be true or false`);
	}
	result[name] = typeof enabled === 'boolean' ? { enabled } : {};
}

function pickTrunk(object: Record<string, unknown>, label: string): StatedTrunk {
	const trunk: Record<string, unknown> = {};
	for (const field of TRUNK_FIELDS) {
		if (object[field] === undefined || object[field] === null) continue;
		if (field === 'sipSignalingPort') {
			trunk[field] = object[field];
			continue;
		}
		const option = trunkOptionProblem(field, object[field]);
		if (option.error !== undefined) throw new Error(`${label}: ${field} ${option.error}`);
		trunk[field] = option.value;
	}
	if (trunk.sipSignalingPort !== undefined) {
		const read = readPort(trunk.sipSignalingPort);
		if ('problem' in read) throw new Error(`${label}: ${read.problem}`);
		trunk.sipSignalingPort = read.port;
	}
	return trunk as StatedTrunk;
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
