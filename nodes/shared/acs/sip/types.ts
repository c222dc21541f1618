/** The SIP routing document. Preview-only fields are marked. */

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
	/** preview, read-only, only with expand=trunks/health */
	health?: SipTrunkHealth;
}

export interface SipRoute {
	name: string;
	numberPattern: string;
	description?: string;
	trunks?: string[];
	/** preview */
	callerIdOverride?: string;
}

/** preview */
export interface SipDomain {
	enabled: boolean;
}

export interface SipConfiguration {
	domains?: Record<string, SipDomain>;
	trunks?: Record<string, SipTrunk>;
	routes?: SipRoute[];
}

export interface SipConfigurationPatch {
	domains?: Record<string, Partial<SipDomain> | null>;
	trunks?: Record<string, Partial<SipTrunk> | null>;
	routes?: SipRoute[];
}

export const SIP_LIMITS = {
	maxTrunks: 250,
	maxRoutes: 250,
	maxTrunksPerRoute: 250,
	maxDomains: 250,
	maxFqdnLength: 249,
	maxRouteNameLength: 256,
	maxNumberPatternLength: 1024,
	maxDescriptionLength: 1024,
} as const;
