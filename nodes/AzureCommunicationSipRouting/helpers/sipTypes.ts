import type {
	SipConfiguration as WireSipConfiguration,
	SipRoute,
	SipTrunk,
} from '../../shared/acs/sip/types';

export type {
	SipConfigurationPatch,
	SipDomain,
	SipRoute,
	SipTrunk,
	SipTrunkHealth,
} from '../../shared/acs/sip/types';

/** The document as this node works with it: `trunks` and `routes` always present (the service omits neither). */
export interface SipConfiguration extends WireSipConfiguration {
	trunks: Record<string, SipTrunk>;
	routes: SipRoute[];
}

export type SipTrunkUpdate = Partial<Omit<SipTrunk, 'health'>>;
