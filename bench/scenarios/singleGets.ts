/**
 * Scenario 5: N single gets of a purchased number; per-call time (wall / N) of our node (one workflow of N items)
 * vs an SDK loop. Ours twice: Options → Concurrency 1 (items one after another: the per-call overhead, comparable
 * with the n8n floor) and the default concurrency (what a workflow runs by default).
 */
import { DEFAULT_CONCURRENCY } from '../../nodes/shared/node/descriptions';
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
	/** CPU time of this (the client) process per call; the emulator is a child process */
	cpuMs: number;
}

async function meanServerMs(emu: BenchEmulator): Promise<number> {
	const gets = (await acsLog(emu)).filter((e) => e.method === 'GET');
	return gets.reduce((sum, e) => sum + e.durationMs, 0) / Math.max(1, gets.length);
}

async function measure(emu: BenchEmulator, n: number, run: () => Promise<number>): Promise<Sample> {
	await emu.control.clearRequestLog();
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	const done = await run();
	const perCallMs = (performance.now() - start) / n;
	const cpu = process.cpuUsage(cpuStart);
	if (done !== n) throw new Error(`expected ${n} results, got ${done}`);
	return {
		perCallMs,
		clientMs: perCallMs - (await meanServerMs(emu)),
		cpuMs: (cpu.user + cpu.system) / 1000 / n,
	};
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
		const oursConcurrent: Sample[] = [];
		const sdk: Sample[] = [];
		const runOursWith = (options: { concurrency?: number }) => async () =>
			(
				await runPhoneNumbersNode(
					emu,
					{
						resource: 'phoneNumber',
						operation: 'get',
						phoneNumber: PHONE_NUMBER_FROM_ITEM,
						options,
					},
					items,
				)
			).length;
		const runOurs = runOursWith({ concurrency: 1 });
		// No Concurrency option set: the node's default, as a workflow that does not touch Options runs it.
		const runOursDefault = runOursWith({});
		const runSdk = async () => {
			const client = sdkClient(emu);
			const results = [];
			for (const number of numbers) results.push(await client.getPurchasedPhoneNumber(number));
			return results.length;
		};
		const runFloor = () => runFloorGets(emu, numbers);
		await runOurs(); // warm-up: module loading and JIT are scenario 4's business
		await runOursDefault();
		await runSdk();
		await runFloor();
		const floor: Sample[] = [];
		const repeats = repeatsOf(ctx, 5, 1);
		for (let r = 0; r < repeats; r++) {
			ours.push(await measure(emu, n, runOurs));
			oursConcurrent.push(await measure(emu, n, runOursDefault));
			sdk.push(await measure(emu, n, runSdk));
			floor.push(await measure(emu, n, runFloor));
			ctx.log(
				`  repeat ${r + 1}: ours (concurrency 1) ${ours[r].perCallMs.toFixed(2)} ms/call, ours (default ${DEFAULT_CONCURRENCY}) ${oursConcurrent[r].perCallMs.toFixed(2)} ms/call, SDK ${sdk[r].perCallMs.toFixed(2)} ms/call`,
			);
		}
		const perCall = {
			ours: spread(ours.map((s) => s.perCallMs)),
			sdk: spread(sdk.map((s) => s.perCallMs)),
		};
		const client = {
			ours: spread(ours.map((s) => s.clientMs)),
			sdk: spread(sdk.map((s) => s.clientMs)),
		};
		const concurrentPerCall = {
			ours: spread(oursConcurrent.map((s) => s.perCallMs)),
			sdk: perCall.sdk,
		};
		const perCallRatio = ratio(perCall.ours.median, perCall.sdk.median);
		const clientRatio = ratio(client.ours.median, client.sdk.median);
		const concurrentRatio = ratio(concurrentPerCall.ours.median, perCall.sdk.median);
		const concurrentCpu = spread(oursConcurrent.map((s) => s.cpuMs));
		const sdkCpu = spread(sdk.map((s) => s.cpuMs));
		const figures: Figure[] = [
			{
				scenario: '5',
				metric: `${n} gets, default Concurrency (${DEFAULT_CONCURRENCY}): time per call = wall / ${n} (workflow of ${n} items vs SDK sequential loop)`,
				unit: 'ms',
				...concurrentPerCall,
				ratio: concurrentRatio,
				goal: 'ratio <= 1.2',
				holds: concurrentRatio <= 1.2,
				note: `${DEFAULT_CONCURRENCY} items in flight at once; the SDK loop awaits each get (what a Code node loop does)`,
			},
			{
				scenario: '5',
				metric: `same (default Concurrency ${DEFAULT_CONCURRENCY}): client CPU time per call`,
				unit: 'ms',
				ours: concurrentCpu,
				sdk: sdkCpu,
				ratio: ratio(concurrentCpu.median, sdkCpu.median),
				goal: 'info: what bounds the row above',
				note: 'CPU of the bench process (the emulator is a child); when it equals the time per call, the client is CPU-bound and more concurrency cannot help',
			},
			{
				scenario: '5',
				metric: `${n} gets, Concurrency 1 (sequential): per-call overhead (workflow of ${n} items vs SDK loop)`,
				unit: 'ms',
				...perCall,
				ratio: perCallRatio,
				goal: 'ratio <= 1.2',
				holds: perCallRatio <= 1.2,
			},
			{
				scenario: '5',
				metric: 'same (Concurrency 1), client side only (minus the emulator handler time)',
				unit: 'ms',
				...client,
				ratio: clientRatio,
				goal: 'ratio <= 1.2',
				holds: clientRatio <= 1.2,
			},
			{
				scenario: '5',
				metric:
					'n8n floor: same expression + bare httpRequestWithAuthentication per item (no transport)',
				unit: 'ms',
				ours: spread(floor.map((s) => s.perCallMs)),
				sdk: perCall.sdk,
				ratio: ratio(spread(floor.map((s) => s.perCallMs)).median, perCall.sdk.median),
				goal: 'info: what n8n itself costs per request',
				note: 'a minimal fixture node in the same engine, items one after another; our node at Concurrency 1 minus this = what our code adds',
			},
		];
		return figures;
	},
};
