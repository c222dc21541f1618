/**
 * Operator Information -> Look Up on the live protocol: the service takes one number per request (more is a 400),
 * so the node sends one request per number, at most 4 at a time, one output item per number.
 */
import { LOOK_UP_CONCURRENCY } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/operatorInformation/lookUp.operation';
import {
	BOTH_AUTHS,
	acsRequests,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
} from './harness';
import { peakInFlight } from './inFlight';

const LOOK_UP_PATH = '/operatorInformation/:search';
const numbersFrom = (first: number, count: number) =>
	Array.from({ length: count }, (_, i) => `+1425555${String(first + i).padStart(4, '0')}`);

describe('Phone Numbers node: Operator Information -> Look Up', () => {
	const emulator = phoneNumbersEmulator();

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const runAs = runnerFor(auth);

		it('sends one request per number (each accepted: the service refuses more than one) and outputs one item per number', async () => {
			const first = numbersFrom(100, 5);
			const second = numbersFrom(200, 3);
			const result = await runAs(
				emulator(),
				{
					resource: 'operatorInformation',
					operation: 'lookUp',
					phoneNumbers: '={{ $json.numbers }}',
					includeAdditionalOperatorDetails: true,
				},
				{ inputItems: [{ numbers: first.join(', ') }, { numbers: second.join('\n') }] },
			);
			const items = jsonOf(result);
			expect(items.map((item) => item.phoneNumber)).toEqual([...first, ...second]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				...first.map(() => ({ item: 0 })),
				...second.map(() => ({ item: 1 })),
			]);
			expect(items[0]).toEqual({
				phoneNumber: first[0],
				nationalFormat: '+1 (425) 555-0100',
				internationalFormat: '+1 425 555 0100',
				isoCountryCode: 'US',
				numberType: 'geographic',
				operatorName: expect.any(String),
				mobileNetworkCode: null,
				mobileCountryCode: null,
			});
			const requests = await acsRequests(emulator());
			expect(requests).toHaveLength(first.length + second.length);
			for (const request of requests)
				expect(request).toMatchObject({ method: 'POST', path: LOOK_UP_PATH, status: 200 });
		});

		it(`keeps at most ${LOOK_UP_CONCURRENCY} requests in flight`, async () => {
			const numbers = numbersFrom(300, 12);
			// Every request is held 250 ms, so the requests overlap as much as the node lets them.
			await emulator().control.addFault({
				method: 'POST',
				path: '^/operatorInformation/',
				type: 'delay',
				delayMs: 250,
			});
			const items = jsonOf(
				await runAs(emulator(), {
					resource: 'operatorInformation',
					operation: 'lookUp',
					phoneNumbers: numbers.join(','),
				}),
			);
			expect(items.map((item) => item.phoneNumber)).toEqual(numbers);
			const requests = (await emulator().control.requestLog()).filter(
				(entry) => entry.path === LOOK_UP_PATH,
			);
			expect(requests).toHaveLength(numbers.length);
			const peak = peakInFlight(requests);
			expect(peak).toBeLessThanOrEqual(LOOK_UP_CONCURRENCY);
			expect(peak).toBeGreaterThan(1);
		});
	});

	it('with Continue On Fail, a number that fails becomes an error item in its place; the others are looked up', async () => {
		const numbers = numbersFrom(400, 6);
		await emulator().control.addFault({
			method: 'POST',
			path: '^/operatorInformation/',
			type: 'status',
			status: 404,
			code: 'NotFound',
			message: 'Gone.',
			count: 1,
		});
		const result = await run(
			emulator(),
			{ resource: 'operatorInformation', operation: 'lookUp', phoneNumbers: numbers.join(',') },
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.phoneNumber)).toEqual(numbers);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		const failed = result.items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(1);
		const failedNumber = failed[0].json.phoneNumber as string;
		expect(failed[0].json).toMatchObject({
			error: expect.stringContaining(`Look up of ${failedNumber} failed`),
			httpCode: '404',
		});
		expect(result.items.filter((item) => item.json.internationalFormat)).toHaveLength(
			numbers.length - 1,
		);
		expect(await acsRequests(emulator())).toHaveLength(numbers.length);
	});

	it('without Continue On Fail, the node fails naming the number and starts no further number', async () => {
		const numbers = numbersFrom(500, 40);
		await emulator().control.addFault({
			method: 'POST',
			path: '^/operatorInformation/',
			type: 'status',
			status: 404,
			code: 'NotFound',
			message: 'Gone.',
			count: 1,
		});
		const result = await run(emulator(), {
			resource: 'operatorInformation',
			operation: 'lookUp',
			phoneNumbers: numbers.join(','),
		});
		const named = /^Look up of (\+\d+) failed: NotFound: Gone\.$/.exec(result.error?.message ?? '');
		expect(numbers).toContain(named?.[1]);
		expect((await acsRequests(emulator())).length).toBeLessThan(numbers.length);
	});

	it('checks every number before the first request', async () => {
		const result = await run(emulator(), {
			resource: 'operatorInformation',
			operation: 'lookUp',
			phoneNumbers: [...numbersFrom(600, 1500), '12ab'].join(','),
		});
		expect(result.error?.message).toContain('Invalid "Phone Numbers"');
		expect(result.error?.message).toContain('12ab');
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
