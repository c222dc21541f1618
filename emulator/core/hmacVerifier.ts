/**
 * Verifies ACS HMAC-SHA256 request signatures, independently of any client signer.
 * Returns undefined when the request is authentic, else the reason (used as the 401 message).
 */
import { createHash, createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface HmacInput {
	method: string;
	/** The request target as received: '/phoneNumbers?api-version=2025-06-01&top=2' */
	rawUrl: string;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** A KeyObject (createSecretKey, made once) is several times faster per request than the raw bytes. */
	accessKey: Buffer | KeyObject;
	now: Date;
}

export const HMAC_MESSAGES = {
	malformed: 'Denied by the resource provider.',
	contentHash: "Request 'x-ms-content-sha256' differs from generated content hash.",
	// The live message for a stale date is not recorded; the service's generic denial is the likeliest answer.
	date: 'Denied by the resource provider.',
	signature: 'Denied by the resource provider.',
} as const;

const HMAC_AUTHORIZATION = /^HMAC-SHA256\s+SignedHeaders=([^&\s]+)&Signature=(\S+)$/i;

export function parseHmacAuthorization(
	value: string,
): { signedHeaders: string[]; signature: string } | undefined {
	const match = HMAC_AUTHORIZATION.exec(value.trim());
	if (!match) return undefined;
	return { signedHeaders: match[1].toLowerCase().split(';'), signature: match[2] };
}

export function sha256Base64(body: Buffer): string {
	if (body.length === 0) return EMPTY_BODY_HASH;
	return createHash('sha256').update(body).digest('base64');
}

const EMPTY_BODY_HASH = createHash('sha256').update(Buffer.alloc(0)).digest('base64');

export function verifyHmacRequest(input: HmacInput): string | undefined {
	const parsed = parseHmacAuthorization(headerValue(input.headers, 'authorization'));
	if (!parsed) return HMAC_MESSAGES.malformed;
	const { signedHeaders, signature } = parsed;
	const dateHeader = signedHeaders.includes('x-ms-date')
		? 'x-ms-date'
		: signedHeaders.includes('date')
			? 'date'
			: undefined;
	if (
		!dateHeader ||
		!signedHeaders.includes('host') ||
		!signedHeaders.includes('x-ms-content-sha256')
	) {
		return HMAC_MESSAGES.malformed;
	}
	if (headerValue(input.headers, 'x-ms-content-sha256') !== sha256Base64(input.rawBody))
		return HMAC_MESSAGES.contentHash;

	const date = Date.parse(headerValue(input.headers, dateHeader));
	if (Number.isNaN(date) || Math.abs(date - input.now.getTime()) > MAX_CLOCK_SKEW_MS)
		return HMAC_MESSAGES.date;

	const received = Buffer.from(signature, 'base64');
	// The exact form first; the alternative forms are only built when it does not match.
	for (const host of hostCandidates(headerValue(input.headers, 'host'))) {
		for (const pathAndQuery of pathAndQueryCandidates(input.rawUrl)) {
			const values = signedHeaders.map((name) =>
				name === 'host' ? host : headerValue(input.headers, name),
			);
			const stringToSign = `${input.method.toUpperCase()}\n${pathAndQuery}\n${values.join(';')}`;
			const expected = createHmac('sha256', input.accessKey).update(stringToSign, 'utf8').digest();
			if (sameBytes(expected, received)) return undefined;
		}
	}
	return HMAC_MESSAGES.signature;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The Host as received first; then the canonical host[:port] when the JS SDK doubled the port ('h:8080:8080'). */
export function* hostCandidates(received: string): Generator<string> {
	yield received;
	const doubled = DOUBLED_PORT.exec(received);
	if (doubled) yield `${doubled[1]}:${doubled[2]}`;
}

const DOUBLED_PORT = /^(.*):(\d+):\2$/;

/** The path and query exactly as sent; then the path with the query re-serialised as the JS SDK does. */
export function* pathAndQueryCandidates(rawUrl: string): Generator<string> {
	yield rawUrl;
	const queryStart = rawUrl.indexOf('?');
	if (queryStart >= 0) {
		const path = rawUrl.slice(0, queryStart);
		const query = new URLSearchParams(rawUrl.slice(queryStart + 1)).toString();
		const reserialised = query ? `${path}?${query}` : path;
		if (reserialised !== rawUrl) yield reserialised;
	}
}

function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}
