/** Plain-text table of figures: median [min-max] for ours and the SDK, the ratio and the goal. */
import type { Figure } from './result';
import type { Spread } from './stats';

function fmt(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	const abs = Math.abs(value);
	if (abs >= 1000) return value.toFixed(0);
	if (abs >= 100) return value.toFixed(1);
	if (abs >= 1) return value.toFixed(2);
	return value.toFixed(3);
}

export function formatSpread(s: Spread | undefined): string {
	if (!s) return '–';
	return s.n > 1 ? `${fmt(s.median)} [${fmt(s.min)}-${fmt(s.max)}]` : fmt(s.median);
}

export function formatTable(figures: Figure[]): string {
	const header = [
		'#',
		'metric',
		'unit',
		'ours median [min-max]',
		'SDK median [min-max]',
		'ratio',
		'goal',
		'holds',
	];
	const rows = figures.map((f) => [
		f.scenario,
		f.metric,
		f.unit,
		formatSpread(f.ours),
		formatSpread(f.sdk),
		f.ratio === undefined ? '–' : fmt(f.ratio),
		f.goal,
		f.holds === undefined ? 'info' : f.holds ? 'yes' : 'NO',
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export function formatMarkdownTable(figures: Figure[]): string {
	const rows = figures.map(
		(f) =>
			`| ${f.scenario} | ${f.metric} | ${f.unit} | ${formatSpread(f.ours)} | ${formatSpread(f.sdk)} | ${f.ratio === undefined ? '–' : fmt(f.ratio)} | ${f.goal} | ${f.holds === undefined ? 'info' : f.holds ? 'yes' : '**no**'} |`,
	);
	return [
		'| # | metric | unit | ours median [min-max] | SDK median [min-max] | ratio | goal | holds |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
}
