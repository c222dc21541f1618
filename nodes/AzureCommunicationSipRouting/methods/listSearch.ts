import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readSipApiChoice } from '../helpers/apiChoice';
import { readSipConfiguration } from '../helpers/sipClient';

/** "From List" for trunks, routes and domains; each is one read of the SIP document. */

export async function searchTrunks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const configuration = await readSipConfiguration.call(this, readSipApiChoice.call(this, 0), 0);
	return {
		results: Object.entries(configuration.trunks)
			.filter(([fqdn]) => matches(fqdn, filter))
			.map(([fqdn, trunk]) => ({ name: `${fqdn}:${trunk.sipSignalingPort}`, value: fqdn })),
	};
}

export async function searchRoutes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const configuration = await readSipConfiguration.call(this, readSipApiChoice.call(this, 0), 0);
	return {
		results: configuration.routes
			.map((route, index) => ({
				name: `${index + 1}. ${route.name} (${route.numberPattern})`,
				value: route.name,
			}))
			.filter((result) => matches(result.name, filter)),
	};
}

export async function searchDomains(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const configuration = await readSipConfiguration.call(
		this,
		readSipApiChoice.call(this, 0, true),
		0,
	);
	return {
		results: Object.keys(configuration.domains ?? {})
			.filter((domain) => matches(domain, filter))
			.map((domain) => ({ name: domain, value: domain })),
	};
}

function matches(text: string, filter?: string): boolean {
	return !filter || text.toLowerCase().includes(filter.toLowerCase());
}
