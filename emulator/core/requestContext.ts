/** Builds the EmulatorRequest and EmulatorContext handed to route handlers. */
import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from './emulatorState';
import type { EmulatorContext, EmulatorRequest, EmulatorSettings } from './types';

export interface ReceivedRequest {
	method: string;
	rawUrl: string;
	rawPath: string;
	query: URLSearchParams;
	message: IncomingMessage;
	rawBody: Buffer;
}

export function splitUrl(rawUrl: string): { rawPath: string; query: URLSearchParams } {
	const queryStart = rawUrl.indexOf('?');
	const rawPath = queryStart >= 0 ? rawUrl.slice(0, queryStart) : rawUrl;
	return {
		rawPath,
		query: new URLSearchParams(queryStart >= 0 ? rawUrl.slice(queryStart + 1) : ''),
	};
}

export function safeDecodePath(rawPath: string): string {
	try {
		return decodeURIComponent(rawPath);
	} catch {
		return rawPath;
	}
}

/** Parses a JSON body; `ok: false` when the body is not JSON. */
export function parseJsonBody(rawBody: Buffer): { ok: true; body: unknown } | { ok: false } {
	if (rawBody.length === 0) return { ok: true, body: undefined };
	try {
		return { ok: true, body: JSON.parse(rawBody.toString('utf8')) };
	} catch {
		return { ok: false };
	}
}

export function toEmulatorRequest(received: ReceivedRequest, body: unknown): EmulatorRequest {
	return {
		method: received.method,
		rawPath: received.rawPath,
		path: safeDecodePath(received.rawPath),
		query: received.query,
		headers: received.message.headers,
		body,
		rawBody: received.rawBody,
		apiVersion: received.query.get('api-version') ?? '',
	};
}

export function createContext(
	state: EmulatorState,
	settings: EmulatorSettings,
): EmulatorContext & { dirty: boolean } {
	const context = {
		dirty: false,
		now: () => state.clock.now(),
		random: () => state.domainRandom(),
		markDirty: () => {
			context.dirty = true;
		},
		settings,
	};
	return context;
}
