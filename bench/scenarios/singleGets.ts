/** Scenario 5: N single gets of a purchased number; per-call time of our node (N items) vs an SDK loop. */
import { acsLog, seedPurchased, type BenchEmulator } from '../lib/emulator';
import { runFloorGets } from '../lib/floorNode';
import { PHONE_NUMBER_FROM_ITEM, runPhoneNumbersNode } from '../lib/ours';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario } from '../lib/scenario';
import { sdkClient } from '../lib/sdk';
import { ratio, spread } from '../lib/stats';

interface Sample {
	perCallMs: number;
	/** per-call time minus the emulator's own handling time (its request log) */
	clientMs: number;
}

async function meanServerMs(emu: BenchEmulator): Promise<number> {
	const gets = (await acsLog(emu)).filter((e) => e.method === 'GET');
	return gets.reduce((sum, e) => sum + e.durationMs, 0) / Math.max(1, gets.length);
}

async function measure(emu: BenchEmulator, n: number, run: () => Promise<number>): Promise<Sample> {
	await emu.control.clearRequestLog();
	const start = performance.now();
	const done = await run();
	const perCallMs = (performance.now() - start) / n;
	if (done !== n) throw new Error(`expected ${n} results, got ${done}`);
	return { perCallMs, clientMs: perCallMs - (await meanServerMs(emu)) };
}

export const singleGets: Scenario = {
	id: '5',
	title: 'Single gets of a purchased number',
	async run(ctx) {
		const { emu } = ctx;
		await emu.control.reset();
		const n = ctx.quick ? 100 : 1000;
		const numbers = await seedPurchased(emu, n);
		const items = numbers.map((phoneNumber) => ({ phoneNumber }));
		const ours: Sample[] = [];
		const sdk: Sample[] = [];
		const runOurs = async () =>
			(await runPhoneNumbersNode(emu, { resource: 'phoneNumber', operation: 'get', phoneNumber: PHONE_NUMBER_FROM_ITEM }, items)).length;
		const runSdk = async () => {
			const client = sdkClient(emu);
			const results = [];
			for (const number of numbers) results.push(await client.getPurchasedPhoneNumber(number));
			return results.length;
		};
		const runFloor = () => runFloorGets(emu, numbers);
		await runOurs(); // warm-up: module loading and JIT are scenario 4's business
		await runSdk();
		await runFloor();
		const floor: Sample[] = [];
		const repeats = repeatsOf(ctx, 5, 1);
		for (let r = 0; r < repeats; r++) {
			ours.push(await measure(emu, n, runOurs));
			sdk.push(await measure(emu, n, runSdk));
			floor.push(await measure(emu, n, runFloor));
			ctx.log(`  repeat ${r + 1}: ours ${ours[r].perCallMs.toFixed(2)} ms/call, SDK ${sdk[r].perCallMs.toFixed(2)} ms/call`);
		}
		const perCall = { ours: spread(ours.map((s) => s.perCallMs)), sdk: spread(sdk.map((s) => s.perCallMs)) };
		const client = { ours: spread(ours.map((s) => s.clientMs)), sdk: spread(sdk.map((s) => s.clientMs)) };
		const perCallRatio = ratio(perCall.ours.median, perCall.sdk.median);
		const clientRatio = ratio(client.ours.median, client.sdk.median);
		const figures: Figure[] = [
			{
				scenario: '5',
				metric: `${n} gets: time per call (workflow of ${n} items vs SDK loop)`,
				unit: 'ms',
				...perCall,
				ratio: perCallRatio,
				goal: 'ratio <= 1.2',
				holds: perCallRatio <= 1.2,
			},
			{
				scenario: '5',
				metric: 'same, client side only (minus the emulator handler time)',
				unit: 'ms',
				...client,
				ratio: clientRatio,
				goal: 'ratio <= 1.2',
				holds: clientRatio <= 1.2,
			},
			{
				scenario: '5',
				metric: 'n8n floor: same expression + bare httpRequestWithAuthentication per item (no transport)',
				unit: 'ms',
				ours: spread(floor.map((s) => s.perCallMs)),
				sdk: perCall.sdk,
				ratio: ratio(spread(floor.map((s) => s.perCallMs)).median, perCall.sdk.median),
				goal: 'info: what n8n itself costs per request',
				note: 'a minimal fixture node in the same engine; our node minus this = what our code adds',
			},
		];
		return figures;
	},
};
