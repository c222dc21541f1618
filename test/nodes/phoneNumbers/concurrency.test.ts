import type { IDataObject } from 'n8n-workflow';

import {
	BOTH_AUTHS,
	LRO,
	acsRequests,
	control,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
} from './harness';
import { peakInFlight } from './inFlight';

/** The two operations that run items concurrently, and the request each item starts its operation with. */
const OPERATIONS = [
	{ operation: 'release', method: 'DELETE', parameters: {}, done: { released: true } },
	{
		operation: 'updateCapabilities',
		method: 'PATCH',
		parameters: { callingCapability: 'inbound', smsCapability: 'none' },
		done: { callingCapability: 'inbound', smsCapability: 'none' },
	},
];

const numberFromInput = { phoneNumber: { mode: 'id', value: '={{ $json.number }}' } };

describe('peakInFlight (pure)', () => {
	it('counts overlapping requests, not ones sent right after another finished', () => {
		const at = (ms: number, durationMs: number) => ({
			time: new Date(Date.UTC(2025, 0, 1) + ms).toISOString(),
			durationMs,
		});
		expect(peakInFlight([])).toBe(0);
		expect(peakInFlight([at(0, 100), at(100, 100), at(200, 100)])).toBe(1);
		expect(peakInFlight([at(0, 100), at(10, 100), at(20, 100), at(150, 10)])).toBe(3);
		expect(peakInFlight([at(0, 100), at(99, 100)])).toBe(1);
	});
});

describe('Phone Numbers node: Release and Update Capabilities run items with bounded concurrency', () => {
	const emulator = phoneNumbersEmulator();

	async function seed(count: number): Promise<string[]> {
		return (
			await control(emulator(), 'POST', '/seed', {
				count,
				countryCode: 'US',
				phoneNumberType: 'tollFree',
			})
		).phoneNumbers;
	}

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const runAs = runnerFor(auth);

		describe.each(OPERATIONS)('$operation', ({ operation, method, parameters, done }) => {
			it.each([
				{ label: 'the default (4)', concurrency: undefined, limit: 4 },
				{ label: 'Concurrency 2', concurrency: 2, limit: 2 },
			])('keeps at most $label requests in flight', async ({ concurrency, limit }) => {
				const numbers = await seed(6);
				// Every start request is held 250 ms, so the items' requests overlap as much as the node lets them.
				await emulator().control.addFault({
					method,
					path: '^/phoneNumbers/',
					type: 'delay',
					delayMs: 250,
				});
				const options: IDataObject = concurrency === undefined ? {} : { options: { concurrency } };
				const items = jsonOf(
					await runAs(
						emulator(),
						{
							resource: 'phoneNumber',
							operation,
							...numberFromInput,
							...parameters,
							...LRO,
							...options,
						},
						{ inputItems: numbers.map((number) => ({ number })) },
					),
				);
				expect(items.map((item) => item.phoneNumber)).toEqual(numbers);
				for (const item of items) expect(item).toMatchObject({ ...done, completed: true });

				const starts = (await emulator().control.requestLog()).filter(
					(entry) => entry.method === method,
				);
				expect(starts).toHaveLength(numbers.length);
				const peak = peakInFlight(starts);
				expect(peak).toBeLessThanOrEqual(limit);
				expect(peak).toBeGreaterThan(1);
			});

			it('a throttled start request (429) is retried by the transport and every item succeeds', async () => {
				const numbers = await seed(3);
				await emulator().control.addFault({
					method,
					path: '^/phoneNumbers/',
					type: 'status',
					status: 429,
					code: 'TooManyRequests',
					retryAfter: 0,
					count: 4,
				});
				const items = jsonOf(
					await runAs(
						emulator(),
						{
							resource: 'phoneNumber',
							operation,
							...numberFromInput,
							...parameters,
							...LRO,
							options: { concurrency: 2 },
						},
						{ inputItems: numbers.map((number) => ({ number })) },
					),
				);
				expect(items.map((item) => item.phoneNumber)).toEqual(numbers);
				for (const item of items) expect(item).toMatchObject({ ...done, completed: true });
				const sent = (await emulator().control.requestLog()).filter(
					(entry) => entry.method === method,
				);
				expect(sent.filter((entry) => entry.status === 429)).toHaveLength(4);
				expect(sent.filter((entry) => entry.status === 202)).toHaveLength(3);
			});
		});
	});

	describe.each(OPERATIONS)('$operation', ({ operation, parameters }) => {
		it.each([0, 17, -4, 2.5, '={{ 20 }}'])(
			'refuses Concurrency %p before sending anything, not clamping it',
			async (concurrency) => {
				const numbers = await seed(2);
				await emulator().control.clearRequestLog();
				const result = await run(
					emulator(),
					{
						resource: 'phoneNumber',
						operation,
						...numberFromInput,
						...parameters,
						...LRO,
						options: { concurrency },
					},
					{ inputItems: numbers.map((number) => ({ number })), continueOnFail: true },
				);
				expect(result.error).toMatchObject({
					name: 'NodeOperationError',
					message: expect.stringContaining('Invalid "Concurrency"'),
				});
				expect(result.error?.message).toContain('from 1 to 16');
				expect(await acsRequests(emulator())).toEqual([]);
			},
		);
	});
});
