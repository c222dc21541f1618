/**
 * Every request body the emulator reads has a limit: past it the reader stops, keeps nothing, and the server answers
 * 413 and closes the connection without waiting for the rest. The reader is checked by how many bytes it pulled
 * from a body of 400 MB; each server by answering a body that never ends.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { readBodyWithin } from '../../../emulator/core/bodyLimit';
import { withEmulator } from '../../support/emulator';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;
const emulator = withEmulator({ seed: 4 });

/** A request body of `total` bytes made as it is read; `pulled` counts what the reader asked for. */
function lazyBody(total: number, headers: Record<string, string>) {
	const counter = { pulled: 0 };
	const stream = new Readable({
		highWaterMark: CHUNK,
		read() {
			if (counter.pulled >= total) return void this.push(null);
			counter.pulled += CHUNK;
			this.push(Buffer.alloc(CHUNK, 0x61));
		},
	});
	return { message: Object.assign(stream, { headers }) as unknown as IncomingMessage, counter };
}

describe('the body reader', () => {
	it('stops pulling a streamed body of 400 MB just past the limit and keeps none of it', async () => {
		const { message, counter } = lazyBody(400 * MiB, { 'transfer-encoding': 'chunked' });
		expect(await readBodyWithin(message, 4 * MiB)).toBeUndefined();
		// The limit, the chunk that passed it and what the stream buffers ahead (one high-water mark).
		expect(counter.pulled).toBeLessThanOrEqual(4 * MiB + 2 * CHUNK);
		expect(message.readableFlowing).toBe(false);
	});

	it('reads nothing when Content-Length is over the limit', async () => {
		const { message, counter } = lazyBody(400 * MiB, { 'content-length': String(400 * MiB) });
		expect(await readBodyWithin(message, 4 * MiB)).toBeUndefined();
		expect(counter.pulled).toBe(0);
	});

	it('returns a body within the limit whole', async () => {
		const { message } = lazyBody(4 * CHUNK, { 'content-length': String(4 * CHUNK) });
		expect((await readBodyWithin(message, 4 * CHUNK))?.length).toBe(4 * CHUNK);
	});
});

interface Target {
	url: string;
	headers?: Record<string, string>;
	limit: number;
}

/** Sends `bytes` of a chunked body and never ends it; resolves with the answer and once the connection closed. */
async function neverEndingBody(target: Target, bytes: number, declaredLength?: number) {
	const url = new URL(target.url);
	const headers = {
		'content-type': 'application/json',
		...target.headers,
		...(declaredLength ? { 'content-length': String(declaredLength) } : {}),
	};
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	const options = {
		method: 'POST',
		headers,
		agent: false,
		...(url.protocol === 'https:' ? { ca: emulator().tokenIssuer.caCertPem } : {}),
	};
	let req: ClientRequest | undefined;
	const answer = await new Promise<{ status: number; body: string; closed: Promise<void> }>(
		(resolve, reject) => {
			req = send(url, options, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						closed,
					}),
				);
			});
			const closed = new Promise<void>((done) => req!.on('close', () => done()));
			// The server may close while the body is still being written.
			req.on('error', (error: NodeJS.ErrnoException) =>
				['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error),
			);
			req.flushHeaders();
			for (let sent = 0; sent < bytes; sent += CHUNK) req.write(Buffer.alloc(CHUNK, 0x20));
		},
	);
	await answer.closed;
	req?.destroy();
	return answer;
}

const targets: Record<string, () => Target> = {
	'ACS endpoint (http)': () => ({
		url: `${emulator().endpoint}phoneNumbers?api-version=2025-06-01`,
		limit: 4 * MiB,
	}),
	'ACS endpoint (https)': () => ({
		url: `${emulator().secureEndpoint}phoneNumbers?api-version=2025-06-01`,
		limit: 4 * MiB,
	}),
	'control API': () => ({ url: `${emulator().endpoint}_emulator/faults`, limit: 1 * MiB }),
	'token issuer': () => ({
		url: `${emulator().tokenIssuer.authorityHost}/${emulator().tokenIssuer.tenantId}/oauth2/v2.0/token`,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		limit: 64 * 1024,
	}),
};

describe.each(Object.keys(targets))('%s', (name) => {
	it('answers 413 to a body that passes the limit and never ends, and closes the connection', async () => {
		const target = targets[name]();
		const answer = await neverEndingBody(target, target.limit + 4 * CHUNK);
		expect(answer.status).toBe(413);
		expect(answer.body).toMatch(/too large|over/i);
	});

	it('answers 413 at once to a Content-Length of 400 MB, with no body sent', async () => {
		const answer = await neverEndingBody(targets[name](), 0, 400 * MiB);
		expect(answer.status).toBe(413);
	});
});
