/** Pure: how long to wait before the next poll of a long-running operation. */
import type { PollingPolicy } from './types';

/**
 * With nothing learnt (pollPlan.ts): the first poll goes out right after the start's 202; then 250 ms, growing x1.3 to
 * a 2 s cap (the SDK's fixed interval), so short operations return within a fraction of a second.
 */
export const DEFAULT_POLLING_POLICY: PollingPolicy = {
	firstDelayMs: 250,
	growth: 1.3,
	maxDelayMs: 2_000,
};

/** The default cadence: quick at first, then growing to a cap (the caller applies Retry-After and the deadline). */
export function nextPollDelayMs(pollsSoFar: number, policy: PollingPolicy): number {
	return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.growth ** pollsSoFar);
}

export const TERMINAL_STATUSES = new Set(['succeeded', 'failed', 'canceled', 'cancelled']);

export function isTerminalStatus(status: unknown): boolean {
	return typeof status === 'string' && TERMINAL_STATUSES.has(status.toLowerCase());
}
