/**
 * What each api-version shows of the stored document. GA (2023-03-01 and other non-preview versions) shows
 * trunks {sipSignalingPort} and routes {name, numberPattern, description?, trunks}; previews add domains,
 * trunk enabled/directTransfer/privacyHeader/ipAddressVersion (with defaults), route callerIdOverride (null when
 * unset) and,
 * with expand=trunks/health, trunk health.
 */
import type { SipDocument, SipRoute, SipTrunk } from './model';
import { UNKNOWN_HEALTH, type SipState } from './state';

export function isPreviewVersion(apiVersion: string): boolean {
	return /preview/i.test(apiVersion);
}

function routeView(route: SipRoute, preview: boolean): SipRoute {
	const out: SipRoute = {
		name: route.name,
		numberPattern: route.numberPattern,
		trunks: [...(route.trunks ?? [])],
	};
	if (route.description !== undefined) out.description = route.description;
	if (preview) out.callerIdOverride = route.callerIdOverride ?? null;
	return out;
}

export function routesView(routes: SipRoute[], preview: boolean): SipRoute[] {
	return routes.map((route) => routeView(route, preview));
}

function trunkView(
	fqdn: string,
	trunk: SipTrunk,
	state: SipState,
	preview: boolean,
	withHealth: boolean,
): SipTrunk {
	if (!preview) return { sipSignalingPort: trunk.sipSignalingPort };
	const out: SipTrunk = {
		sipSignalingPort: trunk.sipSignalingPort,
		enabled: trunk.enabled ?? true,
		directTransfer: trunk.directTransfer ?? false,
		privacyHeader: trunk.privacyHeader ?? 'id',
		ipAddressVersion: trunk.ipAddressVersion ?? 'ipv4',
	};
	if (withHealth) out.health = state.health[fqdn] ?? UNKNOWN_HEALTH;
	return out;
}

export function configurationView(
	state: SipState,
	apiVersion: string,
	withHealth = false,
): SipDocument {
	const preview = isPreviewVersion(apiVersion);
	const trunks: Record<string, SipTrunk> = {};
	for (const [fqdn, trunk] of Object.entries(state.config.trunks))
		trunks[fqdn] = trunkView(fqdn, trunk, state, preview, withHealth);
	const view: SipDocument = {};
	if (preview)
		view.domains = Object.fromEntries(
			Object.entries(state.config.domains).map(([n, d]) => [n, { enabled: d.enabled }]),
		);
	view.trunks = trunks;
	view.routes = routesView(state.config.routes, preview);
	return view;
}

/** A GA request cannot touch preview-only fields: they are dropped from its patch, as unknown properties. */
export function patchForVersion(patch: unknown, apiVersion: string): unknown {
	if (
		isPreviewVersion(apiVersion) ||
		typeof patch !== 'object' ||
		patch === null ||
		Array.isArray(patch)
	)
		return patch;
	const p = { ...(patch as Record<string, unknown>) };
	delete p.domains;
	if (p.trunks && typeof p.trunks === 'object' && !Array.isArray(p.trunks)) {
		const trunks = Object.create(null) as Record<string, unknown>; // a "__proto__" key stays a key, to be refused
		for (const [fqdn, update] of Object.entries(p.trunks)) {
			trunks[fqdn] =
				update && typeof update === 'object' && !Array.isArray(update)
					? 'sipSignalingPort' in update
						? { sipSignalingPort: (update as SipTrunk).sipSignalingPort }
						: {}
					: update;
		}
		p.trunks = trunks;
	}
	if (Array.isArray(p.routes)) {
		p.routes = p.routes.map((route) => {
			if (!route || typeof route !== 'object') return route;
			const { callerIdOverride: _dropped, ...rest } = route as SipRoute;
			return rest;
		});
	}
	return p;
}
