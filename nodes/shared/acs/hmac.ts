/** HMAC-SHA256 request signing for ACS access keys (pure: the caller supplies the date). */
import { createHash, createHmac } from 'node:crypto';

export interface SignRequestInput {
	method: string;
	/** Absolute URL exactly as it will be sent. */
	url: string | URL;
	/** The exact body that will be sent ('' for none). */
	body: string | Uint8Array;
	/** Base64 access key. */
	accessKey: string;
	date: Date;
}

export interface AcsSignedHeaders {
	'x-ms-date': string;
	'x-ms-content-sha256': string;
	host: string;
	authorization: string;
}

export const SIGNED_HEADER_NAMES = 'x-ms-date;host;x-ms-content-sha256';

export function contentHash(body: string | Uint8Array): string {
	const hash = createHash('sha256');
	if (typeof body === 'string') hash.update(body, 'utf8');
	else hash.update(body);
	return hash.digest('base64');
}

/** The path with its query, as signed: the pathname as is, the query form-encoded by URLSearchParams. */
export function pathAndQuery(url: URL): string {
	const query = url.searchParams.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}

export function stringToSign(method: string, url: URL, date: string, hash: string): string {
	return `${method.toUpperCase()}\n${pathAndQuery(url)}\n${date};${url.host};${hash}`;
}

export function computeSignature(accessKey: string, message: string): string {
	return createHmac('sha256', Buffer.from(accessKey, 'base64'))
		.update(message, 'utf8')
		.digest('base64');
}

export function signAcsRequest(input: SignRequestInput): AcsSignedHeaders {
	const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
	const date = input.date.toUTCString();
	const hash = contentHash(input.body);
	const signature = computeSignature(input.accessKey, stringToSign(input.method, url, date, hash));
	return {
		'x-ms-date': date,
		'x-ms-content-sha256': hash,
		host: url.host,
		authorization: `HMAC-SHA256 SignedHeaders=${SIGNED_HEADER_NAMES}&Signature=${signature}`,
	};
}
