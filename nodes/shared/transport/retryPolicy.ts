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
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export type NetworkFailure = { code: string; delivered: 'no' | 'maybe' };

export function classifyNetworkCode(code: string | undefined): NetworkFailure | undefined {
	if (!code) return undefined;
	if (NOT_SENT_NETWORK_CODES.has(code)) return { code, delivered: 'no' };
	if (AMBIGUOUS_NETWORK_CODES.has(code)) return { code, delivered: 'maybe' };
	return undefined;
}

/** `Retry-After` in seconds or as an HTTP date, or Azure's `retry-after-ms` / `x-ms-retry-after-ms`; in ms. */
export function retryAfterMs(headers: Record<string, string>, now: Date): number | undefined {
	for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
		const value = Number(headers[name]);
		if (headers[name] !== undefined && Number.isFinite(value) && value >= 0) return value;
	}
	const raw = headers['retry-after']?.trim();
	if (!raw) return undefined;
	if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
	const date = Date.parse(raw);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now.getTime());
}

/** Exponential backoff with jitter in [50%, 100%] of the step. `attempt` counts from 0. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(step * (0.5 + random() * 0.5));
}

export function isIdempotentByDefault(method: string): boolean {
	return method.toUpperCase() !== 'POST';
}
