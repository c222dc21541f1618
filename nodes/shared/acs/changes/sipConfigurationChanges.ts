/**
 * What changed between two readings of the SIP configuration. Trunks are keyed by FQDN, domains by name, routes
 * by name. Routes are an ordered list (the first matching route takes the call), so their order is compared on
 * its own: the routes present in both readings are compared in their relative order, and any difference is one
 * `routeOrder` change carrying both name lists. A route's `changed` covers its content only (pattern, trunks,
 * description, caller ID), never its position: a route that moved and was edited gives one `changed` and the
 * one `routeOrder`, and an added or removed route shifts others without reordering them.
 */
import { normaliseRoute } from '../sip/desiredStatePlanner';
import type { SipConfiguration } from '../sip/types';

type Value = Record<string, unknown>;

/** The configuration as the change detection keeps it: plain values, no health, no null fields. */
export interface SipConfigurationSnapshot {
	trunks: Record<string, Value>;
	routes: Value[];
	/** Absent where the API read has no domains (the stable API). */
	domains?: Record<string, Value>;
}

export type SipConfigurationSubject = 'trunk' | 'route' | 'domain' | 'routeOrder';

export interface SipConfigurationChange {
	subjectType: SipConfigurationSubject;
	subject: string;
	change: 'added' | 'removed' | 'changed' | 'reordered';
	before?: Value;
	after?: Value;
}

/** The subject of the one `routeOrder` change. */
export const ROUTE_ORDER_SUBJECT = 'routes';

function withoutEmptyFields(value: object, leaveOut: readonly string[] = []): Value {
	const out: Value = {};
	for (const [field, fieldValue] of Object.entries(value)) {
		if (fieldValue === undefined || fieldValue === null || leaveOut.includes(field)) continue;
		out[field] = fieldValue;
	}
	return out;
}

function mapValues(
	map: Record<string, object> | undefined,
	leaveOut: readonly string[] = [],
): Record<string, Value> {
	const out: Record<string, Value> = {};
	for (const name of Object.keys(map ?? {}).sort())
		out[name] = withoutEmptyFields(map![name], leaveOut);
	return out;
}

export function sipConfigurationSnapshot(
	configuration: SipConfiguration,
): SipConfigurationSnapshot {
	const snapshot: SipConfigurationSnapshot = {
		trunks: mapValues(configuration.trunks, ['health']),
		routes: (configuration.routes ?? []).map((route) => ({ ...normaliseRoute(route) })),
	};
	if (configuration.domains !== undefined) snapshot.domains = mapValues(configuration.domains);
	return snapshot;
}

/** Equal values, whatever the order of their fields. */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((item, index) => same(item, b[index]));
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	const aKeys = Object.keys(a);
	if (aKeys.length !== Object.keys(b).length) return false;
	return aKeys.every((key) => key in b && same((a as Value)[key], (b as Value)[key]));
}

function mapChanges(
	subjectType: 'trunk' | 'domain',
	before: Record<string, Value>,
	after: Record<string, Value>,
): SipConfigurationChange[] {
	const changes: SipConfigurationChange[] = [];
	for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
		const old = before[name];
		const now = after[name];
		if (old === undefined)
			changes.push({ subjectType, subject: name, change: 'added', after: now });
		else if (now === undefined)
			changes.push({ subjectType, subject: name, change: 'removed', before: old });
		else if (!same(old, now))
			changes.push({ subjectType, subject: name, change: 'changed', before: old, after: now });
	}
	return changes;
}

const routeName = (route: Value) => String(route.name);

/** A route as output: its value and its priority (its place in the list from 1, as the SIP Routing node says). */
function positioned(routes: Value[], name: string): Value | undefined {
	const index = routes.findIndex((route) => routeName(route) === name);
	return index === -1 ? undefined : { ...routes[index], priority: index + 1 };
}

function routeChanges(before: Value[], after: Value[]): SipConfigurationChange[] {
	const beforeNames = before.map(routeName);
	const afterNames = after.map(routeName);
	const changes: SipConfigurationChange[] = [];
	for (const name of afterNames) {
		const now = positioned(after, name)!;
		const old = positioned(before, name);
		if (old === undefined)
			changes.push({ subjectType: 'route', subject: name, change: 'added', after: now });
		else if (!same({ ...old, priority: 0 }, { ...now, priority: 0 }))
			changes.push({
				subjectType: 'route',
				subject: name,
				change: 'changed',
				before: old,
				after: now,
			});
	}
	for (const name of beforeNames.filter((candidate) => !afterNames.includes(candidate)))
		changes.push({
			subjectType: 'route',
			subject: name,
			change: 'removed',
			before: positioned(before, name),
		});
	const keptBefore = beforeNames.filter((name) => afterNames.includes(name));
	const keptAfter = afterNames.filter((name) => beforeNames.includes(name));
	if (!same(keptBefore, keptAfter)) {
		changes.push({
			subjectType: 'routeOrder',
			subject: ROUTE_ORDER_SUBJECT,
			change: 'reordered',
			before: { routes: beforeNames },
			after: { routes: afterNames },
		});
	}
	return changes;
}

/** Domains, then trunks, then routes, then the route order: every change once. */
export function sipConfigurationChanges(
	before: SipConfigurationSnapshot,
	after: SipConfigurationSnapshot,
): SipConfigurationChange[] {
	return [
		...mapChanges('domain', before.domains ?? {}, after.domains ?? {}),
		...mapChanges('trunk', before.trunks, after.trunks),
		...routeChanges(before.routes, after.routes),
	];
}

/**
 * A real event to show for Fetch Test Event: the first route as added (with its current value), else the first
 * trunk, else the first domain; undefined when the configuration is empty.
 */
export function sampleConfigurationChange(
	snapshot: SipConfigurationSnapshot,
): SipConfigurationChange | undefined {
	const route = snapshot.routes[0];
	if (route)
		return {
			subjectType: 'route',
			subject: routeName(route),
			change: 'added',
			after: positioned(snapshot.routes, routeName(route)),
		};
	const [fqdn] = Object.keys(snapshot.trunks);
	if (fqdn !== undefined)
		return { subjectType: 'trunk', subject: fqdn, change: 'added', after: snapshot.trunks[fqdn] };
	const [domain] = Object.keys(snapshot.domains ?? {});
	if (domain !== undefined)
		return {
			subjectType: 'domain',
			subject: domain,
			change: 'added',
			after: snapshot.domains![domain],
		};
	return undefined;
}
