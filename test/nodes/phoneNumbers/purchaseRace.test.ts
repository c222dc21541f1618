/**
 * Reservation → Purchase when the reservation changes between the cost check and the purchase: the service's purchase
 * carries no condition on the reservation's contents, so a number added meanwhile is bought too. The item must say so.
 */
import type { IDataObject } from 'n8n-workflow';
import { requestLogWhen } from '../../support/emulator';
import { COST_LIMITS, LRO, jsonOf, phoneNumbersEmulator, run } from './harness';

describe('Reservation → Purchase: reservation changed between the cost check and the purchase', () => {
	const emulator = phoneNumbersEmulator();
	const browse = async (countryCode: string) =>
		jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'browse',
				countryCode,
				phoneNumberType: 'geographic',
				assignmentType: 'person',
			}),
		);

	/** A new reservation holding `numbers`; its id. */
	const reserve = async (numbers: IDataObject[]): Promise<string> => {
		const [reservation] = jsonOf(
			await run(
				emulator(),
				{ resource: 'reservation', operation: 'createOrUpdate', numbersSource: 'inputItems' },
				{ inputItems: numbers },
			),
		);
		return reservation.reservationId as string;
	};

	/** Starts Reservation → Purchase with its purchase call held `delayMs`; resolves (with the run still going) once the node has read the reservation. */
	const startHeldPurchase = async (id: string, delayMs: number) => {
		await emulator().control.addFault({
			method: 'POST',
			path: 'reservations/.*/:purchase$',
			type: 'delay',
			delayMs,
			count: 1,
		});
		await emulator().control.clearRequestLog();
		const purchasing = run(
			emulator(),
			{ resource: 'reservation', operation: 'purchase', reservationId: id, ...COST_LIMITS, ...LRO },
			{ continueOnFail: true },
		);
		await requestLogWhen(emulator(), (log) =>
			log.some((e) => e.method === 'GET' && e.path.includes(id)),
		);
		return { purchasing };
	};

	it('lists a number added after the check as bought beyond the check, with its cost and a warning', async () => {
		const us = (await browse('US')).slice(0, 1);
		const gb = (await browse('GB')).slice(0, 1);
		const id = await reserve(us);
		const { purchasing } = await startHeldPurchase(id, 1500);
		jsonOf(
			await run(
				emulator(),
				{
					resource: 'reservation',
					operation: 'createOrUpdate',
					reservationId: id,
					numbersSource: 'inputItems',
				},
				{ inputItems: gb },
			),
		);
		const [item] = jsonOf(await purchasing);
		const owned = jsonOf(
			await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
		).map((n: IDataObject) => n.phoneNumber);
		expect(owned).toEqual(expect.arrayContaining([us[0].phoneNumber, gb[0].phoneNumber]));
		expect(item.purchased).toBe(true);
		expect(item.phoneNumbers).toEqual(
			expect.arrayContaining([us[0].phoneNumber, gb[0].phoneNumber]),
		);
		expect(item.boughtBeyondCheck).toEqual([
			{
				phoneNumber: gb[0].phoneNumber,
				monthlyCost: gb[0].monthlyCost,
				currencyCode: gb[0].currencyCode,
			},
		]);
		expect(item.warning).toMatch(/changed between the cost check and the purchase/);
		expect(item.warning).toContain(gb[0].phoneNumber as string);
	});

	it('still says purchased: true when what was bought cannot be read back, with a warning and boughtBeyondCheck null', async () => {
		const us = (await browse('US')).slice(2, 3);
		const id = await reserve(us);
		const { purchasing } = await startHeldPurchase(id, 500);
		await emulator().control.addFault({
			method: 'GET',
			path: `reservations/${id}(\\?|$)`,
			type: 'status',
			status: 403,
			code: 'Forbidden',
			message: 'No.',
			count: 5,
		});
		const [item] = jsonOf(await purchasing);
		expect(item).toMatchObject({
			purchased: true,
			phoneNumbers: [us[0].phoneNumber],
			boughtBeyondCheck: null,
		});
		expect(item.warning).toMatch(/could not be read afterwards/);
	});

	it('says nothing was bought beyond the check when the reservation did not change', async () => {
		const us = (await browse('US')).slice(1, 2);
		const [reservation] = jsonOf(
			await run(
				emulator(),
				{ resource: 'reservation', operation: 'createOrUpdate', numbersSource: 'inputItems' },
				{ inputItems: us },
			),
		);
		const [item] = jsonOf(
			await run(emulator(), {
				resource: 'reservation',
				operation: 'purchase',
				reservationId: reservation.reservationId,
				...COST_LIMITS,
				...LRO,
			}),
		);
		expect(item.purchased).toBe(true);
		expect(item.phoneNumbers).toEqual([us[0].phoneNumber]);
		expect(item.boughtBeyondCheck).toEqual([]);
		expect(item.warning ?? null).toBeNull();
	});
});
