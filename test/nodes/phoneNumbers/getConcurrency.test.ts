/**
 * Phone Number → Get and Long-Running Operation → Get run their items with bounded concurrency (Options → Concurrency), through
 * the real engine against the emulator; how many requests overlapped is read from the emulator's request log.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestLogEntry } from '../../../emulator';
import {
	BOTH_AUTHS,
	acsRequests,
	control,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
} from './harness';
import { peakInFlight } from './inFlight';

const numberFromInput = { phoneNumber: { mode: 'id', value: '={{ $json.number }}' } };
const getNumber = { resource: 'phoneNumber', operation: 'get', ...numberFromInput };
const MISSING_NUMBER = '+18005550199';

/** The raw path the node requests for a number, as a fault's path pattern. */
const numberPathPattern = (number: string) =>
	`^/phoneNumbers/${encodeURIComponent(number).replace('+', '\\+')}$`;

function isNumberGet(entry: RequestLogEntry): boolean {
	return entry.method === 'GET' && /^\/phoneNumbers\/%2B\d+$/.test(entry.path);
}

const endOf = (entry: RequestLogEntry) => Date.parse(entry.time) + entry.durationMs;

describe('Phone Numbers node: Phone Number → Get runs items with bounded concurrency', () => {
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

	async function numberGets(): Promise<RequestLogEntry[]> {
		return (await emulator().control.requestLog()).filter(isNumberGet);
	}

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const runAs = runnerFor(auth);

		it.each([
			{ label: 'the default (4)', concurrency: undefined, limit: 4 },
			{ label: 'Concurrency 2', concurrency: 2, limit: 2 },
		])('keeps at most $label gets in flight, and more than one', async ({ concurrency, limit }) => {
			const numbers = await seed(8);
			// Every get is held 250 ms, so the items' requests overlap as much as the node lets them.
			await emulator().control.addFault({
				method: 'GET',
				path: '^/phoneNumbers/%2B',
				type: 'delay',
				delayMs: 250,
			});
			const options: IDataObject = concurrency === undefined ? {} : { options: { concurrency } };
			const items = jsonOf(
				await runAs(
					emulator(),
					{ ...getNumber, ...options },
					{ inputItems: numbers.map((number) => ({ number })) },
				),
			);
			expect(items.map((item) => item.phoneNumber)).toEqual(numbers);

			const gets = await numberGets();
			expect(gets).toHaveLength(numbers.length);
			const peak = peakInFlight(gets);
			expect(peak).toBeLessThanOrEqual(limit);
			expect(peak).toBeGreaterThan(1);
		});
	});

	it('runs one get at a time with Concurrency 1', async () => {
		const numbers = await seed(4);
		await emulator().control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/%2B',
			type: 'delay',
			delayMs: 100,
		});
		const items = jsonOf(
			await run(
				emulator(),
				{ ...getNumber, options: { concurrency: 1 } },
				{ inputItems: numbers.map((number) => ({ number })) },
			),
		);
		expect(items.map((item) => item.phoneNumber)).toEqual(numbers);
		const gets = await numberGets();
		expect(gets).toHaveLength(numbers.length);
		expect(peakInFlight(gets)).toBe(1);
	});

	it('outputs items in input order with their pairing, though the first get answers last', async () => {
		const numbers = await seed(4);
		await emulator().control.addFault({
			method: 'GET',
			path: numberPathPattern(numbers[0]),
			type: 'delay',
			delayMs: 400,
		});
		const result = await run(emulator(), getNumber, {
			inputItems: numbers.map((number) => ({ number })),
		});
		expect(jsonOf(result).map((item) => item.phoneNumber)).toEqual(numbers);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			numbers.map((_, index) => ({ item: index })),
		);

		// The log proves the answers came back out of order: the first item's get ended after all the others.
		const gets = await numberGets();
		const first = gets.find(
			(entry) => entry.path === `/phoneNumbers/${encodeURIComponent(numbers[0])}`,
		);
		const others = gets.filter((entry) => entry !== first);
		expect(first).toBeDefined();
		expect(others).toHaveLength(numbers.length - 1);
		for (const other of others) expect(endOf(other)).toBeLessThan(endOf(first!));
	});

	it('gives a missing number its error item in place with continueOnFail, the others their numbers', async () => {
		const [a, b, c] = await seed(3);
		const input = [a, MISSING_NUMBER, b, c];
		const result = await run(
			emulator(),
			{ ...getNumber, options: { concurrency: 4 } },
			{ inputItems: input.map((number) => ({ number })), continueOnFail: true },
		);
		const items = jsonOf(result);
		expect(items).toHaveLength(4);
		expect(items[1]).toMatchObject({ httpCode: '404', error: expect.any(String) });
		expect(items[1].phoneNumber).toBeUndefined();
		expect([items[0], items[2], items[3]].map((item) => item.phoneNumber)).toEqual([a, b, c]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			input.map((_, index) => ({ item: index })),
		);
		expect(peakInFlight(await numberGets())).toBeLessThanOrEqual(4);
	});

	it('fails the node on a missing number without continueOnFail, naming that item', async () => {
		const [a, b] = await seed(2);
		const result = await run(emulator(), getNumber, {
			inputItems: [a, MISSING_NUMBER, b].map((number) => ({ number })),
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('a get still throttled (429) after the transport retries is not re-run on top of them', async () => {
		const numbers = await seed(3);
		await emulator().control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/%2B',
			type: 'status',
			status: 429,
			code: 'TooManyRequests',
			retryAfter: 0,
			count: 10,
		});
		const result = await run(
			emulator(),
			{ ...getNumber, options: { concurrency: 2 } },
			{ inputItems: numbers.map((number) => ({ number })) },
		);
		expect(result.error).toMatchObject({ httpCode: '429' });
		const perNumber = new Map<string, number>();
		for (const entry of await numberGets())
			perNumber.set(entry.path, (perNumber.get(entry.path) ?? 0) + 1);
		// 1 attempt + 4 transport retries at most, whatever the item runner does.
		for (const count of perNumber.values()) expect(count).toBeLessThanOrEqual(5);
	});

	it.each([0, 17, -4, 2.5, '={{ 20 }}'])(
		'refuses Concurrency %p before sending anything, not clamping it',
		async (concurrency) => {
			const numbers = await seed(2);
			await emulator().control.clearRequestLog();
			const result = await run(
				emulator(),
				{ ...getNumber, options: { concurrency } },
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

describe('Phone Numbers node: Long-Running Operation → Get runs items with bounded concurrency', () => {
	const emulator = phoneNumbersEmulator({ runningMs: 60_000 });

	/** Ids of release operations still running (started without waiting). */
	async function runningOperations(count: number): Promise<string[]> {
		const numbers = (
			await control(emulator(), 'POST', '/seed', {
				count,
				countryCode: 'US',
				phoneNumberType: 'tollFree',
			})
		).phoneNumbers as string[];
		const pending = jsonOf(
			await run(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'release',
					...numberFromInput,
					waitForCompletion: false,
				},
				{ inputItems: numbers.map((number) => ({ number })) },
			),
		);
		await emulator().control.clearRequestLog();
		return pending.map((item) => item.operationId as string);
	}

	const getOperation = {
		resource: 'operation',
		operation: 'get',
		operationId: '={{ $json.operationId }}',
	};

	it('keeps at most Concurrency gets in flight, and more than one, in input order', async () => {
		const operationIds = await runningOperations(6);
		await emulator().control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/operations/',
			type: 'delay',
			delayMs: 250,
		});
		const result = await run(
			emulator(),
			{ ...getOperation, options: { concurrency: 3 } },
			{ inputItems: operationIds.map((operationId) => ({ operationId })) },
		);
		const items = jsonOf(result);
		expect(items.map((item) => item.operationId)).toEqual(operationIds);
		for (const item of items)
			expect(item).toMatchObject({
				operationType: 'releasePhoneNumber',
				operationStatus: expect.stringMatching(/^(notStarted|running)$/),
			});
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			operationIds.map((_, index) => ({ item: index })),
		);

		const gets = (await emulator().control.requestLog()).filter(
			(entry) => entry.method === 'GET' && entry.path.startsWith('/phoneNumbers/operations/'),
		);
		expect(gets).toHaveLength(operationIds.length);
		const peak = peakInFlight(gets);
		expect(peak).toBeLessThanOrEqual(3);
		expect(peak).toBeGreaterThan(1);
	});

	it('refuses an invalid Concurrency before sending anything', async () => {
		const operationIds = await runningOperations(2);
		const result = await run(
			emulator(),
			{ ...getOperation, options: { concurrency: 17 } },
			{ inputItems: operationIds.map((operationId) => ({ operationId })), continueOnFail: true },
		);
		expect(result.error?.message).toContain('Invalid "Concurrency"');
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
