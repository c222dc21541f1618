/** The SIP routing document as the service stores and sends it. Fields marked preview exist on preview api-versions only. */

export interface SipTrunkHealth {
	tls: { status: string };
	ping: { status: string };
	overall: { status: string; reason?: string };
}

export interface SipTrunk {
	sipSignalingPort: number;
	/** preview */
	enabled?: boolean;
	/** preview */
	directTransfer?: boolean;
	/** preview: 'id' | 'none' */
	privacyHeader?: string;
	/** preview: 'ipv4' | 'ipv6' */
	ipAddressVersion?: string;
	/** preview, read-only, with expand=trunks/health */
	health?: SipTrunkHealth;
}

export interface SipRoute {
	name: string;
	numberPattern: string;
	description?: string;
	trunks?: string[];
	/** preview; answered as null when unset */
	callerIdOverride?: string | null;
}

/** preview */
export interface SipDomain {
	enabled: boolean;
}

export interface SipDocument {
	domains?: Record<string, SipDomain>;
	trunks?: Record<string, SipTrunk>;
	routes?: SipRoute[];
}

/** The stored document: every section present. */
export type StoredSipDocument = Required<Pick<SipDocument, 'domains' | 'trunks' | 'routes'>>;

/** Limits of the service's specification (maxProperties, maxItems, maxLength). */
export const LIMITS = {
	trunks: 250,
	routes: 250,
	trunksPerRoute: 250,
	domains: 250,
	fqdnLength: 249,
	fqdnLabelLength: 63,
	routeNameLength: 256,
	numberPatternLength: 1024,
	descriptionLength: 1024,
} as const;
