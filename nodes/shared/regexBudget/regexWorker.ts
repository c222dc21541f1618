import { Worker } from 'node:worker_threads';

/** A question for the thread: which of `inputs` does the regular expression match first? */
export interface FirstMatchQuestion {
	source: string;
	flags: string;
	inputs: string[];
}

/**
 * The thread's whole program, as text: the bundled package ships no separate file to start it from. It builds
 * the RegExp (which can itself take seconds) and answers each question with the index of the first matching
 * input, -1 for none, or -2 when the expression does not compile. Consecutive questions often share a RegExp.
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
let last = { source: '', flags: '', regex: undefined };
parentPort.on('message', ({ source, flags, inputs }) => {
	let answer;
	try {
		if (last.source !== source || last.flags !== flags || !last.regex) last = { source, flags, regex: new RegExp(source, flags) };
		const regex = last.regex;
		answer = inputs.findIndex((input) => {
			regex.lastIndex = 0;
			return regex.test(input);
		});
	} catch {
		answer = -2;
	}
	parentPort.postMessage(answer);
});
parentPort.postMessage('ready');
`;

/**
 * One thread that matches regular expressions away from the event loop, one question at a time. It never keeps
 * the process alive; whoever starts it terminates it (a match that runs too long can only be stopped that way).
 */
export class RegexWorker {
	/** True once the thread answers, false if it could not start. */
	readonly ready: Promise<boolean>;
	private readonly thread: Worker;
	private pending?: (answer: number | undefined) => void;

	constructor() {
		this.thread = new Worker(THREAD_SOURCE, { eval: true });
		this.thread.unref();
		let started: (ok: boolean) => void = () => undefined;
		this.ready = new Promise((resolve) => (started = resolve));
		this.thread.on('message', (message: unknown) => {
			if (message === 'ready') return started(true);
			this.settle(typeof message === 'number' && message >= -1 ? message : undefined);
		});
		const stopped = () => {
			started(false);
			this.settle(undefined);
		};
		this.thread.on('error', stopped);
		this.thread.on('exit', stopped);
	}

	/** Index of the first matching input, -1 for none, undefined if the thread could not answer. */
	async firstMatch(question: FirstMatchQuestion): Promise<number | undefined> {
		return await new Promise((resolve) => {
			this.pending = resolve;
			this.thread.postMessage(question);
		});
	}

	/** Stops the thread, also in the middle of a match; resolves once it has stopped. */
	async terminate(): Promise<void> {
		await this.thread.terminate().catch(() => undefined);
	}

	private settle(answer: number | undefined): void {
		const pending = this.pending;
		this.pending = undefined;
		pending?.(answer);
	}
}
