/**
 * One retry budget per request: the transport alone retries a throttled (429) request, honouring Retry-After; the
 * item runner does not re-run the item on top of it. Proven by counting requests in the emulator's request log and
 * by the gaps between their arrival times there (lower bounds only: a loaded machine only makes gaps longer).
 */
import { BOTH_AUTHS, jsonOf, phoneNumbersEmulator, runnerFor, control } from './harness';

/** The transport's default: 1 attempt + 4 retries. */
const MAX_REQUESTS_PER_ITEM = 5;

const numberFromInput = { phoneNumber: { __rl: true, mode: 'id', value: '={{ $json.number }}' } };

function gapsMs(entries: Array<{ time: string }>): number[] {
	const times = entries.map((entry) => Date.parse(entry.time));
	return times.slice(1).map((time, index) => time - times[index]);
}

describe('Phone Numbers node: a throttled item uses one retry budget', () => {
	const emulator = phoneNumbersEmulator();

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		const runAs = runnerFor(auth);

		it('one item throttled without end is sent 1 + maxRetries times in all, each wait as long as Retry-After', async () => {
			const [number] = (await control(emulator(), 'POST', '/seed', { count: 1 }))
				.phoneNumbers as string[];
			await emulator().control.addFault({
				method: 'GET',
				path: '^/phoneNumbers/%2B',
				type: 'status',
				status: 429,
				code: 'TooManyRequests',
				retryAfter: 1,
				count: 100,
			});
			const result = await runAs(
				emulator(),
				{ resource: 'phoneNumber', operation: 'get', ...numberFromInput },
				{ inputItems: [{ number }], continueOnFail: true },
			);
			const items = jsonOf(result);
			expect(items).toEqual([
				expect.objectContaining({
					httpCode: '429',
					error: expect.stringContaining('TooManyRequests'),
				}),
			]);
			const sent = (await emulator().control.requestLog()).filter(
				(entry) => entry.method === 'GET' && entry.path.startsWith('/phoneNumbers/'),
			);
			expect(sent).toHaveLength(MAX_REQUESTS_PER_ITEM);
			expect(sent.every((entry) => entry.status === 429)).toBe(true);
			for (const gap of gapsMs(sent)) expect(gap).toBeGreaterThanOrEqual(950);
		});

		it('after an item that stayed throttled, the next item starts no sooner than the Retry-After asked', async () => {
			const numbers = (await control(emulator(), 'POST', '/seed', { count: 2 }))
				.phoneNumbers as string[];
			const throttledPath = `/phoneNumbers/${encodeURIComponent(numbers[0])}`;
			await emulator().control.addFault({
				method: 'GET',
				path: `^${throttledPath}`,
				type: 'status',
				status: 429,
				retryAfter: 1,
				count: 100,
			});
			const result = await runAs(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'get',
					...numberFromInput,
					options: { concurrency: 1 },
				},
				{ inputItems: numbers.map((number) => ({ number })), continueOnFail: true },
			);
			expect(jsonOf(result).map((item) => item.httpCode ?? item.phoneNumber)).toEqual([
				'429',
				numbers[1],
			]);
			const gets = (await emulator().control.requestLog()).filter(
				(entry) => entry.method === 'GET' && entry.path.startsWith('/phoneNumbers/'),
			);
			expect(gets.map((entry) => entry.path)).toEqual([
				...Array(MAX_REQUESTS_PER_ITEM).fill(throttledPath),
				`/phoneNumbers/${encodeURIComponent(numbers[1])}`,
			]);
			for (const gap of gapsMs(gets)) expect(gap).toBeGreaterThanOrEqual(950);
		});

		it('with Concurrency and Continue On Fail, an item that stayed throttled does not leave idle workers waiting: the run ends', async () => {
			const numbers = (await control(emulator(), 'POST', '/seed', { count: 2 }))
				.phoneNumbers as string[];
			await emulator().control.addFault({
				method: 'GET',
				path: `^/phoneNumbers/${encodeURIComponent(numbers[1])}`,
				type: 'status',
				status: 429,
				retryAfter: 0,
				count: 100,
			});
			// Without an end the run would wait forever: the race only turns that into a failure instead of a timeout.
			const run = runAs(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'get',
					...numberFromInput,
					options: { concurrency: 2 },
				},
				{ inputItems: numbers.map((number) => ({ number })), continueOnFail: true },
			);
			const hang = new Promise<'still running'>((resolve) =>
				setTimeout(() => resolve('still running'), 20_000).unref(),
			);
			const result = await Promise.race([run, hang]);
			expect(result).not.toBe('still running');
			if (result === 'still running') return;
			expect(jsonOf(result).map((item) => item.httpCode ?? item.phoneNumber)).toEqual([
				numbers[0],
				'429',
			]);
		}, 40_000);

		it('several throttled items: none is sent more than 1 + maxRetries times, and the others still succeed', async () => {
			const numbers = (await control(emulator(), 'POST', '/seed', { count: 4 }))
				.phoneNumbers as string[];
			// Only the first number is throttled, every time.
			await emulator().control.addFault({
				method: 'GET',
				path: `^/phoneNumbers/${encodeURIComponent(numbers[0])}`,
				type: 'status',
				status: 429,
				retryAfter: 0,
				count: 100,
			});
			const result = await runAs(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'get',
					...numberFromInput,
					options: { concurrency: 2 },
				},
				{ inputItems: numbers.map((number) => ({ number })), continueOnFail: true },
			);
			const items = jsonOf(result);
			expect(items[0]).toMatchObject({ httpCode: '429' });
			expect(items.slice(1).map((item) => item.phoneNumber)).toEqual(numbers.slice(1));
			const log = await emulator().control.requestLog();
			const throttled = log.filter(
				(entry) => entry.path === `/phoneNumbers/${encodeURIComponent(numbers[0])}`,
			);
			expect(throttled).toHaveLength(MAX_REQUESTS_PER_ITEM);
		});
	});
});
