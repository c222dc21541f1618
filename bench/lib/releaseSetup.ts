/** Emulator set-up of the release scenario: fresh state, N purchased numbers, release timing and 429 faults. */
import { purchasedCount, seedPurchased, type BenchEmulator } from './emulator';

export interface ReleaseEmulatorSetup {
	count: number;
	/** Release LRO duration (ms) in the emulator. */
	runningMs: number;
	/** Share of ACS requests answered 429 (seeded, so both sides meet the same sequence). */
	throttleRatio: number;
	retryAfterSeconds: number;
}

export async function resetWithNumbers(
	emu: BenchEmulator,
	setup: ReleaseEmulatorSetup,
): Promise<string[]> {
	await emu.control.reset();
	const numbers = await seedPurchased(emu, setup.count);
	await emu.phoneNumbers('PUT', '/lro', {
		operationType: 'releasePhoneNumber',
		notStartedMs: 0,
		runningMs: setup.runningMs,
	});
	await emu.control.addFault({
		path: '^/phoneNumbers/',
		type: 'status',
		status: 429,
		code: 'TooManyRequests',
		message: 'Rate limit exceeded.',
		retryAfter: setup.retryAfterSeconds,
		ratio: setup.throttleRatio,
	});
	return numbers;
}

export async function listFaults(emu: BenchEmulator): Promise<{ throttled: number }> {
	const faults = await emu.control.listFaults();
	return { throttled: faults.reduce((sum, fault) => sum + fault.hits, 0) };
}

/** Purchased numbers left, once every finished operation has taken effect. */
export async function purchasedCountOf(emu: BenchEmulator): Promise<number> {
	return await purchasedCount(emu);
}
