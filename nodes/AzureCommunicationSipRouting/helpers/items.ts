import type { IDataObject } from 'n8n-workflow';

import type { SipApiChoice } from './apiChoice';
import type { SipConfiguration, SipDomain, SipRoute, SipTrunk } from './sipTypes';

/**
 * Flat output items. The keys of one kind of item depend only on the API picked (and Include Health),
 * never on the data, so that later nodes can rely on them.
 */

export function trunkItem(
	fqdn: string,
	trunk: SipTrunk,
	configuration: SipConfiguration,
	choice: SipApiChoice,
	includeHealth = false,
): IDataObject {
	const item: IDataObject = {
		fqdn,
		sipSignalingPort: trunk.sipSignalingPort,
	};
	if (choice.features.trunkEnabled) item.enabled = trunk.enabled ?? null;
	if (choice.features.trunkOptionsAndCallerId) {
		item.directTransfer = trunk.directTransfer ?? null;
		item.privacyHeader = trunk.privacyHeader ?? null;
		item.ipAddressVersion = trunk.ipAddressVersion ?? null;
	}
	item.usedByRoutes = routesUsingTrunk(configuration, fqdn);
	if (includeHealth) {
		item.tlsStatus = trunk.health?.tls?.status ?? null;
		item.pingStatus = trunk.health?.ping?.status ?? null;
		item.overallStatus = trunk.health?.overall?.status ?? null;
		item.inactiveReason = trunk.health?.overall?.reason ?? null;
	}
	return item;
}

export function routeItem(route: SipRoute, index: number, choice: SipApiChoice): IDataObject {
	const item: IDataObject = {
		priority: index + 1,
		name: route.name,
		numberPattern: route.numberPattern,
		description: route.description ?? null,
		trunks: [...(route.trunks ?? [])],
	};
	if (choice.features.trunkOptionsAndCallerId)
		item.callerIdOverride = route.callerIdOverride ?? null;
	return item;
}

export function domainItem(
	name: string,
	domain: SipDomain,
	configuration: SipConfiguration,
): IDataObject {
	return {
		domain: name,
		enabled: domain.enabled,
		trunks: Object.keys(configuration.trunks).filter((fqdn) => isUnderDomain(fqdn, name)),
	};
}

export function routesUsingTrunk(configuration: SipConfiguration, fqdn: string): string[] {
	return configuration.routes
		.filter((route) => (route.trunks ?? []).some((trunk) => sameHost(trunk, fqdn)))
		.map((route) => route.name);
}

/** Host names compare case-insensitively. */
export function sameHost(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

export function findTrunkKey(configuration: SipConfiguration, fqdn: string): string | undefined {
	return Object.keys(configuration.trunks).find((key) => sameHost(key, fqdn));
}

export function findDomainKey(configuration: SipConfiguration, domain: string): string | undefined {
	return Object.keys(configuration.domains ?? {}).find((key) => sameHost(key, domain));
}

function isUnderDomain(fqdn: string, domain: string): boolean {
	const host = fqdn.toLowerCase();
	const suffix = domain.toLowerCase();
	return host === suffix || host.endsWith(`.${suffix}`);
}
