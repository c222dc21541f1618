/** State of the SIP domain: the one SIP document of the resource (all fields, GA and preview) and trunk health. */
import type { SipRoute, SipTrunk, SipTrunkHealth, StoredSipDocument } from './model';

export interface SipState {
	config: StoredSipDocument;
	/** Set through the control API; trunks without an entry report "unknown". */
	health: Record<string, SipTrunkHealth>;
}

export function createSipState(): SipState {
	return { config: { domains: {}, trunks: {}, routes: [] }, health: {} };
}

export function restoreSipState(saved: unknown): SipState {
	const fresh = createSipState();
	if (typeof saved !== 'object' || saved === null) return fresh;
	const s = saved as Partial<SipState>;
	return {
		config: {
			domains: s.config?.domains ?? {},
			trunks: s.config?.trunks ?? {},
			routes: s.config?.routes ?? [],
		},
		health: s.health ?? {},
	};
}

export const UNKNOWN_HEALTH: SipTrunkHealth = {
	tls: { status: 'unknown' },
	ping: { status: 'unknown' },
	overall: { status: 'unknown' },
};

const TRUNK_FIELDS = [
	'sipSignalingPort',
	'enabled',
	'directTransfer',
	'privacyHeader',
	'ipAddressVersion',
] as const;

/** Keeps only the stored (writable) trunk fields. */
export function storedTrunk(trunk: SipTrunk): SipTrunk {
	const out: Record<string, unknown> = {};
	for (const field of TRUNK_FIELDS)
		if (trunk[field] !== undefined && trunk[field] !== null) out[field] = trunk[field];
	return out as unknown as SipTrunk;
}

/** Keeps only the stored route fields; `trunks` is always present. */
export function storedRoute(route: SipRoute): SipRoute {
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
