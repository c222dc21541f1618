/** Pure: when to send the next poll of one long-running operation, and what its finish teaches (pollPlan.ts). */
import { planPolls, type FinishTimeMemory } from './pollPlan';
import { nextPollDelayMs } from './pollingPolicy';
import type { PollingPolicy } from './types';

export interface PollCadence {
	/** The wait before the next poll, from now. */
	nextDelayMs(): number;
	/** A poll sent at `pollSentAt` saw the operation not done yet. */
	seenNotDone(pollSentAt: number): void;
	/** The last poll saw it succeeded: its finish window is remembered for the kind. */
	seenDone(): void;
}

export interface PollCadenceSetup {
	memory: FinishTimeMemory;
	/** The resource and kind of operation; undefined when the start time is unknown (resumed by id). */
	kind: string | undefined;
	/** When the start was accepted (ms, on the `now` clock); undefined when unknown. */
	acceptedAt: number | undefined;
	policy: PollingPolicy;
	now: () => number;
}

/**
 * Polls planned from when earlier operations of this kind finished, then the default cadence; only the default
 * cadence for an operation whose start time is unknown, which also teaches nothing.
 */
export function createPollCadence({
	memory,
	kind,
	acceptedAt,
	policy,
	now,
}: PollCadenceSetup): PollCadence {
	const learning = kind !== undefined && acceptedAt !== undefined;
	const plan = learning ? planPolls(memory.recall(kind)) : [];
	const start = acceptedAt ?? 0;
	let planned = 0;
	let unplanned = 0;
	let lastNotDoneSentAt: number | undefined;
	return {
		nextDelayMs() {
			const at = now();
			while (planned < plan.length && start + plan[planned] <= at) planned++;
			if (planned < plan.length) return start + plan[planned++] - at;
			return nextPollDelayMs(unplanned++, policy);
		},
		seenNotDone(pollSentAt) {
			lastNotDoneSentAt = pollSentAt;
		},
		seenDone() {
			if (!learning) return;
			memory.record(kind, { afterMs: (lastNotDoneSentAt ?? start) - start, byMs: now() - start });
		},
	};
}
