/**
 * Scale: a list of 250,000 entries and a look-up of 10,000 numbers (one request each) through the real engine. An
 * output list that large used to be spread into the output array as call arguments ("Maximum call stack size exceeded").
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
	expect(
		(await phoneControl<{ count: number }>(emu, 'POST', '/seed', { count: COUNT })).count,
	).toBe(COUNT);
	await emu.control.clearRequestLog();

	const { result: run, blockMs } = await longestBlockMs(() =>
		runPhone(emu, { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
	);

	const numbers = jsonOf(run);
	expect(numbers).toHaveLength(COUNT);
	expect(new Set(numbers.map((number) => number.phoneNumber)).size).toBe(COUNT);
	expect(run.items[COUNT - 1].pairedItem).toEqual({ item: 0 });
	const pages = (await emu.control.requestLog()).filter(
		(entry) => entry.method === 'GET' && entry.path === '/phoneNumbers',
	);
	// One request per page of 100, plus at most the page after the last one, read ahead.
	expect(pages.length).toBeGreaterThanOrEqual(COUNT / PAGE_SIZE);
	expect(pages.length).toBeLessThanOrEqual(COUNT / PAGE_SIZE + 1);
	figures.getManyItems = numbers.length;
	figures.getManyPageRequests = pages.length;
	figures.getManyHeapUsedAfterMb = heapMb();
	figures.getManyLongestEventLoopBlockMs = blockMs;
});

/** The service takes one number per look-up request; the request log holds 10,000 entries, so each can be checked. */
const LOOK_UP_COUNT = 10_000;

it(`Operator Information -> Look Up of ${LOOK_UP_COUNT.toLocaleString('en-US')} numbers in one item: one request per number`, async () => {
	const emu = emulator();
	const phoneNumbers = Array.from(
		{ length: LOOK_UP_COUNT },
		(_, i) => `+1425${String(i).padStart(7, '0')}`,
	);

	const startedAt = process.hrtime.bigint();
	const { result: run, blockMs } = await longestBlockMs(() =>
		runPhone(emu, {
			resource: 'operatorInformation',
			operation: 'lookUp',
			phoneNumbers: phoneNumbers.join('\n'),
		}),
	);
	const elapsedMs = Number(process.hrtime.bigint() - startedAt) / 1e6;

	const results = jsonOf(run);
	expect(results.map((result) => result.phoneNumber)).toEqual(phoneNumbers);
	expect(results[LOOK_UP_COUNT - 1]).toMatchObject({
		phoneNumber: phoneNumbers[LOOK_UP_COUNT - 1],
		internationalFormat: expect.any(String),
	});
	expect(run.items[LOOK_UP_COUNT - 1].pairedItem).toEqual({ item: 0 });
	const requests = (await emu.control.requestLog()).map(
		(entry) => `${entry.method} ${entry.path} ${entry.status}`,
	);
	// Each accepted (200): the service refuses a request with more than one number.
	expect(requests).toEqual(phoneNumbers.map(() => 'POST /operatorInformation/:search 200'));
	figures.lookUpItems = results.length;
	figures.lookUpRequests = requests.length;
	figures.lookUpRequestsPerSecond = Math.round(LOOK_UP_COUNT / (elapsedMs / 1000));
	figures.lookUpHeapUsedAfterMb = heapMb();
	figures.lookUpLongestEventLoopBlockMs = blockMs;
	// 10,000 requests: about 10 s on a quiet machine, over 100 s on a loaded one.
}, 600_000);
