/**
 * Pure: when to poll a long-running operation, given when the last operations of the same kind on the same
 * resource finished. The polls a 2 s poller would make (`referencePollCount`) are the budget; most of them are
 * spent where the operation is likely to finish instead of evenly, so it is seen done soon after it is done.
 */

/** An earlier operation finished after `afterMs` and by `byMs`, both counted from the moment its start was accepted. */
export interface FinishWindow {
	afterMs: number;
	byMs: number;
}

const SPREAD_WIDENING = 1.5;
const MIN_SPREAD = 0.015;

/** Polls closer together than this are merged into the later one. */
export const MIN_POLL_GAP_MS = 20;

/** The polls of a client that polls twice at once and then every 2 s, for an operation that finishes at `finishMs`. */
export function referencePollCount(finishMs: number): number {
	return 2 + Math.max(1, Math.ceil(finishMs / 2000));
}

/**
 * Poll times (ms after the start was accepted, ascending) for an operation of a kind that finished in `history`
 * before; empty when there is no history (the caller then uses its default cadence).
 * - Where it will likely finish: see `likelySpan`.
 * - Budget: the polls a 2 s poller makes for an operation that finishes at the span's end. One poll at once, a
 *   quarter of the polls a 2 s poller makes before the span spread evenly before it (should the operation have
 *   become faster), the rest evenly over the span, the last at its end.
 * - An operation that finishes right after any poll has needed no more polls than a 2 s poller makes for it
 *   (polls that would break this are dropped: the early ones first, the one at once next).
 * Past the last planned poll the caller goes on with its default cadence (the operation has become slower).
 */
export function planPolls(history: readonly FinishWindow[]): number[] {
	if (history.length === 0) return [];
	const { from, to } = likelySpan(history);
	const before = Math.floor((referencePollCount(from) - 1) / 4);
	const inSpan = referencePollCount(to) - 1 - before;
	const candidates: Candidate[] = [{ at: 0, priority: 2 }];
	for (let k = 1; k <= before; k++) candidates.push({ at: (from * k) / (before + 1), priority: 1 });
	const pieces = Math.max(1, Math.min(inSpan, Math.floor((to - from) / MIN_POLL_GAP_MS)));
	for (let k = 1; k <= pieces; k++)
		candidates.push({ at: from + ((to - from) * k) / pieces, priority: 3 });
	return withinReferencePace(mergeClosePolls(candidates.sort((a, b) => a.at - b.at)));
}

/**
 * Where the next operation most likely finishes. When the windows have a common part, the operations may all have
 * taken the same time: that part, so every operation narrows it. Otherwise the range of their likely finishes
 * (`likelyFinishes`), widened by half on each side (the next may fall a little outside the ones seen). At least
 * ±1.5 % either way: real durations are never exactly the same.
 */
export function likelySpan(history: readonly FinishWindow[]): { from: number; to: number } {
	const latestStart = Math.max(0, ...history.map((w) => w.afterMs));
	const earliestEnd = Math.min(...history.map((w) => w.byMs));
	const sameDuration = latestStart < earliestEnd;
	const [low, high] = sameDuration ? [latestStart, earliestEnd] : rangeOf(likelyFinishes(history));
	const widen = sameDuration ? 1 : SPREAD_WIDENING;
	const centre = (low + high) / 2;
	const half = Math.max(((high - low) / 2) * widen, centre * MIN_SPREAD, MIN_POLL_GAP_MS / 2);
	return { from: Math.max(0, centre - half), to: centre + half };
}

interface Candidate {
	at: number;
	priority: number;
}

/** Polls closer than the minimum gap become one, at the later time, with the higher priority. */
function mergeClosePolls(sorted: Candidate[]): Candidate[] {
	const merged: Candidate[] = [];
	for (const candidate of sorted) {
		const last = merged[merged.length - 1];
		if (last && candidate.at - last.at < MIN_POLL_GAP_MS) {
			merged[merged.length - 1] = {
				at: candidate.at,
				priority: Math.max(last.priority, candidate.priority),
			};
		} else {
			merged.push(candidate);
		}
	}
	return merged;
}

/**
 * Keeps, by priority, the polls such that an operation finishing right after the (k-1)-th poll would not have
 * needed more polls than a 2 s poller makes for it.
 */
function withinReferencePace(sorted: Candidate[]): number[] {
	const kept: Candidate[] = [];
	for (const candidate of sorted) {
		kept.push(candidate);
		const previous = kept.length >= 2 ? kept[kept.length - 2].at : 0;
		if (kept.length > referencePollCount(previous)) {
			let weakest = 0;
			for (let i = 1; i < kept.length; i++)
				if (kept[i].priority < kept[weakest].priority) weakest = i;
			kept.splice(weakest, 1);
		}
	}
	return kept.map((c) => c.at);
}

/**
 * Where each operation most likely finished: the middle of its window, except that a window wider than the usual
 * one (a poll far from the others found it done) is taken to be as wide as the usual one, ending where it ends.
 */
function likelyFinishes(history: readonly FinishWindow[]): number[] {
	const widths = history.map((w) => w.byMs - Math.max(0, w.afterMs)).sort((a, b) => a - b);
	const usualWidth = widths[Math.floor((widths.length - 1) / 2)];
	return history.map((w) => w.byMs - Math.min(w.byMs - Math.max(0, w.afterMs), usualWidth) / 2);
}

function rangeOf(values: number[]): [number, number] {
	return [Math.min(...values), Math.max(...values)];
}

/** A likely finish this much later than all the ones remembered (or earlier, by the same factor) is a new pace. */
const PACE_CHANGE = 1.25;

/**
 * The finish windows of the last few operations per kind (a few dozen kinds, least recently used dropped first).
 * A window whose likely finish is far outside those of the others (`PACE_CHANGE`) means the service changed pace:
 * the older windows are forgotten.
 */
export class FinishTimeMemory {
	private readonly kinds = new Map<string, FinishWindow[]>();

	constructor(
		private readonly perKind = 8,
		private readonly maxKinds = 64,
	) {}

	recall(kind: string): FinishWindow[] {
		return (this.kinds.get(kind) ?? []).map((w) => ({ ...w }));
	}

	record(kind: string, window: FinishWindow): void {
		if (
			!(
				Number.isFinite(window.afterMs) &&
				Number.isFinite(window.byMs) &&
				window.byMs >= window.afterMs
			)
		)
			return;
		const older = this.kinds.get(kind) ?? [];
		const finishes = likelyFinishes([...older, window]);
		const latest = finishes.pop() ?? 0;
		const paceChanged =
			older.length > 0 &&
			(latest > Math.max(...finishes) * PACE_CHANGE + MIN_POLL_GAP_MS ||
				latest < Math.min(...finishes) / PACE_CHANGE - MIN_POLL_GAP_MS);
		const windows = [
			...(paceChanged ? [] : older),
			{ afterMs: window.afterMs, byMs: window.byMs },
		].slice(-this.perKind);
		this.kinds.delete(kind);
		this.kinds.set(kind, windows);
		for (const oldest of this.kinds.keys()) {
			if (this.kinds.size <= this.maxKinds) break;
			this.kinds.delete(oldest);
		}
	}

	clear(): void {
		this.kinds.clear();
	}
}
