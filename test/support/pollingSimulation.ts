/**
 * Pure models of polling a long-running operation that finishes `finishMs` after its start was accepted: each poll
 * takes `roundTripMs` and sees the status at its half-way point. `runPolls` is the loop; `simulateLearntPolling`
 * polls as the transport does (the plan from what `memory` learnt about the kind, pollPlan.ts, then the default
 * cadence) and records the finish window as the transport records it. Used by the planner's tests and the bench.
 */
import { planPolls, type FinishTimeMemory } from '../../nodes/shared/transport/pollPlan';
import { DEFAULT_POLLING_POLICY, nextPollDelayMs } from '../../nodes/shared/transport/pollingPolicy';

export interface SimulatedPolling {
	polls: number;
	lagMs: number;
}

interface PollRun extends SimulatedPolling {
	answeredAt: number;
	lastNotDoneSentAt?: number;
}

/** Polls sent at `firstSendAt`, then at `nextSendAt(polls so far, time the last answer came)`, until one sees it done. */
export function runPolls(
	finishMs: number,
	nextSendAt: (pollsSoFar: number, answeredAt: number) => number,
	firstSendAt = 0,
	roundTripMs = 3,
): PollRun {
	let sendAt = firstSendAt;
	let lastNotDoneSentAt: number | undefined;
	for (let polls = 1; polls < 100_000; polls++) {
		const answeredAt = sendAt + roundTripMs;
		if (sendAt + roundTripMs / 2 >= finishMs) return { polls, lagMs: answeredAt - finishMs, answeredAt, lastNotDoneSentAt };
		lastNotDoneSentAt = sendAt;
		sendAt = nextSendAt(polls, answeredAt);
	}
	throw new Error('the simulated operation was never seen done');
}

export function simulateLearntPolling(
	memory: FinishTimeMemory,
	kind: string,
	finishMs: number,
	roundTripMs = 3,
): SimulatedPolling {
	const plan = planPolls(memory.recall(kind));
	let planned = 0;
	let unplanned = 0;
	const run = runPolls(
		finishMs,
		(_polls, answeredAt) => {
			while (planned < plan.length && plan[planned] <= answeredAt) planned++;
			if (planned < plan.length) return plan[planned++];
			return answeredAt + nextPollDelayMs(unplanned++, DEFAULT_POLLING_POLICY);
		},
		0,
		roundTripMs,
	);
	memory.record(kind, { afterMs: run.lastNotDoneSentAt ?? 0, byMs: run.answeredAt });
	return { polls: run.polls, lagMs: run.lagMs };
}
