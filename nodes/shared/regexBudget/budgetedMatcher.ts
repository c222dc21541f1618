import { sleep } from '../sleep';

import { RegexWorker, type FirstMatchQuestion } from './regexWorker';

export type { FirstMatchQuestion };

export interface RegexBudget {
	/** Evaluation time one node run may spend in all; past it nothing more is evaluated. */
	totalMs: number;
	/** Longest one question may take before its thread is stopped. */
	perQuestionMs: number;
	/** How long to wait for a thread to start (not part of the budget). */
	startupMs: number;
}

export const DEFAULT_REGEX_BUDGET: RegexBudget = {
	totalMs: 100,
	perQuestionMs: 25,
	startupMs: 10_000,
};

const TIMED_OUT = Symbol('timed out');

async function race<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
	const stop = new AbortController();
	const timer = sleep(ms, stop.signal).then(
		(): typeof TIMED_OUT => TIMED_OUT,
		(): typeof TIMED_OUT => TIMED_OUT,
	);
	try {
		return await Promise.race([work, timer]);
	} finally {
		stop.abort();
	}
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
	const first = await race(work, ms);
	// After a busy moment the timer and an answer can be due together, and timers run before messages are read:
	// one more turn of the event loop lets such an answer in.
	return first === TIMED_OUT ? await race(work, 0) : first;
}

/**
 * Answers "which input does this regular expression match first?" on a separate thread, within a time budget,
 * so that no expression, however it backtracks, blocks the event loop. Questions run one at a time. A question
 * that overruns stops its thread (the next question starts a new one) and is answered `undefined`, as is every
 * question once the budget is spent. `close()` stops the thread; nothing keeps the process alive meanwhile.
 */
export class BudgetedMatcher {
	private worker?: RegexWorker;
	/** Threads stopped after an overrun; close() waits until they are gone too. */
	private readonly stopping: Array<Promise<void>> = [];
	private spentMs = 0;
	private unavailable = false;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly budget: RegexBudget = DEFAULT_REGEX_BUDGET) {}

	/** Index of the first matching input, -1 for none, undefined when it was not evaluated. */
	async firstMatch(question: FirstMatchQuestion): Promise<number | undefined> {
		const answer = this.queue.then(async () => await this.ask(question));
		this.queue = answer.catch(() => undefined);
		return await answer;
	}

	/** False once the budget is spent or no thread can be started: every further answer is `undefined`. */
	canAnswer(): boolean {
		return !this.unavailable && this.spentMs < this.budget.totalMs;
	}

	/** Stops every thread; resolves once they have stopped. Every later question is answered `undefined`. */
	async close(): Promise<void> {
		this.unavailable = true;
		if (this.worker) this.stop(this.worker);
		await Promise.all(this.stopping);
	}

	private stop(worker: RegexWorker): void {
		if (this.worker === worker) this.worker = undefined;
		this.stopping.push(worker.terminate());
	}

	private async ask(question: FirstMatchQuestion): Promise<number | undefined> {
		if (question.inputs.length === 0) return -1;
		const left = this.budget.totalMs - this.spentMs;
		if (left <= 0) return undefined;
		const worker = await this.startedWorker();
		if (!worker) return undefined;
		const allowed = Math.min(left, this.budget.perQuestionMs);
		const started = performance.now();
		const answer = await within(worker.firstMatch(question), allowed);
		// A timer that fires late does not spend more of the budget than the question was allowed.
		this.spentMs += Math.min(performance.now() - started, allowed);
		if (answer !== TIMED_OUT) return answer;
		this.stop(worker);
		return undefined;
	}

	private async startedWorker(): Promise<RegexWorker | undefined> {
		if (this.unavailable) return undefined;
		if (this.worker) return this.worker;
		const worker = new RegexWorker();
		this.worker = worker;
		const ready = await within(worker.ready, this.budget.startupMs);
		if (ready === true && this.worker === worker) return worker;
		this.stop(worker);
		this.unavailable = true;
		return undefined;
	}
}
