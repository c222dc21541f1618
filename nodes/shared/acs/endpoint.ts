/**
 * Endpoint policy: where a signature or token may be sent.
 * Default: https to an ACS host only. With allowCustomEndpoint: any https host, or plain http to loopback.
 */

/** Host suffixes of ACS data-plane endpoints (public cloud, regional form, US Government, China). */
export const ACS_HOST_SUFFIXES = [
	'.communication.azure.com',
	'.communications.azure.net',
	'.communication.azure.us',
	'.communication.azure.cn',
] as const;

export class EndpointError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EndpointError';
	}
}

export interface EndpointPolicy {
	allowCustomEndpoint: boolean;
}

export function isAcsHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	return ACS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Validates an endpoint against the policy and returns it as a URL whose path is `/`. */
export function checkEndpoint(raw: unknown, policy: EndpointPolicy): URL {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new EndpointError(
			'The endpoint is empty. Expected e.g. https://<resource>.communication.azure.com/',
		);
	}
	const url = parseUrl(raw.trim());
	if (!url) {
		throw new EndpointError(
			'The endpoint is not a valid URL. Expected e.g. https://<resource>.communication.azure.com/',
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new EndpointError(
			`The endpoint must use https (found ${url.protocol.replace(':', '')}).`,
		);
	}
	if (url.username || url.password) {
		throw new EndpointError('The endpoint must not contain a user name or password.');
	}
	if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
		throw new EndpointError(
			`The endpoint must be the resource's base URL without a path or query (e.g. ${url.origin}/).`,
		);
	}
	const acsHost = isAcsHost(url.hostname);
	if (!acsHost && !policy.allowCustomEndpoint) {
		throw new EndpointError(
			`The endpoint host ${url.hostname} is not an Azure Communication Services host (${ACS_HOST_SUFFIXES.map((s) => '*' + s).join(', ')}). ` +
				'To use an emulator or a private endpoint, turn on "Allow Custom Endpoint".',
		);
	}
	if (url.protocol === 'http:' && !(policy.allowCustomEndpoint && isLoopbackHost(url.hostname))) {
		throw new EndpointError(
			'The endpoint must use https. Plain http is allowed only for a loopback host (localhost, 127.0.0.1, [::1]) with "Allow Custom Endpoint" on.',
		);
	}
	return new URL(url.origin + '/');
}

type QueryValue = string | number | boolean | undefined | null;
export type QueryValues = Record<string, QueryValue | QueryValue[]>;

/**
 * Resolves a request URL (path+query relative to the endpoint, or an absolute URL) and appends `qs`.
 * Refuses any URL whose origin is not the endpoint's origin. The query is re-serialised so that
 * what is signed and what is sent are the same string.
 */
export function resolveRequestUrl(endpoint: URL | string, url: string, qs?: QueryValues): URL {
	const base = typeof endpoint === 'string' ? new URL(endpoint) : endpoint;
	const resolved = parseUrl(url, base);
	if (!resolved) throw new EndpointError('The request URL is not valid.');
	if (resolved.origin !== base.origin) {
		throw new EndpointError(
			`Refused to send an authenticated request to ${resolved.origin}: it is not the credential's endpoint (${base.origin}).`,
		);
	}
	if (resolved.username || resolved.password) {
		throw new EndpointError('The request URL must not contain a user name or password.');
	}
	for (const [name, value] of Object.entries(qs ?? {})) {
		const values = (Array.isArray(value) ? value : [value]).filter(
			(v) => v !== undefined && v !== null,
		);
		if (values.length === 0) continue;
		resolved.searchParams.delete(name);
		for (const one of values) resolved.searchParams.append(name, String(one));
	}
	resolved.hash = '';
	const query = resolved.searchParams.toString();
	resolved.search = query ? `?${query}` : '';
	return resolved;
}

function parseUrl(value: string, base?: URL): URL | undefined {
	if (base === undefined) return URL.canParse(value) ? new URL(value) : undefined;
	return URL.canParse(value, base.href) ? new URL(value, base) : undefined;
}
