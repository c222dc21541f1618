/** Pure: how long to wait before the next poll of a long-running operation. */
import type { PollingPolicy } from './types';

/**
 * The first poll goes out right after the start's 202; then 250 ms, growing x1.3 to a 2 s cap (the SDK's fixed
 * interval), so short operations return within a fraction of a second and long ones never lag more than the SDK.
 */
export const DEFAULT_POLLING_POLICY: PollingPolicy = { firstDelayMs: 250, growth: 1.3, maxDelayMs: 2_000 };

/** Quick at first, then growing to a cap; a Retry-After wins; never past the deadline. */
export function nextPollDelayMs(
	pollsSoFar: number,
	policy: PollingPolicy,
	retryAfter: number | undefined,
	remainingMs: number,
): number {
	const adaptive = Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.growth ** pollsSoFar);
	const wanted = retryAfter ?? adaptive;
	return Math.max(0, Math.min(wanted, remainingMs));
}

export const TERMINAL_STATUSES = new Set(['succeeded', 'failed', 'canceled', 'cancelled']);

export function isTerminalStatus(status: unknown): boolean {
	return typeof status === 'string' && TERMINAL_STATUSES.has(status.toLowerCase());
}
