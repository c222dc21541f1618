/**
 * What one item meant to change in the SIP document, checked against what the service stores afterwards. The
 * document has no ETag: another execution's read-modify-write can put back an older route list over ours (routes
 * are one array, replaced whole by a merge patch). Reading back and comparing with this intent finds that, and
 * `rebaseIntent` re-applies the same edits to a fresh read without undoing the other execution's own edits.
 */
import { sameRoute } from './sipRules';
import type { SipConfiguration, SipDomain, SipRoute, SipTrunk } from './sipTypes';

/** Sections whose whole stated content was meant (Replace All, Apply Desired State), not only what changed. */
export interface WholeSections {
	trunks?: boolean;
	routes?: boolean;
	domains?: boolean;
}

export interface EditIntent {
	/** Trunks written (null: deleted), by FQDN: the fields changed, or the whole trunk when its section is whole. */
	trunks: Record<string, SipTrunk | null>;
	domains: Record<string, SipDomain | null>;
	/** Routes written (null: deleted), by name. */
	routes: Map<string, SipRoute | null>;
	/**
	 * For a stored route the item updated (unless the whole list is meant): the fields it changed. Only these are
	 * checked and re-applied, so another execution may change the others meanwhile.
	 */
	routeFields: Map<string, RouteField[]>;
	/** The route names in the order meant; undefined when the item changed no route's place. */
	routeOrder?: string[];
	/**
	 * Whose place is checked: `all` when the item reordered stored routes (their whole relative order), `new` when it
	 * only added routes (each one's neighbours as meant, so another execution may reorder the others).
	 */
	placed?: 'all' | 'new';
	/** The routes the item added (not stored before it). */
	added: string[];
	/** The exact route list meant (Replace All, Apply Desired State with routes). */
	wholeRoutes?: SipRoute[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type RouteField = 'numberPattern' | 'trunks' | 'description' | 'callerIdOverride';
const ROUTE_FIELDS: RouteField[] = ['numberPattern', 'trunks', 'description', 'callerIdOverride'];

/** A route field as compared: unset, null and an empty text are the same. */
const fieldOf = (route: SipRoute, field: RouteField) =>
	JSON.stringify(field === 'trunks' ? (route.trunks ?? []) : route[field] || undefined);

const sameFields = (a: SipRoute, b: SipRoute, fields: RouteField[]) =>
	fields.every((field) => fieldOf(a, field) === fieldOf(b, field));

/** The fields of `value` that differ from `stored`: another execution may change the others meanwhile. */
function changedFields<T extends object>(stored: T | undefined, value: T): T {
	if (stored === undefined) return value;
	return Object.fromEntries(
		Object.entries(value).filter(([field, meant]) => !sameJson((stored as never)[field], meant)),
	) as T;
}

function mapEdits<T extends object>(
	before: Record<string, T>,
	desired: Record<string, T>,
	whole: boolean,
): Record<string, T | null> {
	const edits: Record<string, T | null> = {};
	for (const [key, value] of Object.entries(desired)) {
		if (whole) edits[key] = value;
		else if (!sameJson(before[key], value)) edits[key] = changedFields(before[key], value);
	}
	for (const key of Object.keys(before)) if (!Object.hasOwn(desired, key)) edits[key] = null;
	return edits;
}

function placed(before: SipRoute[], desired: SipRoute[]): EditIntent['placed'] {
	const names = new Set(before.map((route) => route.name));
	const kept = desired.filter((route) => names.has(route.name)).map((route) => route.name);
	const keptBefore = before.map((route) => route.name).filter((name) => kept.includes(name));
	if (!sameJson(kept, keptBefore)) return 'all';
	return kept.length !== desired.length ? 'new' : undefined;
}

/** The edits that take `before` to `desired`, plus the whole sections stated. */
export function intendedEdits(
	before: SipConfiguration,
	desired: SipConfiguration,
	whole: WholeSections = {},
): EditIntent {
	const routes = new Map<string, SipRoute | null>();
	const routeFields = new Map<string, RouteField[]>();
	const old = new Map(before.routes.map((route) => [route.name, route]));
	for (const route of desired.routes) {
		const stored = old.get(route.name);
		if (stored && sameRoute(stored, route)) continue;
		routes.set(route.name, route);
		if (stored && !whole.routes)
			routeFields.set(
				route.name,
				ROUTE_FIELDS.filter((field) => !sameFields(stored, route, [field])),
			);
	}
	const meant = new Set(desired.routes.map((route) => route.name));
	for (const route of before.routes) if (!meant.has(route.name)) routes.set(route.name, null);
	const place = placed(before.routes, desired.routes);
	return {
		trunks: mapEdits(before.trunks, desired.trunks, whole.trunks === true),
		domains: mapEdits(before.domains ?? {}, desired.domains ?? {}, whole.domains === true),
		routes,
		routeFields,
		routeOrder: place ? desired.routes.map((route) => route.name) : undefined,
		placed: place,
		added: desired.routes.filter((route) => !old.has(route.name)).map((route) => route.name),
		wholeRoutes: whole.routes ? desired.routes : undefined,
	};
}

const keyIn = (map: Record<string, unknown>, key: string) =>
	Object.keys(map).find((stored) => stored.toLowerCase() === key.toLowerCase());

/** Whether every field written is stored with that value (the service may add fields of its own). */
function holds<T extends object>(stored: T | undefined, meant: T): boolean {
	if (stored === undefined) return false;
	return Object.entries(meant).every(
		([field, value]) => value === undefined || sameJson((stored as never)[field], value),
	);
}

function mapNotStored<T extends object>(
	kind: 'trunk' | 'domain',
	meant: Record<string, T | null>,
	stored: Record<string, T>,
): string[] {
	return Object.entries(meant).flatMap(([key, value]) => {
		const found = keyIn(stored, key);
		const current = found === undefined ? undefined : stored[found];
		if (value === null)
			return current === undefined
				? []
				: [`${kind} ${key} was meant to be deleted but is stored (${JSON.stringify(current)})`];
		if (holds(current, value)) return [];
		return [
			`${kind} ${key} was meant to be ${JSON.stringify(value)} but is ${current === undefined ? 'not stored' : `stored as ${JSON.stringify(current)}`}`,
		];
	});
}

/** A route as the service may give it back: trunk names in any case, an empty description left out. */
function asStored(route: SipRoute): SipRoute {
	const { description, ...rest } = route;
	const trunks = (route.trunks ?? []).map((trunk) => trunk.toLowerCase());
	return description ? { ...rest, description, trunks } : { ...rest, trunks };
}

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ') || 'none';

function routesNotStored(intent: EditIntent, stored: SipRoute[]): string[] {
	const byName = new Map(stored.map((route) => [route.name, route]));
	const problems = [...intent.routes].flatMap(([name, meant]) => {
		const current = byName.get(name);
		if (meant === null)
			return current === undefined ? [] : [`route "${name}" was meant to be deleted but is stored`];
		if (current === undefined) return [`route "${name}" is not stored`];
		const fields = intent.routeFields.get(name);
		const held = fields
			? sameFields(asStored(current), asStored(meant), fields)
			: sameRoute(asStored(current), asStored(meant));
		return held
			? []
			: [
					`route "${name}" was meant to be ${JSON.stringify(meant)} but is stored as ${JSON.stringify(current)}`,
				];
	});
	const names = stored.map((route) => route.name);
	if (intent.wholeRoutes) {
		const meantNames = intent.wholeRoutes.map((route) => route.name);
		if (!sameJson(names, meantNames))
			problems.push(
				`the routes were meant to be ${quoted(meantNames)} in this order but are ${quoted(names)}`,
			);
	} else if (intent.routeOrder) {
		problems.push(...orderNotStored(intent, intent.routeOrder, names));
	}
	return problems;
}

/** The order meant, for the routes whose place the item set (of those still stored). */
function orderNotStored(intent: EditIntent, order: string[], names: string[]): string[] {
	const present = new Set(names);
	if (intent.placed === 'all') {
		const meant = order.filter((name) => present.has(name));
		const stored = names.filter((name) => order.includes(name));
		return sameJson(meant, stored)
			? []
			: [`the route order was meant to be ${quoted(meant)} but is ${quoted(stored)}`];
	}
	return intent.added.flatMap((name) => {
		if (!misplaced(name, order, names)) return [];
		const index = order.indexOf(name);
		const meant = [order[index - 1], name, order[index + 1]].filter((entry) => entry !== undefined);
		return [
			`route "${name}" was meant to be in the order ${quoted(meant)} but the routes are ${quoted(names)}`,
		];
	});
}

/** Whether a stored route `name` is not between the routes meant to come right before and after it. */
function misplaced(name: string, order: string[], names: string[]): boolean {
	const at = names.indexOf(name);
	if (at < 0) return false;
	const index = order.indexOf(name);
	const [previous, next] = [names.indexOf(order[index - 1]), names.indexOf(order[index + 1])];
	return (previous >= 0 && previous > at) || (next >= 0 && next < at);
}

/** The item's route edits by name, and its route order when it set one. */
export function routeEditLabels(intent: EditIntent): string[] {
	const labels = [...intent.routes].map(([name, route]) =>
		route === null ? `route "${name}" deleted` : `route "${name}"`,
	);
	if (intent.wholeRoutes || intent.routeOrder) labels.push('the route order');
	return labels;
}

/** The edits of `intent` that `stored` does not hold, each naming the trunk, domain or route and what is stored. */
export function editsNotStored(intent: EditIntent, stored: SipConfiguration): string[] {
	return [
		...mapNotStored('trunk', intent.trunks, stored.trunks),
		...mapNotStored('domain', intent.domains, stored.domains ?? {}),
		...routesNotStored(intent, stored.routes),
	];
}

function rebaseMap<T extends object>(
	fresh: Record<string, T>,
	edits: Record<string, T | null>,
): Record<string, T> {
	const result = { ...fresh };
	for (const [key, value] of Object.entries(edits)) {
		const found = keyIn(result, key) ?? key;
		if (value === null) delete result[found];
		else result[found] = { ...result[found], ...value };
	}
	return result;
}

/** A stored route with the item's edit applied: the fields it changed, or the whole route it wrote. */
function rebasedRoute(fresh: SipRoute, intent: EditIntent): SipRoute {
	const meant = intent.routes.get(fresh.name);
	const fields = intent.routeFields.get(fresh.name);
	if (!meant || !fields) return meant ?? fresh;
	const rebased: SipRoute = { ...fresh };
	for (const field of fields) {
		if (meant[field] === undefined) delete rebased[field];
		else Object.assign(rebased, { [field]: meant[field] });
	}
	return rebased;
}

function rebaseRoutes(fresh: SipRoute[], intent: EditIntent): SipRoute[] {
	if (intent.wholeRoutes) return intent.wholeRoutes;
	const order = intent.routeOrder ?? [];
	const freshNames = fresh.map((route) => route.name);
	const routes = fresh
		.filter((route) => intent.routes.get(route.name) !== null)
		.filter(
			(route) => !(intent.added.includes(route.name) && misplaced(route.name, order, freshNames)),
		)
		.map((route) => rebasedRoute(route, intent));
	for (const [name, route] of intent.routes) {
		if (route === null || routes.some((entry) => entry.name === name)) continue;
		// After the routes meant before it, but not after the one meant right after it.
		const index = order.indexOf(name);
		if (index < 0) {
			routes.push(route);
			continue;
		}
		const earlier = new Set(order.slice(0, index));
		const afterEarlier = routes.reduce(
			(last, entry, at) => (earlier.has(entry.name) ? at + 1 : last),
			0,
		);
		const next = routes.findIndex((entry) => entry.name === order[index + 1]);
		routes.splice(next >= 0 && next < afterEarlier ? next : afterEarlier, 0, route);
	}
	if (intent.placed !== 'all') return routes;
	// Routes the item reordered take, among the places they hold, the order meant.
	const slots = routes.flatMap((route, index) => (order.includes(route.name) ? [index] : []));
	const ordered = slots
		.map((index) => routes[index])
		.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
	slots.forEach((slot, index) => (routes[slot] = ordered[index]));
	return routes;
}

/** The same edits applied to a fresh read: what another execution changed meanwhile is kept. */
export function rebaseIntent(fresh: SipConfiguration, intent: EditIntent): SipConfiguration {
	const rebased: SipConfiguration = {
		...fresh,
		trunks: rebaseMap(fresh.trunks, intent.trunks),
		routes: rebaseRoutes(fresh.routes, intent),
	};
	if (fresh.domains !== undefined || Object.keys(intent.domains).length > 0)
		rebased.domains = rebaseMap(fresh.domains ?? {}, intent.domains);
	return rebased;
}
