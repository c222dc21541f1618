/**
 * Pure model of polling a long-running operation that finishes D ms after it was created: when each poll is
 * sent, how many polls are made and how late the client learns the result. Used to compare polling schedules
 * (the transport's adaptive one, the SDK's fixed 2 s, candidates) without running each for minutes; the bench
 * checks it against the measured figures.
 */
import { createPollCadence } from '../../nodes/shared/transport/pollCadence';
import type { FinishTimeMemory } from '../../nodes/shared/transport/pollPlan';
import {
	DEFAULT_POLLING_POLICY,
	nextPollDelayMs,
} from '../../nodes/shared/transport/pollingPolicy';
import type { PollingPolicy } from '../../nodes/shared/transport/types';

export interface SimulatedPolling {
	polls: number;
	lagMs: number;
}

/** Polls sent at `firstSendAt`, then at `nextSendAt(polls so far, time the last answer came)`, until one sees it done. */
function runPolls(
	finishMs: number,
	nextSendAt: (pollsSoFar: number, answeredAt: number, sentAt: number) => number,
	firstSendAt = 0,
	roundTripMs = 3,
): SimulatedPolling {
	let sendAt = firstSendAt;
	for (let polls = 1; polls < 100_000; polls++) {
		const answeredAt = sendAt + roundTripMs;
		if (sendAt + roundTripMs / 2 >= finishMs) return { polls, lagMs: answeredAt - finishMs };
		sendAt = nextSendAt(polls, answeredAt, sendAt);
	}
	throw new Error('the simulated operation was never seen done');
}

/** The transport's own cadence (pollCadence.ts: learnt plan, then the default), learning into `memory`, on a virtual clock. */
export function simulateLearntPolling(
	memory: FinishTimeMemory,
	kind: string,
	finishMs: number,
	roundTripMs = 3,
): SimulatedPolling {
	let now = 0;
	const cadence = createPollCadence({
		memory,
		kind,
		acceptedAt: 0,
		policy: DEFAULT_POLLING_POLICY,
		now: () => now,
	});
	const run = runPolls(
		finishMs,
		(_polls, answeredAt, sentAt) => {
			cadence.seenNotDone(sentAt);
			now = answeredAt;
			return answeredAt + cadence.nextDelayMs();
		},
		0,
		roundTripMs,
	);
	now = run.lagMs + finishMs;
	cadence.seenDone();
	return run;
}

export interface Schedule {
	name: string;
	/** Wait before poll number k+1, given k polls made so far (k >= 1). */
	delayAfter(pollsSoFar: number): number;
}

export function adaptiveSchedule(name: string, policy: PollingPolicy): Schedule {
	return { name, delayAfter: (polls) => nextPollDelayMs(polls - 1, policy) };
}

export function fixedSchedule(name: string, intervalMs: number): Schedule {
	return { name, delayAfter: () => intervalMs };
}

export type PollOutcome = SimulatedPolling;

/**
 * First poll `startMs` after the operation was created (the start's round trip), each poll takes `roundTripMs`
 * and is answered with the status at the moment it arrives (half-way); the client waits after each answer.
 */
export function simulatePolling(
	schedule: Schedule,
	durationMs: number,
	startMs = 5,
	roundTripMs = 3,
): PollOutcome {
	const { polls, lagMs } = runPolls(
		durationMs,
		(polls, answeredAt) => answeredAt + schedule.delayAfter(polls),
		startMs,
		roundTripMs,
	);
	return { polls, lagMs };
}

/** Median lag and mean polls when D is not a round number: D spread evenly over [D, D + spreadMs). */
export function spreadOutcome(
	schedule: Schedule,
	durationMs: number,
	spreadMs = 2000,
	steps = 200,
): { medianLagMs: number; meanPolls: number } {
	const outcomes = Array.from({ length: steps }, (_, i) =>
		simulatePolling(schedule, durationMs + (spreadMs * i) / steps),
	);
	const lags = outcomes.map((o) => o.lagMs).sort((a, b) => a - b);
	return {
		medianLagMs: lags[Math.floor(steps / 2)],
		meanPolls: outcomes.reduce((s, o) => s + o.polls, 0) / steps,
	};
}
