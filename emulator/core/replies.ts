/** Writes replies with the headers the live service sends (MS-CV, X-Processing-Time, api-supported-versions, ...). */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatorReply } from './types';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** The live service sends its error answers without a charset. */
export const ERROR_JSON_CONTENT_TYPE = 'application/json';

/** Random bytes drawn in blocks: one randomBytes call per 256 replies instead of two per reply. */
const RANDOM_BLOCK_BYTES = 40 * 256;
let randomBlock = randomBytes(RANDOM_BLOCK_BYTES);
let randomOffset = 0;

function takeRandom(length: number): Buffer {
	if (randomOffset + length > RANDOM_BLOCK_BYTES) {
		randomBlock = randomBytes(RANDOM_BLOCK_BYTES);
		randomOffset = 0;
	}
	randomOffset += length;
	return randomBlock.subarray(randomOffset - length, randomOffset);
}

/**
 * `now` is the virtual clock: the live service sends its own `Date`, and clients (the Phone Numbers node) measure
 * expiry against it, so a test that advances the clock must see the service's time move too.
 */
export function liveHeaders(
	startedAt: bigint,
	now: Date,
	supportedApiVersions?: string[],
): Record<string, string> {
	const headers: Record<string, string> = {
		Date: now.toUTCString(),
		'MS-CV': `${takeRandom(16).toString('base64url')}.0`,
		'X-Processing-Time': `${Math.max(0, Math.round(Number(process.hrtime.bigint() - startedAt) / 1e6))}ms`,
		'X-Azure-Ref': `0${takeRandom(24).toString('base64url')}`,
		'X-Cache': 'CONFIG_NOCACHE',
	};
	if (supportedApiVersions?.length)
		headers['api-supported-versions'] = supportedApiVersions.join(', ');
	return headers;
}

export function writeReply(
	res: ServerResponse,
	reply: EmulatorReply,
	baseHeaders: Record<string, string>,
): void {
	if (res.headersSent || res.destroyed) return;
	let payload: Buffer | undefined;
	const headers: Record<string, string> = { ...baseHeaders };
	if (reply.body !== undefined) {
		if (Buffer.isBuffer(reply.body)) payload = reply.body;
		else if (typeof reply.body === 'string') payload = Buffer.from(reply.body, 'utf8');
		else {
			payload = Buffer.from(JSON.stringify(reply.body), 'utf8');
			headers['Content-Type'] = reply.status >= 400 ? ERROR_JSON_CONTENT_TYPE : JSON_CONTENT_TYPE;
		}
	}
	for (const [name, value] of Object.entries(reply.headers ?? {})) {
		for (const existing of Object.keys(headers))
			if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
		headers[name] = value;
	}
	headers['Content-Length'] = String(payload?.length ?? 0);
	res.writeHead(reply.status, headers);
	res.end(payload);
}
