/**
 * What both ACS credentials do before adding their Authorization header, minding n8n's request pipeline:
 * the absolute URL is built here (query included, `qs` cleared) and pinned to the endpoint's origin; an object
 * body is serialised here so that what is hashed is exactly what is sent; redirects are not followed.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import {
	checkEndpoint,
	resolveRequestUrl,
	type QueryValues,
} from '../../nodes/shared/acs/endpoint';

/** A credential problem found before sending; its message never holds a secret. */
export class AcsCredentialError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AcsCredentialError';
	}
}

export interface PreparedAcsRequest {
	url: URL;
	/** The exact body to send and to hash; '' for none. */
	body: string | Buffer;
	headers: IDataObject;
}

const AUTH_HEADERS = new Set(['authorization', 'x-ms-date', 'x-ms-content-sha256', 'host', 'date']);

/**
 * n8n's HTTP Request node goes through n8n's legacy request helper: it passes `uri` instead of `url`, and follows
 * redirects unless `followRedirect` and `followAllRedirects` are false.
 */
type AnyRequestOptions = IHttpRequestOptions & {
	uri?: string;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
};

function targetOf(options: AnyRequestOptions): string {
	const url = options.url ?? options.uri ?? '';
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || !options.baseURL) return url;
	return `${options.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

function serialiseBody(body: unknown): { body: string | Buffer; isJson: boolean } {
	if (body === undefined || body === null) return { body: '', isJson: false };
	if (typeof body === 'string') return { body, isJson: false };
	if (Buffer.isBuffer(body)) return { body, isJson: false };
	if (body instanceof URLSearchParams) return { body: body.toString(), isJson: false };
	if (
		typeof (body as { getHeaders?: unknown }).getHeaders === 'function' ||
		typeof (body as { pipe?: unknown }).pipe === 'function'
	) {
		throw new AcsCredentialError(
			'Azure Communication Services requests cannot carry form-data or stream bodies.',
		);
	}
	return { body: JSON.stringify(body), isJson: true };
}

export function endpointFromFields(endpoint: unknown, allowCustomEndpoint: unknown): URL {
	return checkEndpoint(endpoint, { allowCustomEndpoint: allowCustomEndpoint === true });
}

export function prepareAcsRequest(endpoint: URL, options: IHttpRequestOptions): PreparedAcsRequest {
	const url = resolveRequestUrl(endpoint, targetOf(options), options.qs as QueryValues | undefined);
	const { body, isJson } = serialiseBody(options.body);
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (!AUTH_HEADERS.has(name.toLowerCase())) headers[name] = value;
	}
	const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	if (isJson && !hasContentType) headers['content-type'] = 'application/json';
	return { url, body, headers };
}

/** The options n8n sends: absolute URL with query, no qs, exact body, no redirects on any of n8n's request paths. */
export function finalOptions(
	options: IHttpRequestOptions,
	prepared: PreparedAcsRequest,
	authHeaders: IDataObject,
): IHttpRequestOptions {
	const result: AnyRequestOptions = {
		...options,
		url: prepared.url.href,
		baseURL: undefined,
		qs: undefined,
		headers: { ...prepared.headers, ...authHeaders },
		disableFollowRedirect: true,
		followRedirect: false,
		followAllRedirects: false,
		maxRedirects: 0,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	delete result.uri;
	if (prepared.body === '' || (Buffer.isBuffer(prepared.body) && prepared.body.length === 0))
		delete result.body;
	else result.body = prepared.body;
	return result;
}
