/**
 * Scale: lists and look-ups of 250,000 entries through the real engine. An output list that large used to be
 * spread into the output array as call arguments ("Maximum call stack size exceeded").
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { withEmulator } from '../support/emulator';
import { reportFigures } from './support/figures';
import { reliabilitySeed } from './support/seed';
import { jsonOf, phoneControl, runPhone } from './support/nodes';

const COUNT = 250_000;
const PAGE_SIZE = 100;
const seed = reliabilitySeed('scale');
const emulator = withEmulator({ seed });
const figures: Record<string, unknown> = {};

/** Heap in use right after a run (the emulator and the jest worker included; garbage not yet collected counts too). */
const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

/** The longest the event loop was held during `run` (a figure only: timings are not asserted on a shared machine). */
async function longestBlockMs<T>(run: () => Promise<T>): Promise<{ result: T; blockMs: number }> {
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	const result = await run();
	delay.disable();
	return { result, blockMs: Math.round(delay.max / 1e6) };
}

afterAll(() => reportFigures('scale', figures));

it(`Phone Number -> Get Many with Return All lists ${COUNT.toLocaleString('en-US')} purchased numbers`, async () => {
	const emu = emulator();
	await phoneControl(emu, 'PUT', '/settings', { poolSize: COUNT + 50_000 });
	expect((await phoneControl<{ count: number }>(emu, 'POST', '/seed', { count: COUNT })).count).toBe(COUNT);
	await emu.control.clearRequestLog();

	const { result: run, blockMs } = await longestBlockMs(() => runPhone(emu, { resource: 'phoneNumber', operation: 'getAll', returnAll: true }));

	const numbers = jsonOf(run);
	expect(numbers).toHaveLength(COUNT);
	expect(new Set(numbers.map((number) => number.phoneNumber)).size).toBe(COUNT);
	expect(run.items[COUNT - 1].pairedItem).toEqual({ item: 0 });
	const pages = (await emu.control.requestLog()).filter((entry) => entry.method === 'GET' && entry.path === '/phoneNumbers');
	// One request per page of 100, plus at most the page after the last one, read ahead.
	expect(pages.length).toBeGreaterThanOrEqual(COUNT / PAGE_SIZE);
	expect(pages.length).toBeLessThanOrEqual(COUNT / PAGE_SIZE + 1);
	figures.getManyItems = numbers.length;
	figures.getManyPageRequests = pages.length;
	figures.getManyHeapUsedAfterMb = heapMb();
	figures.getManyLongestEventLoopBlockMs = blockMs;
});

it(`Operator Information -> Look Up of ${COUNT.toLocaleString('en-US')} numbers in one item`, async () => {
	const emu = emulator();
	const phoneNumbers = Array.from({ length: COUNT }, (_, i) => `+1425${String(i).padStart(7, '0')}`);

	const { result: run, blockMs } = await longestBlockMs(() =>
		runPhone(emu, { resource: 'operatorInformation', operation: 'lookUp', phoneNumbers: phoneNumbers.join('\n') }),
	);

	const results = jsonOf(run);
	expect(results).toHaveLength(COUNT);
	expect(results[COUNT - 1]).toMatchObject({ phoneNumber: phoneNumbers[COUNT - 1], internationalFormat: expect.any(String) });
	expect((await emu.control.requestLog()).map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /operatorInformation/:search']);
	figures.lookUpItems = results.length;
	figures.lookUpHeapUsedAfterMb = heapMb();
	figures.lookUpLongestEventLoopBlockMs = blockMs;
});
