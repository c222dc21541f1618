/**
 * Scenario 2: release N purchased numbers given as N items. Our node runs them with its bounded concurrency
 * option; the SDK runs a sequential loop (begin + pollUntilDone each, default polling). The emulator answers
 * a share of ACS requests with 429 + Retry-After; both sides must release every number.
 */
import {
	listFaults,
	purchasedCountOf,
	resetWithNumbers,
	type ReleaseEmulatorSetup,
} from '../lib/releaseSetup';
import { PHONE_NUMBER_FROM_ITEM, runPhoneNumbersNode } from '../lib/ours';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario, type ScenarioContext } from '../lib/scenario';
import { sdkClient } from '../lib/sdk';
import { ratio, spread } from '../lib/stats';

const GOAL_RATIO = 0.2;

interface Run {
	seconds: number;
	throttled: number;
}

type ReleaseSetup = ReleaseEmulatorSetup;

async function oursRelease(
	ctx: ScenarioContext,
	setup: ReleaseSetup,
	concurrency: number,
): Promise<Run> {
	const numbers = await resetWithNumbers(ctx.emu, setup);
	const start = performance.now();
	const items = await runPhoneNumbersNode(
		ctx.emu,
		{
			resource: 'phoneNumber',
			operation: 'release',
			phoneNumber: PHONE_NUMBER_FROM_ITEM,
			waitForCompletion: true,
			timeoutSeconds: 600,
			options: { concurrency },
		},
		numbers.map((phoneNumber) => ({ phoneNumber })),
	);
	const seconds = (performance.now() - start) / 1000;
	const released = items.filter((item) => item.json.released === true).length;
	if (released !== numbers.length)
		throw new Error(`our node released ${released} of ${numbers.length}`);
	if ((await purchasedCountOf(ctx.emu)) !== 0) throw new Error('numbers left after our release');
	return { seconds, throttled: (await listFaults(ctx.emu)).throttled };
}

async function sdkRelease(ctx: ScenarioContext, setup: ReleaseSetup): Promise<Run> {
	const numbers = await resetWithNumbers(ctx.emu, setup);
	const start = performance.now();
	const client = sdkClient(ctx.emu);
	for (const number of numbers) {
		const poller = await client.beginReleasePhoneNumber(number);
		await poller.pollUntilDone();
	}
	const seconds = (performance.now() - start) / 1000;
	if ((await purchasedCountOf(ctx.emu)) !== 0)
		throw new Error('numbers left after the SDK release');
	return { seconds, throttled: (await listFaults(ctx.emu)).throttled };
}

async function compare(
	ctx: ScenarioContext,
	setup: ReleaseSetup,
	concurrency: number,
	repeats: number,
	label: string,
): Promise<Figure> {
	const ours: Run[] = [];
	const sdk: Run[] = [];
	for (let r = 0; r < repeats; r++) {
		ours.push(await oursRelease(ctx, setup, concurrency));
		sdk.push(await sdkRelease(ctx, setup));
		ctx.log(
			`  ${label} repeat ${r + 1}: ours ${ours[r].seconds.toFixed(2)} s (${ours[r].throttled} x 429), SDK ${sdk[r].seconds.toFixed(2)} s (${sdk[r].throttled} x 429)`,
		);
	}
	const o = spread(ours.map((x) => x.seconds));
	const s = spread(sdk.map((x) => x.seconds));
	const r = ratio(o.median, s.median);
	return {
		scenario: '2',
		metric: `release ${setup.count} items, ${label}`,
		unit: 's',
		ours: o,
		sdk: s,
		ratio: r,
		goal: `ratio <= ${GOAL_RATIO}`,
		holds: r <= GOAL_RATIO,
		note: `429s answered: ours ${ours.map((x) => x.throttled).join('/')}, SDK ${sdk.map((x) => x.throttled).join('/')}; every number released on both sides`,
	};
}

export const releaseMany: Scenario = {
	id: '2',
	title: 'Release purchased numbers given as items (429s injected)',
	async run(ctx) {
		const count = ctx.quick ? 40 : 200;
		const repeats = repeatsOf(ctx, 3, 1);
		const instant: ReleaseSetup = {
			count,
			runningMs: 0,
			throttleRatio: 0.03,
			retryAfterSeconds: 1,
		};
		const figures = [
			await compare(ctx, instant, 16, repeats, 'release done at once, concurrency 16'),
		];
		figures.push(
			await compare(
				ctx,
				instant,
				4,
				ctx.quick ? 1 : 2,
				'release done at once, concurrency 4 (default)',
			),
		);
		if (!ctx.quick) {
			// A release that takes 1 s: the SDK's loop then waits its 2 s poll interval per number (200 would take ~7 min).
			const slow: ReleaseSetup = {
				count: 20,
				runningMs: 1000,
				throttleRatio: 0.03,
				retryAfterSeconds: 1,
			};
			figures.push(await compare(ctx, slow, 16, 2, 'each release takes 1 s, concurrency 16'));
		}
		return figures;
	},
};
