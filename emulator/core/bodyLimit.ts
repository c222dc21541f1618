/**
 * Request bodies read up to a limit. Past the limit (or when Content-Length already says so) reading stops and
 * nothing more is kept: the caller answers 413 with `Connection: close` (`UNREAD_BODY_HEADERS`), so the rest of
 * the body is never read.
 */
import type { IncomingMessage } from 'node:http';

export const UNREAD_BODY_HEADERS = { Connection: 'close' };

const NO_BODY = Buffer.alloc(0);

/** The body, or undefined when it is longer than `maxBytes`. */
export function readBodyWithin(
	message: IncomingMessage,
	maxBytes: number,
): Promise<Buffer | undefined> | Buffer | undefined {
	const declared = message.headers['content-length'];
	// HTTP/1.1: without Content-Length or Transfer-Encoding a request has no body (most GETs); skip the stream.
	if (declared === undefined && message.headers['transfer-encoding'] === undefined) return NO_BODY;
	if (declared !== undefined && Number(declared) > maxBytes) return undefined;
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const stop = () => {
			message.off('data', onData);
			message.off('end', onEnd);
			message.off('error', reject);
			message.pause();
		};
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBytes) {
				chunks.push(chunk);
				return;
			}
			stop();
			chunks.length = 0;
			resolve(undefined);
		};
		const onEnd = () => resolve(Buffer.concat(chunks));
		message.on('data', onData);
		message.on('end', onEnd);
		message.on('error', reject);
	});
}
