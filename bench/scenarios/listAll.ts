/**
 * Scenario 3: list N purchased numbers (seeded through the control API). Each run is a fresh child process
 * (listChild.ts), ours and the SDK alternating, so peak RSS is measured per side without the other's garbage.
 */
import { runChild } from '../lib/childProcess';
import { seedPurchased } from '../lib/emulator';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario } from '../lib/scenario';
import { ratio, spread } from '../lib/stats';
import type { ListChildReport } from './listChild';

export const listAll: Scenario = {
	id: '3',
	title: 'List every purchased number (Return All)',
	async run(ctx) {
		const { emu } = ctx;
		const count = ctx.quick ? 2000 : 20_000;
		await emu.control.reset();
		await seedPurchased(emu, count);
		const repeats = repeatsOf(ctx, 3, 1);
		const reports: Record<'ours' | 'sdk', ListChildReport[]> = { ours: [], sdk: [] };
		for (let r = 0; r < repeats; r++) {
			for (const side of ['ours', 'sdk'] as const) {
				const report = await runChild<ListChildReport>('bench/scenarios/listChild.ts', [side], {
					BENCH_CONNECTION_STRING: emu.connectionString,
				});
				if (report.count !== count) throw new Error(`${side} listed ${report.count} of ${count}`);
				reports[side].push(report);
			}
			ctx.log(
				`  repeat ${r + 1}: ours ${reports.ours[r].seconds.toFixed(2)} s, peak ${reports.ours[r].peakRssMb.toFixed(0)} MB; ` +
					`SDK ${reports.sdk[r].seconds.toFixed(2)} s, peak ${reports.sdk[r].peakRssMb.toFixed(0)} MB (baselines ${reports.ours[r].baselineRssMb.toFixed(0)}/${reports.sdk[r].baselineRssMb.toFixed(0)} MB)`,
			);
		}
		const of = (side: 'ours' | 'sdk', pick: (r: ListChildReport) => number) =>
			spread(reports[side].map(pick));
		const time = { ours: of('ours', (r) => r.seconds), sdk: of('sdk', (r) => r.seconds) };
		const peak = { ours: of('ours', (r) => r.peakRssMb), sdk: of('sdk', (r) => r.peakRssMb) };
		const growth = {
			ours: of('ours', (r) => r.peakRssMb - r.baselineRssMb),
			sdk: of('sdk', (r) => r.peakRssMb - r.baselineRssMb),
		};
		const timeRatio = ratio(time.ours.median, time.sdk.median);
		const peakRatio = ratio(peak.ours.median, peak.sdk.median);
		const growthRatio = ratio(growth.ours.median, growth.sdk.median);
		const figures: Figure[] = [
			{
				scenario: '3',
				metric: `list ${count}: wall time`,
				unit: 's',
				...time,
				ratio: timeRatio,
				goal: 'ratio <= 1.1',
				holds: timeRatio <= 1.1,
			},
			{
				scenario: '3',
				metric: `list ${count}: peak RSS of the process`,
				unit: 'MB',
				...peak,
				ratio: peakRatio,
				goal: 'ratio <= 1.5',
				holds: peakRatio <= 1.5,
				note: 'both children load n8n-core and the SDK first (same baseline)',
			},
			{
				scenario: '3',
				metric: `list ${count}: peak RSS minus baseline after loading`,
				unit: 'MB',
				...growth,
				ratio: growthRatio,
				goal: 'ratio <= 1.5',
				holds: growthRatio <= 1.5,
			},
		];
		return figures;
	},
};
