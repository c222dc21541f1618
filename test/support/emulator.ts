/**
 * Jest helper: one emulator per test file (random port), reset before each test (with what the transport learnt
 * about its operation durations), stopped after all.
 *   const emulator = withEmulator();
 *   it('...', async () => { const emu = emulator(); ... });
 */
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../emulator';
import type { RequestLogEntry } from '../../emulator/core/requestLog';
import { finishTimes } from '../../nodes/shared/transport/lro';

export function withEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
	let running: RunningEmulator | undefined;
	beforeAll(async () => {
		running = await startEmulator({ ...options, port: options.port ?? 0 });
	});
	beforeEach(async () => {
		await running?.control.reset();
		// A reset emulator is a new service: what the transport learnt about its operations' durations is forgotten too.
		finishTimes.clear();
	});
	afterAll(async () => {
		await running?.stop();
		running = undefined;
	});
	return () => {
		if (!running)
			throw new Error('The emulator is not running: call emulator() inside a test or hook.');
		return running;
	};
}

/**
 * The request log once `done` holds for it, however long that takes (the test's timeout bounds it). A request slowed by
 * a delay fault is logged when the emulator answers it: this waits for that answer, not for a guessed time.
 */
export async function requestLogWhen(
	emu: RunningEmulator,
	done: (log: RequestLogEntry[]) => boolean,
): Promise<RequestLogEntry[]> {
	for (;;) {
		const log = await emu.control.requestLog();
		if (done(log)) return log;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export interface HeldRequest {
	/** Resolves once a request is waiting at the hold. */
	held(): Promise<void>;
	/** Lets the held request (if any) through and drops the hold. */
	release(): Promise<void>;
}

/**
 * Holds the next request matching `method` and `path` (a regular expression on the raw path) at the emulator until
 * released: the order in which concurrent requests reach the emulator's state is then chosen by the test.
 */
export async function holdNext(
	emu: RunningEmulator,
	method: string,
	path: string,
): Promise<HeldRequest> {
	const { id } = await emu.control.addFault({ method, path, type: 'hold', count: 1 });
	return {
		async held() {
			for (;;) {
				const fault = (await emu.control.listFaults()).find((entry) => entry.id === id);
				if (fault === undefined || fault.hits > 0) return;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		release: () => emu.control.removeFault(id),
	};
}
