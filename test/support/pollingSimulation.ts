/**
 * Pure model of how the transport polls a long-running operation that finishes `finishMs` after its start was
 * accepted: the polls planned from what `memory` learnt about this kind (pollPlan.ts), then the default cadence;
 * each poll takes `roundTripMs` and sees the status at its half-way point. The finish window is recorded as the
 * transport records it. Used by the planner's tests and by the bench's model column.
 */
import { planPolls, type FinishTimeMemory } from '../../nodes/shared/transport/pollPlan';
import { DEFAULT_POLLING_POLICY, nextPollDelayMs } from '../../nodes/shared/transport/pollingPolicy';

export interface SimulatedPolling {
	polls: number;
	lagMs: number;
}

export function simulateLearntPolling(
	memory: FinishTimeMemory,
	kind: string,
	finishMs: number,
	roundTripMs = 3,
): SimulatedPolling {
	const plan = planPolls(memory.recall(kind));
	let sendAt = 0;
	let planned = 0;
	let unplanned = 0;
	let lastNotDone: number | undefined;
	for (let polls = 1; polls < 100_000; polls++) {
		const answeredAt = sendAt + roundTripMs;
		if (sendAt + roundTripMs / 2 >= finishMs) {
			memory.record(kind, { afterMs: lastNotDone ?? 0, byMs: answeredAt });
			return { polls, lagMs: answeredAt - finishMs };
		}
		lastNotDone = sendAt;
		while (planned < plan.length && plan[planned] <= answeredAt) planned++;
		sendAt =
			planned < plan.length
				? plan[planned++]
				: answeredAt + nextPollDelayMs(unplanned++, DEFAULT_POLLING_POLICY, undefined, Number.POSITIVE_INFINITY);
	}
	throw new Error('the simulated operation was never seen done');
}
