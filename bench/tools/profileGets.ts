/**
 * Profiling aid for scenario 5 (not part of the bench): N single gets through our node, then through the n8n
 * floor node, timed per call. Run under a profiler:
 *   npx tsx --cpu-prof --cpu-prof-dir=.local/prof bench/tools/profileGets.ts [N] [rounds]
 * and summarise with `npx tsx bench/tools/summariseProfile.ts .local/prof/<file>.cpuprofile`.
 */
import { seedPurchased, startBenchEmulator } from '../lib/emulator';
import { runFloorGets } from '../lib/floorNode';
import { PHONE_NUMBER_FROM_ITEM, runPhoneNumbersNode } from '../lib/ours';

async function main(): Promise<void> {
	const n = Number(process.argv[2] ?? 1000);
	const rounds = Number(process.argv[3] ?? 3);
	const emu = await startBenchEmulator();
	try {
		const numbers = await seedPurchased(emu, n);
		const items = numbers.map((phoneNumber) => ({ phoneNumber }));
		for (let round = 0; round < rounds; round++) {
			let start = performance.now();
			// Concurrency 1: one item after another, like the floor node, so the difference is our code's.
			await runPhoneNumbersNode(
				emu,
				{
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: PHONE_NUMBER_FROM_ITEM,
					options: { concurrency: 1 },
				},
				items,
			);
			const ours = (performance.now() - start) / n;
			start = performance.now();
			await runFloorGets(emu, numbers);
			const floor = (performance.now() - start) / n;
			console.log(
				`round ${round + 1}: ours ${ours.toFixed(3)} ms/call, floor ${floor.toFixed(3)} ms/call, difference ${(ours - floor).toFixed(3)}`,
			);
		}
	} finally {
		await emu.stop();
	}
}

void main();
