/** Scenario 6: how many simple GETs per second the emulator serves, so no other figure is bounded by it. */
import { seedPurchased } from '../lib/emulator';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario, type ScenarioContext } from '../lib/scenario';
import { signedGetter } from '../lib/signedGet';
import { spread } from '../lib/stats';

async function requestsPerSecond(
	ctx: ScenarioContext,
	paths: string[],
	total: number,
	concurrency: number,
): Promise<number> {
	const client = signedGetter(ctx.emu.endpoint, ctx.emu.accessKey, concurrency);
	let next = 0;
	let failures = 0;
	const worker = async () => {
		while (next < total) {
			const path = paths[next++ % paths.length];
			if ((await client.get(path)) !== 200) failures++;
		}
	};
	const start = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - start) / 1000;
	client.close();
	if (failures > 0) throw new Error(`${failures} of ${total} GETs failed`);
	return total / seconds;
}

export const emulatorThroughput: Scenario = {
	id: '6',
	title: 'Emulator throughput (simple signed GETs)',
	async run(ctx) {
		await ctx.emu.control.reset();
		const numbers = await seedPurchased(ctx.emu, 100);
		const paths = numbers.map(
			(n) => `/phoneNumbers/${encodeURIComponent(n)}?api-version=2025-06-01`,
		);
		const total = ctx.quick ? 300 : 3000;
		const repeats = repeatsOf(ctx, 3);
		const figures: Figure[] = [];
		for (const concurrency of [1, 16]) {
			const rates: number[] = [];
			for (let r = 0; r < repeats; r++)
				rates.push(await requestsPerSecond(ctx, paths, total, concurrency));
			ctx.log(`  concurrency ${concurrency}: ${rates.map((x) => x.toFixed(0)).join(', ')} req/s`);
			figures.push({
				scenario: '6',
				metric: `emulator GET /phoneNumbers/{n}, ${concurrency} connection${concurrency > 1 ? 's' : ''}`,
				unit: 'req/s',
				ours: spread(rates),
				goal: 'above every rate the other scenarios reach',
				note: 'a bare keep-alive HMAC client; the emulator runs in its own process',
			});
		}
		return figures;
	},
};
