/** How many requests were in flight at once, computed from the emulator's request log. */

export interface LoggedRequest {
	/** Arrival (ISO 8601, millisecond precision). */
	time: string;
	durationMs: number;
}

/**
 * The largest number of requests whose [arrival, arrival + duration] intervals overlap. Each interval ends
 * `toleranceMs` early, so that a request sent right after another finished (arrival times are rounded down
 * to the millisecond) does not count as overlapping it.
 */
export function peakInFlight(requests: LoggedRequest[], toleranceMs = 2): number {
	const events = requests.flatMap((request) => {
		const start = Date.parse(request.time);
		return [
			{ at: start, change: +1 },
			{ at: start + Math.max(0, request.durationMs - toleranceMs), change: -1 },
		];
	});
	// At equal times, ends before starts.
	events.sort((a, b) => a.at - b.at || a.change - b.change);
	let current = 0;
	let peak = 0;
	for (const event of events) {
		current += event.change;
		peak = Math.max(peak, current);
	}
	return peak;
}
