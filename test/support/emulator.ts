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
