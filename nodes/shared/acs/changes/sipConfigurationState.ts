/**
 * The SIP configuration as a trigger keeps it between polls. Routes name their trunks by FQDN, and the service
 * lets each of 250 routes list all 250 trunks: kept as is, the names alone could take 15 MB. Kept here, each
 * route lists its trunks as positions in the sorted trunk list (a name that is not a trunk key as written stays
 * a name). At the service's limits (250 routes of 256-character names, 1,024-character patterns and descriptions,
 * each listing 250 trunks) the state stays under 1.5 MB instead of 16 MB; common configurations take a few kB.
 */
import type { SipConfigurationSnapshot } from './sipConfigurationChanges';

export interface PackedSipConfiguration {
	trunks: SipConfigurationSnapshot['trunks'];
	routes: Array<Record<string, unknown> & { trunks: Array<number | string> }>;
	domains?: SipConfigurationSnapshot['domains'];
}

export function packSipConfiguration(snapshot: SipConfigurationSnapshot): PackedSipConfiguration {
	const fqdns = Object.keys(snapshot.trunks).sort();
	const position = new Map(fqdns.map((fqdn, index) => [fqdn, index]));
	const packed: PackedSipConfiguration = {
		trunks: snapshot.trunks,
		routes: snapshot.routes.map((route) => ({
			...route,
			trunks: ((route.trunks ?? []) as string[]).map((fqdn) => position.get(fqdn) ?? fqdn),
		})),
	};
	if (snapshot.domains !== undefined) packed.domains = snapshot.domains;
	return packed;
}

export function unpackSipConfiguration(packed: PackedSipConfiguration): SipConfigurationSnapshot {
	const fqdns = Object.keys(packed.trunks).sort();
	const snapshot: SipConfigurationSnapshot = {
		trunks: packed.trunks,
		routes: packed.routes.map((route) => ({
			...route,
			trunks: route.trunks.map((trunk) => (typeof trunk === 'number' ? fqdns[trunk] : trunk)),
		})),
	};
	if (packed.domains !== undefined) snapshot.domains = packed.domains;
	return snapshot;
}
