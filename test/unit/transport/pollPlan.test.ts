/** The poll planner learns when operations of a kind finish and spends a 2 s poller's budget around that time. */
import fc from 'fast-check';

import {
	FinishTimeMemory,
	likelySpan,
	planPolls,
	referencePollCount,
	type FinishWindow,
} from '../../../nodes/shared/transport/pollPlan';
import { createPollCadence } from '../../../nodes/shared/transport/pollCadence';
import { DEFAULT_POLLING_POLICY } from '../../../nodes/shared/transport/pollingPolicy';
import { createSeededRandom } from '../../../emulator/core/random';

const ROUND_TRIP_MS = 3;

/**
 * Follows an operation that finishes `finishMs` after its start was accepted with the transport's own cadence
 * (pollCadence.ts, as lro.ts uses it), on a virtual clock. The only model is the service: a poll takes ROUND_TRIP_MS
 * and sees the status half-way. Returns how many polls it took and how late the finish was seen.
 */
function pollOnce(memory: FinishTimeMemory, finishMs: number, { resumedById = false } = {}) {
	let now = 0;
	const cadence = createPollCadence({
		memory,
		kind: 'kind',
		acceptedAt: resumedById ? undefined : 0,
		policy: DEFAULT_POLLING_POLICY,
		now: () => now,
	});
	for (let polls = 1; polls < 100_000; polls++) {
		const sentAt = now;
		now += ROUND_TRIP_MS;
		if (sentAt + ROUND_TRIP_MS / 2 >= finishMs) {
			cadence.seenDone();
			return { polls, lagMs: now - finishMs };
		}
		cadence.seenNotDone(sentAt);
		now += cadence.nextDelayMs();
	}
	throw new Error('never seen done');
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const windowArbitrary = fc
	.record({
		afterMs: fc.integer({ min: 0, max: 120_000 }),
		widthMs: fc.integer({ min: 0, max: 5_000 }),
	})
	.map(({ afterMs, widthMs }): FinishWindow => ({ afterMs, byMs: afterMs + widthMs }));

describe('planPolls', () => {
	it('plans nothing without history (the default cadence applies)', () => {
		expect(planPolls([])).toEqual([]);
	});

	it('never needs more polls than a 2 s poller for an operation that finishes at any moment the plan covers', () => {
		fc.assert(
			fc.property(
				fc.array(windowArbitrary, { minLength: 1, maxLength: 8 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(history, where) => {
					const plan = planPolls(history);
					expect(plan.length).toBeGreaterThan(0);
					expect([...plan].sort((a, b) => a - b)).toEqual(plan);
					const finishMs = where * plan[plan.length - 1];
					const pollsUntilSeen = plan.findIndex((at) => at >= finishMs) + 1;
					expect(pollsUntilSeen).toBeLessThanOrEqual(referencePollCount(finishMs));
				},
			),
			{ numRuns: 500 },
		);
	});

	it('spends most polls where the earlier operations finished', () => {
		const history = [
			{ afterMs: 59_800, byMs: 59_900 },
			{ afterMs: 60_300, byMs: 60_400 },
		];
		const { from, to } = likelySpan(history);
		expect(from).toBeLessThan(59_850);
		expect(to).toBeGreaterThan(60_350);
		const plan = planPolls(history);
		const inSpan = plan.filter((at) => at >= from && at <= to);
		expect(inSpan.length).toBeGreaterThan(plan.length / 2);
		expect(Math.max(...inSpan.slice(1).map((at, i) => at - inSpan[i]))).toBeLessThan(150);
		expect(plan[0]).toBe(0);
		expect(plan.filter((at) => at > 0 && at < from).length).toBeGreaterThanOrEqual(5);
	});
});

describe('the poll cadence of one operation (pollCadence.ts)', () => {
	it('without history: polls at once, then 250 ms growing x1.3 to the 2 s cap', () => {
		let now = 0;
		const cadence = createPollCadence({
			memory: new FinishTimeMemory(),
			kind: 'kind',
			acceptedAt: 0,
			policy: DEFAULT_POLLING_POLICY,
			now: () => now,
		});
		const delays = Array.from({ length: 10 }, () => {
			const delay = cadence.nextDelayMs();
			now += delay;
			return Math.round(delay);
		});
		expect(delays).toEqual([250, 325, 423, 549, 714, 928, 1207, 1569, 2000, 2000]);
	});

	it('an operation resumed by id (start time unknown) gets the default cadence and teaches nothing', () => {
		const memory = new FinishTimeMemory();
		for (let i = 0; i < 4; i++) pollOnce(memory, 1_200);
		const learnt = memory.recall('kind');
		expect(pollOnce(memory, 1_200, { resumedById: true }).polls).toBe(
			pollOnce(new FinishTimeMemory(), 1_200).polls,
		);
		expect(memory.recall('kind')).toEqual(learnt);
	});

	it('remembers the finish between the last poll that saw it running and the one that saw it done', () => {
		const memory = new FinishTimeMemory();
		pollOnce(memory, 1_200);
		// The default cadence polls at about 0, 0.25, 0.58, 1.0 (running) and 1.56 s (done).
		const [window] = memory.recall('kind');
		expect(window.afterMs).toBeGreaterThan(1_000);
		expect(window.afterMs).toBeLessThan(1_200);
		expect(window.byMs).toBeGreaterThanOrEqual(1_200);
		expect(window.byMs).toBeLessThan(1_600);
	});
});

describe("learning durations by polling (the transport's cadence on a virtual clock)", () => {
	it('the same duration again and again: found within a few percent, with fewer polls than a 2 s poller', () => {
		for (const seconds of [0.5, 10, 60]) {
			const memory = new FinishTimeMemory();
			const runs = Array.from({ length: 8 }, () => pollOnce(memory, seconds * 1000));
			const settled = runs.slice(3);
			expect(Math.max(...settled.map((r) => r.lagMs))).toBeLessThanOrEqual(
				Math.max(40, seconds * 1000 * 0.03),
			);
			for (const run of settled)
				expect(run.polls).toBeLessThanOrEqual(referencePollCount(seconds * 1000));
		}
	});

	it('durations spread ±5 %: median lag under 0.25 s once learnt, never more polls than a 2 s poller in the median', () => {
		for (const seconds of [2, 10, 60]) {
			const random = createSeededRandom(seconds);
			const memory = new FinishTimeMemory();
			const durations = Array.from(
				{ length: 30 },
				() => seconds * 1000 * (1 + (random() * 0.1 - 0.05)),
			);
			const runs = durations.map((d) => ({
				...pollOnce(memory, d),
				reference: referencePollCount(d),
			}));
			const learnt = runs.slice(6);
			expect(median(learnt.map((r) => r.lagMs))).toBeLessThan(250);
			expect(median(learnt.map((r) => r.polls - r.reference))).toBeLessThanOrEqual(0);
		}
	});

	it('after a change of pace the old durations are forgotten and the new one is learnt', () => {
		const memory = new FinishTimeMemory();
		for (let i = 0; i < 5; i++) pollOnce(memory, 10_000);
		const first = pollOnce(memory, 2_000);
		expect(memory.recall('kind')).toHaveLength(1);
		const later = Array.from({ length: 4 }, () => pollOnce(memory, 2_000));
		// Found by the poll spread before the old span (half-way to it), not at the old duration.
		expect(first.lagMs).toBeLessThan(10_000 / 2 - 2_000 + 100);
		expect(later[later.length - 1].lagMs).toBeLessThan(100);
	});

	it('an operation slower than all before is still found: the default cadence takes over after the plan', () => {
		const memory = new FinishTimeMemory();
		for (let i = 0; i < 4; i++) pollOnce(memory, 1_000);
		const slow = pollOnce(memory, 30_000);
		expect(slow.lagMs).toBeLessThanOrEqual(DEFAULT_POLLING_POLICY.maxDelayMs + ROUND_TRIP_MS);
	});

	it('an operation that became instant is found by the poll at once when the plan has one', () => {
		const memory = new FinishTimeMemory();
		for (let i = 0; i < 4; i++) pollOnce(memory, 30_000);
		expect(planPolls(memory.recall('kind'))[0]).toBe(0);
		expect(pollOnce(memory, 0)).toEqual({ polls: 1, lagMs: ROUND_TRIP_MS });
	});
});

describe('FinishTimeMemory', () => {
	it('keeps the last 8 windows per kind and forgets the least recently used kind beyond its limit', () => {
		const memory = new FinishTimeMemory(8, 2);
		for (let i = 0; i < 10; i++) memory.record('a', { afterMs: 1000 + i, byMs: 1010 + i });
		expect(memory.recall('a').map((w) => w.afterMs)).toEqual([
			1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009,
		]);
		memory.record('b', { afterMs: 1, byMs: 2 });
		memory.record('c', { afterMs: 1, byMs: 2 });
		expect(memory.recall('a')).toEqual([]);
		expect(memory.recall('b')).toHaveLength(1);
	});

	it('ignores windows that are not windows', () => {
		const memory = new FinishTimeMemory();
		memory.record('a', { afterMs: 10, byMs: 5 });
		memory.record('a', { afterMs: Number.NaN, byMs: 5 });
		memory.record('a', { afterMs: 0, byMs: Number.POSITIVE_INFINITY });
		expect(memory.recall('a')).toEqual([]);
	});

	it('hands out copies: changing what recall returned does not change the memory', () => {
		const memory = new FinishTimeMemory();
		memory.record('a', { afterMs: 1, byMs: 2 });
		memory.recall('a')[0].byMs = 99;
		expect(memory.recall('a')).toEqual([{ afterMs: 1, byMs: 2 }]);
	});
});
