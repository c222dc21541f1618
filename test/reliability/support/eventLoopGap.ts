/** Runs `work` while a 10 ms interval ticks; returns its result and the longest gap between two ticks. */
export async function withLongestGap<T>(
	work: () => Promise<T>,
): Promise<{ result: T; longestGapMs: number }> {
	let last = performance.now();
	let longest = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		longest = Math.max(longest, now - last);
		last = now;
	}, 10);
	try {
		const result = await work();
		longest = Math.max(longest, performance.now() - last);
		return { result, longestGapMs: longest };
	} finally {
		clearInterval(timer);
	}
}
