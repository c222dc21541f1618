/** Runs `task(0) .. task(count - 1)` with at most `bound` running at a time; free of n8n and I/O. */

export interface BoundedRunOptions {
	count: number;
	bound: number;
	/** Checked before each task starts: false starts no further task (the running ones finish). */
	shouldContinue?: () => boolean;
	/**
	 * Lets other work run (e.g. a timer of 0 ms); awaited after every TURN_EVERY settled tasks, so that tasks that
	 * need no I/O (an answer at hand, a transport failing at once) cannot hold the event loop for the whole run.
	 */
	nextTurn?: () => Promise<void>;
}

/** Tasks settled between two turns handed over (a few tens of milliseconds of work even for fast tasks). */
export const TURN_EVERY = 200;

/**
 * A fixed pool of `bound` workers takes indexes in order, so only `bound` promises exist at any time, whatever
 * `count` is. Resolves when every started task has settled; a task that throws stops nothing by itself: `task`
 * decides what a failure means (record it, or make `shouldContinue` false).
 */
export async function runBounded(
	options: BoundedRunOptions,
	task: (index: number) => Promise<void>,
): Promise<void> {
	const { count, bound, shouldContinue = () => true, nextTurn } = options;
	if (!Number.isInteger(bound) || bound < 1)
		throw new RangeError(`bound must be a whole number of at least 1, not ${bound}`);
	let next = 0;
	let settled = 0;
	const worker = async () => {
		while (next < count && shouldContinue()) {
			await task(next++);
			if (nextTurn && ++settled % TURN_EVERY === 0) await nextTurn();
		}
	};
	const workers: Array<Promise<void>> = [];
	for (let id = 0; id < Math.min(bound, count); id++) workers.push(worker());
	await Promise.all(workers);
}
