/**
 * Plans the PATCH bodies that take the SIP document from its current state to a desired one.
 *
 * Each patch is built against the state the service holds BEFORE it (so the plan is safe even if the service
 * checked a patch against the old document): a route list is sent only once every trunk it names exists, a
 * trunk is deleted only once no route uses it, a domain only once no trunk lies under it. Within those rules
 * every change that is already safe joins the current patch, which gives the fewest patches: typically
 * (1) add/update domains and trunks (+ delete unused trunks), (2) set routes, (3) delete trunks the old routes used.
 * No-op changes are skipped; an already-desired document gives an empty plan.
 */
import { applySipPatch } from './mergePatch';
import type {
	SipConfiguration,
	SipConfigurationPatch,
	SipDomain,
	SipRoute,
	SipTrunk,
} from './types';

export interface DesiredSipState {
	trunks: Record<string, SipTrunk>;
	routes: SipRoute[];
	/** Omit to leave domains untouched (GA API has none). */
	domains?: Record<string, SipDomain>;
}

export interface PlanStep {
	patch: SipConfigurationPatch;
	changes: string[];
}

export interface SipPlan {
	steps: PlanStep[];
	/** All changes, in order, human-readable. */
	changes: string[];
	/** True when nothing needs to be sent. */
	upToDate: boolean;
}

const WRITABLE_TRUNK_FIELDS = [
	'sipSignalingPort',
	'enabled',
	'directTransfer',
	'privacyHeader',
	'ipAddressVersion',
] as const;

function trunkDifferences(current: SipTrunk | undefined, desired: SipTrunk): Partial<SipTrunk> {
	const diff: Record<string, unknown> = {};
	for (const field of WRITABLE_TRUNK_FIELDS) {
		const want = desired[field];
		if (want === undefined) continue;
		if (!current || current[field] !== want) diff[field] = want;
	}
	return diff as Partial<SipTrunk>;
}

export function normaliseRoute(route: SipRoute): SipRoute {
	const out: SipRoute = {
		name: route.name,
		numberPattern: route.numberPattern,
		trunks: [...(route.trunks ?? [])],
	};
	if (route.description !== undefined && route.description !== null)
		out.description = route.description;
	if (route.callerIdOverride !== undefined && route.callerIdOverride !== null)
		out.callerIdOverride = route.callerIdOverride;
	return out;
}

function sameRoute(a: SipRoute, b: SipRoute): boolean {
	return JSON.stringify(normaliseRoute(a)) === JSON.stringify(normaliseRoute(b));
}

function describeRoutes(current: SipRoute[], desired: SipRoute[]): string[] {
	const changes: string[] = [];
	const before = new Map(current.map((r) => [r.name, r]));
	const after = new Map(desired.map((r) => [r.name, r]));
	desired.forEach((route, index) => {
		const old = before.get(route.name);
		if (!old)
			changes.push(
				`add route "${route.name}" at position ${index + 1} (${route.numberPattern} -> ${(route.trunks ?? []).join(', ') || 'no trunk'})`,
			);
		else if (!sameRoute(old, route)) changes.push(`update route "${route.name}"`);
	});
	for (const route of current)
		if (!after.has(route.name)) changes.push(`remove route "${route.name}"`);
	const keptBefore = current.filter((r) => after.has(r.name)).map((r) => r.name);
	const keptAfter = desired.filter((r) => before.has(r.name)).map((r) => r.name);
	if (keptBefore.join('\u0000') !== keptAfter.join('\u0000'))
		changes.push(`reorder routes: ${keptAfter.map((n) => `"${n}"`).join(', ')}`);
	return changes;
}

function trunkUnderDomain(fqdn: string, domain: string): boolean {
	return fqdn === domain || fqdn.endsWith(`.${domain}`);
}

/** Trunks outside every domain, once the document has domains (the preview API's domain rule). */
function trunksOutsideDomains(config: SipConfiguration): string[] {
	const domains = Object.keys(config.domains ?? {});
	if (domains.length === 0) return [];
	return Object.keys(config.trunks ?? {}).filter(
		(fqdn) => !domains.some((domain) => trunkUnderDomain(fqdn, domain)),
	);
}

function describeTrunk(
	fqdn: string,
	update: Partial<SipTrunk>,
	currentTrunks: Record<string, SipTrunk>,
): string {
	const detail = Object.entries(update).map(
		([k, v]) => `${k}: ${currentTrunks[fqdn]?.[k as keyof SipTrunk] ?? '—'} -> ${v}`,
	);
	return `${currentTrunks[fqdn] ? 'update' : 'add'} trunk ${fqdn} (${detail.join(', ')})`;
}

