/**
 * Smoke test of the bench CLI (npm run bench): a quick run of scenarios 4 (cold load from dist/) and 6 (emulator
 * throughput) in a child process, as a user runs it, checking the JSON it writes. It asserts the shape and that
 * the figures are real measurements (positive, finite), never how fast anything is.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

interface Spread {
	median: number;
	min: number;
	max: number;
	n: number;
}
interface Figure {
	scenario: string;
	metric: string;
	unit: string;
	ours?: Spread;
	sdk?: Spread;
	ratio?: number;
	goal: string;
	holds?: boolean;
}
interface BenchJson {
	startedAt: string;
	quick: boolean;
	machine: { cpus: number; node: string };
	figures: Figure[];
	failures: unknown[];
}

function runBench(
	jsonPath: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			'npx',
			['tsx', 'bench/run.ts', '--quick', '--only', '4,6', '--json', jsonPath],
			{ cwd: REPO_ROOT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) =>
				resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
		);
	});
}

function expectSpread(spread: Spread | undefined, where: string): void {
	expect({ where, ok: spread !== undefined }).toEqual({ where, ok: true });
	const { median, min, max, n } = spread as Spread;
	for (const value of [median, min, max]) {
		expect(Number.isFinite(value)).toBe(true);
		expect(value).toBeGreaterThan(0);
	}
	expect(min).toBeLessThanOrEqual(median);
	expect(median).toBeLessThanOrEqual(max);
	expect(n).toBeGreaterThanOrEqual(1);
}

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

it('bench --quick --only 4,6 --json writes positive figures for both scenarios', async () => {
	const jsonPath = path.join(dir, 'bench.json');
	const run = await runBench(jsonPath);
	expect({ code: run.code, stderr: run.stderr.slice(-2000) }).toEqual({
		code: 0,
		stderr: expect.any(String),
	});
	expect(run.stdout).toContain(`Figures written to ${jsonPath}`);

	const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchJson;
	expect(json.quick).toBe(true);
	expect(json.failures).toEqual([]);
	expect(Number.isNaN(Date.parse(json.startedAt))).toBe(false);
	expect(json.machine.cpus).toBeGreaterThan(0);
	expect(json.machine.node).toMatch(/^v\d+/);
	expect(new Set(json.figures.map((f) => f.scenario))).toEqual(new Set(['4', '6']));

	for (const figure of json.figures) {
		expect(typeof figure.metric).toBe('string');
		expect(figure.unit.length).toBeGreaterThan(0);
		expect(figure.goal.length).toBeGreaterThan(0);
		expectSpread(figure.ours, `${figure.scenario} ${figure.metric}: ours`);
		if (figure.sdk) {
			expectSpread(figure.sdk, `${figure.scenario} ${figure.metric}: sdk`);
			expect(figure.ratio).toBeCloseTo(figure.ours!.median / figure.sdk.median, 6);
		}
	}
	const coldLoads = json.figures.filter((f) => f.scenario === '4' && f.unit === 'ms');
	expect(coldLoads.length).toBeGreaterThanOrEqual(3);
	const throughput = json.figures.filter((f) => f.scenario === '6');
	expect(throughput.map((f) => f.unit)).toEqual(['req/s', 'req/s']);
}, 300_000);
