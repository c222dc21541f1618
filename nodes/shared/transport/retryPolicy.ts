/** Pure retry decisions: which failures are transient, how long to wait. */
import type { RetryPolicy } from './types';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 4,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
};

export const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Connection failures after which the request may have reached the service. */
const AMBIGUOUS_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);
/** Connection failures where nothing reached the service. */
const NOT_SENT_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

export type NetworkFailure = { code: string; delivered: 'no' | 'maybe' };

export function classifyNetworkCode(code: string | undefined): NetworkFailure | undefined {
	if (!code) return undefined;
	if (NOT_SENT_NETWORK_CODES.has(code)) return { code, delivered: 'no' };
	if (AMBIGUOUS_NETWORK_CODES.has(code)) return { code, delivered: 'maybe' };
	return undefined;
}

/** The longest wait a server may ask for; anything longer is taken as a broken header. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const DELTA_SECONDS = /^\d+(\.\d+)?$/;
/** The three HTTP-date forms all start with a day name. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i;

function plausible(ms: number): number | undefined {
	return Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? Math.round(ms) : undefined;
}

function fromHttpDate(raw: string, now: Date): number | undefined {
	if (!HTTP_DATE.test(raw)) return undefined;
	const zoned = /(GMT|UTC)$/i.test(raw) ? raw : `${raw} GMT`;
	const wait = Date.parse(zoned) - now.getTime();
	// A date in the past says nothing usable about when to come back.
	return wait > 0 ? plausible(wait) : undefined;
}

/**
 * `Retry-After` in seconds or as an HTTP date, or Azure's `retry-after-ms` / `x-ms-retry-after-ms`; in ms.
 * A value that is not one of these forms, negative, in the past or beyond a day counts as absent.
 */
export function retryAfterMs(headers: Record<string, string>, now: Date): number | undefined {
	for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
		const raw = headers[name]?.trim();
		const value = raw && DELTA_SECONDS.test(raw) ? plausible(Number(raw)) : undefined;
		if (value !== undefined) return value;
	}
	const raw = headers['retry-after']?.trim();
	if (!raw) return undefined;
	if (DELTA_SECONDS.test(raw)) return plausible(Number(raw) * 1000);
	return fromHttpDate(raw, now);
}

/** Exponential backoff with jitter in [50%, 100%] of the step. `attempt` counts from 0. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(step * (0.5 + random() * 0.5));
}

export function isIdempotentByDefault(method: string): boolean {
	return method.toUpperCase() !== 'POST';
}