export function planSipChanges(current: SipConfiguration, desired: DesiredSipState): SipPlan {
	const currentTrunks = current.trunks ?? {};
	const currentDomains = current.domains ?? {};
	const currentRoutes = current.routes ?? [];

	const domainUpserts = new Map<string, Partial<SipDomain>>();
	const domainDeletes = new Set<string>();
	if (desired.domains) {
		for (const [name, domain] of Object.entries(desired.domains)) {
			if (!currentDomains[name] || currentDomains[name].enabled !== domain.enabled)
				domainUpserts.set(name, { enabled: domain.enabled });
		}
		for (const name of Object.keys(currentDomains))
			if (!(name in desired.domains)) domainDeletes.add(name);
	}
	const trunkUpserts = new Map<string, Partial<SipTrunk>>();
	for (const [fqdn, trunk] of Object.entries(desired.trunks)) {
		const diff = trunkDifferences(currentTrunks[fqdn], trunk);
		if (Object.keys(diff).length > 0) trunkUpserts.set(fqdn, diff);
	}
	const trunkDeletes = new Set(
		Object.keys(currentTrunks).filter((fqdn) => !(fqdn in desired.trunks)),
	);
	let routesPending =
		currentRoutes.length !== desired.routes.length ||
		currentRoutes.some((route, i) => !sameRoute(route, desired.routes[i]));
	let detoured = false;

	const steps: PlanStep[] = [];
	let state: SipConfiguration = JSON.parse(JSON.stringify(current));
	for (let guard = 0; guard < 12; guard++) {
		const stateTrunks = state.trunks ?? {};
		const usedByRoutes = new Set((state.routes ?? []).flatMap((r) => r.trunks ?? []));
		const domainsIn = new Map(domainUpserts);
		const trunksIn = new Map(trunkUpserts);
		const build = (): SipConfigurationPatch => {
			const patch: SipConfigurationPatch = {};
			for (const [name, update] of domainsIn) (patch.domains ??= {})[name] = update;
			for (const [fqdn, update] of trunksIn) (patch.trunks ??= {})[fqdn] = update;
			return patch;
		};
		// Domain rule: no patch may leave a trunk outside every domain. First domains wait until the trunks outside
		// them are gone; a new trunk waits for its domain, or (outside every domain) until the last domain is gone.
		let stranded = trunksOutsideDomains(applySipPatch(state, build()).value);
		if (stranded.some((fqdn) => fqdn in stateTrunks)) {
			for (const name of domainsIn.keys())
				if (!(name in (state.domains ?? {}))) domainsIn.delete(name);
			stranded = trunksOutsideDomains(applySipPatch(state, build()).value);
		}
		for (const fqdn of stranded) if (!(fqdn in stateTrunks)) trunksIn.delete(fqdn);

		const patch = build();
		const changes: string[] = [];
		for (const [name, update] of domainsIn)
			changes.push(
				`${currentDomains[name] ? 'update' : 'add'} domain ${name} (enabled: ${update.enabled})`,
			);
		for (const [fqdn, update] of trunksIn) changes.push(describeTrunk(fqdn, update, currentTrunks));
		if (
			routesPending &&
			desired.routes.every((r) => (r.trunks ?? []).every((t) => t in stateTrunks))
		) {
			patch.routes = desired.routes.map(normaliseRoute);
			for (const change of describeRoutes(currentRoutes, desired.routes)) changes.push(change);
			routesPending = false;
		}
		for (const fqdn of [...trunkDeletes]) {
			if (usedByRoutes.has(fqdn)) continue;
			(patch.trunks ??= {})[fqdn] = null;
			changes.push(`remove trunk ${fqdn}`);
			trunkDeletes.delete(fqdn);
		}
		// trunks this patch adds count too: a domain goes only once no trunk lies under it before or after the patch
		const trunksAround = new Set([
			...Object.keys(stateTrunks),
			...Object.keys(applySipPatch(state, patch).value.trunks ?? {}),
		]);
		for (const name of [...domainDeletes]) {
			if ([...trunksAround].some((fqdn) => trunkUnderDomain(fqdn, name))) continue;
			(patch.domains ??= {})[name] = null;
			changes.push(`remove domain ${name}`);
			domainDeletes.delete(name);
		}
		// The last domains are gone in this patch: trunks outside every domain may now join it.
		const after = applySipPatch(state, patch).value;
		if (Object.keys(after.domains ?? {}).length === 0) {
			for (const [fqdn, update] of trunkUpserts) {
				if (trunksIn.has(fqdn)) continue;
				(patch.trunks ??= {})[fqdn] = update;
				trunksIn.set(fqdn, update);
				changes.push(describeTrunk(fqdn, update, currentTrunks));
			}
		}
		for (const name of domainsIn.keys()) domainUpserts.delete(name);
		for (const fqdn of trunksIn.keys()) trunkUpserts.delete(fqdn);

		if (changes.length === 0) {
			// Stuck (routes need trunks that wait for a domain change that waits for trunks the routes use): take the
			// trunks that are going away out of the routes first. A temporary routing change, said so in the plan.
			const routes = state.routes ?? [];
			const affected = routes.filter((route) =>
				(route.trunks ?? []).some((fqdn) => trunkDeletes.has(fqdn)),
			);
			if (detoured || affected.length === 0) break;
			detoured = true;
			const detour = routes.map((route) =>
				normaliseRoute({
					...route,
					trunks: (route.trunks ?? []).filter((fqdn) => !trunkDeletes.has(fqdn)),
				}),
			);
			steps.push({
				patch: { routes: detour },
				changes: affected.map(
					(route) =>
						`temporarily remove trunk(s) ${(route.trunks ?? []).filter((fqdn) => trunkDeletes.has(fqdn)).join(', ')} from route "${route.name}" (the domain rules allow no other order)`,
				),
			});
			state = applySipPatch(state, { routes: detour }).value;
			routesPending = true;
			continue;
		}
		steps.push({ patch, changes });
		state = applySipPatch(state, patch).value;
	}
	// Domains that still have trunks the desired state keeps cannot be removed: report it rather than loop.
	const leftovers = [...domainDeletes].map(
		(d) => `domain ${d} is kept: desired trunks lie under it`,
	);
	const changes = [...steps.flatMap((s) => s.changes), ...leftovers];
	return { steps, changes, upToDate: steps.length === 0 };
}
