/** Runs `task(0) .. task(count - 1)` with at most `bound` running at a time; free of n8n and I/O. */

export interface BoundedRunOptions {
	count: number;
	bound: number;
	/** Checked before each task starts: false starts no further task (the running ones finish). */
	shouldContinue?: () => boolean;
}

/**
 * A fixed pool of `bound` workers takes indexes in order, so only `bound` promises exist at any time, whatever
 * `count` is. Resolves when every started task has settled; a task that throws stops nothing by itself: `task`
 * decides what a failure means (record it, or make `shouldContinue` false).
 */
export async function runBounded(options: BoundedRunOptions, task: (index: number) => Promise<void>): Promise<void> {
	const { count, bound, shouldContinue = () => true } = options;
	if (!Number.isInteger(bound) || bound < 1) throw new RangeError(`bound must be a whole number of at least 1, not ${bound}`);
	let next = 0;
	const worker = async () => {
		while (next < count && shouldContinue()) await task(next++);
	};
	const workers: Array<Promise<void>> = [];
	for (let id = 0; id < Math.min(bound, count); id++) workers.push(worker());
	await Promise.all(workers);
}
