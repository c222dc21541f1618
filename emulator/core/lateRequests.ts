/**
 * Requests the service processes after the client gave up on them (faults with `processAfterMs`). Each runs once the
 * virtual clock reaches its time, in time order, one at a time: on a timer, as soon as the clock is moved, and before
 * any ACS request is handled (so a request that arrives later always sees their effects). A run that completes
 * synchronously takes effect before the clock change that made it due returns.
 */
import type { VirtualClock } from './clock';

export type LateRun = () => void | Promise<void>;

interface LateRequest {
	dueAtMs: number;
	seq: number;
	run: LateRun;
}

export class LateRequests {
	private queue: LateRequest[] = [];
	private seq = 0;
	private timer: NodeJS.Timeout | undefined;
	private busy: Promise<void> | undefined;

	constructor(private readonly clock: VirtualClock) {
		clock.onChange(() => void this.runDue());
	}

	get size(): number {
		return this.queue.length;
	}

	/** Runs `run` when the virtual clock reaches `dueAtMs`. */
	schedule(dueAtMs: number, run: LateRun): void {
		this.queue.push({ dueAtMs, seq: ++this.seq, run });
		this.queue.sort((a, b) => a.dueAtMs - b.dueAtMs || a.seq - b.seq);
		void this.runDue();
	}

	/** Runs every request due by now; resolves when they have taken effect. */
	runDue(): Promise<void> {
		if (this.busy) return this.busy.then(() => this.runDue());
		const pending = this.drain();
		if (!pending) return Promise.resolve();
		this.busy = pending.finally(() => {
			this.busy = undefined;
		});
		return this.busy;
	}

	/** Forgets every request not run yet (reset). */
	clear(): void {
		this.queue = [];
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}

	/** Runs due requests synchronously while they complete synchronously; the rest after the first one that does not. */
	private drain(): Promise<void> | undefined {
		const now = this.clock.now().getTime();
		while (this.queue.length > 0 && this.queue[0].dueAtMs <= now) {
			const next = this.queue.shift() as LateRequest;
			const result = runSafely(next.run);
			if (result) return result.then(() => this.drain());
		}
		this.arm();
		return undefined;
	}

	private arm(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.queue.length === 0) return;
		const waitMs = Math.max(0, this.queue[0].dueAtMs - this.clock.now().getTime());
		this.timer = setTimeout(() => void this.runDue(), waitMs);
		this.timer.unref();
	}
}

function runSafely(run: LateRun): Promise<void> | undefined {
	const report = (error: unknown) =>
		console.error(`[acs-emulator] a late request failed: ${(error as Error).message}`);
	try {
		const result = run();
		return result instanceof Promise ? result.catch(report) : undefined;
	} catch (error) {
		report(error);
		return undefined;
	}
}
