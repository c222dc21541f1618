/** Pure: how long to wait before the next poll of a long-running operation. */
import type { PollingPolicy } from './types';

export const DEFAULT_POLLING_POLICY: PollingPolicy = { firstDelayMs: 200, growth: 1.6, maxDelayMs: 5_000 };

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
