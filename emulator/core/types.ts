/**
 * The contract between the emulator core and its domains (phone numbers, SIP).
 * Domains export a `Domain`; the core owns HTTP, auth, api-version, clock, random, faults, log and persistence.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmulatorRequest {
	method: string;
	/** Path as received, still percent-encoded, without the query: '/phoneNumbers/%2B14255550100'. */
	rawPath: string;
	/** Percent-decoded path: '/phoneNumbers/+14255550100'. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body, or undefined when the body is empty. Non-JSON bodies are refused by the core with 400. */
	body: unknown;
	rawBody: Buffer;
	/** The `api-version` query value (the core refuses ACS routes without it); '' on control routes. */
	apiVersion: string;
}

export interface EmulatorReply {
	status: number;
	headers?: Record<string, string>;
	/** Serialised as JSON unless it is a string or Buffer (sent as is). Omit for an empty body. */
	body?: unknown;
}

export interface EmulatorSettings {
	/** Seed of this run (given or drawn); the same seed gives the same createState() output. */
	seed: number;
	/** 'http://127.0.0.1:<port>/' */
	endpoint: string;
}

export interface EmulatorContext {
	/** Virtual clock: real time plus the offset set through the control API. Use it for every expiry/progress. */
	now(): Date;
	/** Seeded uniform random in [0, 1); deterministic for a given seed and request sequence. */
	random(): number;
	/** Call after mutating domain state: the core persists it (atomically, when --state is set). */
	markDirty(): void;
	settings: EmulatorSettings;
}

export interface Route {
	method: string;
	/** Matched against `rawPath` (percent-encoded, no query). Anchor it: /^\/sip$/. */
	pattern: RegExp;
	handler(
		req: EmulatorRequest,
		match: RegExpMatchArray,
		ctx: EmulatorContext,
	): EmulatorReply | Promise<EmulatorReply>;
}

export interface Domain<S = unknown> {
	/** Key of this domain's state in the persisted file, and its control prefix: /_emulator/<name>/... */
	name: string;
	/** Fresh state (also used by reset). Must be JSON-serialisable. */
	createState(seed: number): S;
	/** Optional: turn a persisted JSON value back into state (default: used as is). */
	restoreState?(saved: unknown, seed: number): S;
	/** ACS routes: api-version, auth and faults are applied by the core before the handler runs. */
	routes(getState: () => S): Route[];
	/** Control routes (no auth, no api-version). Patterns match the full raw path, by convention /^\/_emulator\/<name>\/.../ */
	controlRoutes?(getState: () => S): Route[];
	/** Values for the `api-supported-versions` response header on this domain's routes. */
	supportedApiVersions?: string[];
}

export interface AcsErrorDetail {
	code: string;
	message: string;
	target?: string;
	details?: AcsErrorDetail[];
	innererror?: AcsErrorDetail;
}

/** An ACS error reply: `{ "error": { code, message, target?, innererror? } }`. */
export function acsError(
	status: number,
	code: string,
	message: string,
	extra: {
		target?: string;
		innererror?: AcsErrorDetail;
		details?: AcsErrorDetail[];
		headers?: Record<string, string>;
	} = {},
): EmulatorReply {
	const error: AcsErrorDetail = { code, message };
	if (extra.target !== undefined) error.target = extra.target;
	if (extra.details !== undefined) error.details = extra.details;
	if (extra.innererror !== undefined) error.innererror = extra.innererror;
	return { status, headers: extra.headers, body: { error } };
}

/**
 * Media-type check for bodies (compares the media type only; `; charset=utf-8` is fine).
 * Returns a 415 reply when the Content-Type differs, undefined when it is acceptable.
 */
export function requireMediaType(
	req: EmulatorRequest,
	mediaType: string,
): EmulatorReply | undefined {
	const received = String(req.headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	if (received === mediaType.toLowerCase()) return undefined;
	return acsError(415, 'UnsupportedMediaType', 'Unsupported Media Type.');
}
