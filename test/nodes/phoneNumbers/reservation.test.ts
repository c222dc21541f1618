import type { IDataObject } from 'n8n-workflow';

import {
	BOTH_AUTHS,
	COST_LIMITS,
	LRO,
	acsRequests,
	control,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
	type Auth,
} from './harness';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Phone Numbers node: Reservation', () => {
	const emulator = phoneNumbersEmulator();

	async function browse(
		auth: Auth = 'connectionString',
		countryCode = 'US',
	): Promise<IDataObject[]> {
		return jsonOf(
			await run(
				emulator(),
				{
					resource: 'availableNumber',
					operation: 'browse',
					countryCode,
					phoneNumberType: 'geographic',
					assignmentType: 'person',
				},
				{ auth },
			),
		);
	}

	async function reserve(
		inputItems: IDataObject[],
		parameters: IDataObject = {},
		auth: Auth = 'connectionString',
	) {
		return await run(
			emulator(),
			{
				resource: 'reservation',
				operation: 'createOrUpdate',
				numbersSource: 'inputItems',
				...parameters,
			},
			{ inputItems, auth },
		);
	}

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const run = runnerFor(auth);

		it('creates a reservation from browse output with a generated GUID, gets it and purchases it', async () => {
			const numbers = (await browse(auth)).slice(0, 2);
			const created = await reserve(numbers, {}, auth);
			const [reservation] = jsonOf(created);
			expect(created.items).toHaveLength(1);
			expect(created.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
			expect(reservation.reservationId).toMatch(GUID);
			expect(reservation).toMatchObject({
				status: 'active',
				created: true,
				partial: false,
				phoneNumberCount: 2,
				failedCount: 0,
				totalMonthlyCost: 2,
				currencyCode: 'USD',
				expired: false,
			});
			expect((reservation.phoneNumbers as string[]).sort()).toEqual(
				numbers.map((n) => n.phoneNumber).sort(),
			);
			expect(reservation.expiresInSeconds).toBeGreaterThan(600);

			const [got] = jsonOf(
				await run(emulator(), {
					resource: 'reservation',
					operation: 'get',
					reservationId: reservation.reservationId,
				}),
			);
			expect(got).toMatchObject({
				reservationId: reservation.reservationId,
				phoneNumberCount: 2,
				status: 'active',
			});
			expect((got.numbers as IDataObject[])[0]).toMatchObject({
				status: 'reserved',
				countryCode: 'US',
				monthlyCost: 1,
			});

			const [bought] = jsonOf(
				await run(
					emulator(),
					{
						resource: 'reservation',
						operation: 'purchase',
						reservationId: reservation.reservationId,
						...COST_LIMITS,
						...LRO,
					},
					{ auth },
				),
			);
			expect(bought).toMatchObject({
				purchased: true,
				reservationId: reservation.reservationId,
				operationId: `reservationPurchase_${reservation.reservationId}`,
				totalMonthlyCost: 2,
				phoneNumberCount: 2,
			});
			expect(
				(await control(emulator(), 'GET', '/ledger')).reservations[
					reservation.reservationId as string
				],
			).toBe(1);
		});

		it('adds listed numbers and removes numbers from an existing reservation', async () => {
			const numbers = await browse(auth);
			const [first] = jsonOf(await reserve([numbers[0]], {}, auth));
			const [updated] = jsonOf(
				await run(emulator(), {
					resource: 'reservation',
					operation: 'createOrUpdate',
					reservationId: first.reservationId,
					numbersSource: 'list',
					phoneNumbersToAdd: `${numbers[1].phoneNumber}, ${numbers[2].phoneNumber}`,
					countryCode: 'US',
					phoneNumberType: 'geographic',
					assignmentType: 'person',
					callingCapability: 'inbound+outbound',
					smsCapability: 'none',
					phoneNumbersToRemove: numbers[0].phoneNumber as string,
				}),
			);
			expect(updated).toMatchObject({
				reservationId: first.reservationId,
				created: false,
				phoneNumberCount: 2,
			});
			expect((updated.phoneNumbers as string[]).sort()).toEqual(
				[numbers[1].phoneNumber, numbers[2].phoneNumber].sort(),
			);
		});

		it('purchases without waiting and resumes with the operation id', async () => {
			const [reservation] = jsonOf(await reserve((await browse(auth)).slice(0, 1), {}, auth));
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'reservation',
					operation: 'purchase',
					reservationId: reservation.reservationId,
					...COST_LIMITS,
					waitForCompletion: false,
				}),
			);
			expect(pending).toMatchObject({
				completed: false,
				operationId: `reservationPurchase_${reservation.reservationId}`,
			});
			const [done] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'waitForCompletion',
					operationId: pending.operationId,
					timeoutSeconds: 30,
				}),
			);
			expect(done).toMatchObject({
				operationType: 'reservationPurchase',
				operationStatus: 'succeeded',
				completed: true,
			});
		});

		it('gets many reservations with a limit, and deletes one', async () => {
			const numbers = await browse(auth);
			for (const number of numbers.slice(0, 3)) await reserve([number], {}, auth);
			const all = jsonOf(
				await run(emulator(), { resource: 'reservation', operation: 'getAll', returnAll: true }),
			);
			expect(all).toHaveLength(3);
			const limited = jsonOf(
				await run(emulator(), {
					resource: 'reservation',
					operation: 'getAll',
					returnAll: false,
					limit: 2,
				}),
			);
			expect(limited).toHaveLength(2);
			const [deleted] = jsonOf(
				await run(emulator(), {
					resource: 'reservation',
					operation: 'delete',
					reservationId: all[0].reservationId,
				}),
			);
			expect(deleted).toEqual({ reservationId: all[0].reservationId, deleted: true });
			expect(
				jsonOf(
					await run(emulator(), { resource: 'reservation', operation: 'getAll', returnAll: true }),
				),
			).toHaveLength(2);
		});

		it('refuses to buy a reservation of numbers needing Agree to Not Resell without it, sending no purchase; buys it with it', async () => {
			const german = (await browse(auth, 'DE')).slice(0, 2);
			expect(german[0]).toMatchObject({
				countryCode: 'DE',
				isAgreementToNotResellRequired: true,
				currencyCode: 'EUR',
			});
			const [reservation] = jsonOf(await reserve(german, {}, auth));
			expect(reservation).toMatchObject({
				isAgreementToNotResellRequired: true,
				phoneNumberCount: 2,
				currencyCode: 'EUR',
			});
			const purchase = {
				resource: 'reservation',
				operation: 'purchase',
				reservationId: reservation.reservationId,
				...COST_LIMITS,
				costCurrency: 'EUR',
				...LRO,
			};
			await emulator().control.clearRequestLog();

			const refused = await run(emulator(), purchase, { continueOnFail: true });
			const [item] = jsonOf(refused);
			expect(item).toMatchObject({
				purchased: false,
				refusedBecause: 'agreementToNotResellRequired',
				reservationId: reservation.reservationId,
			});
			expect(item.error).toMatch(/^Not purchased: .*Agree to Not Resell/);
			expect((await acsRequests(emulator())).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /availablePhoneNumbers/reservations/${reservation.reservationId as string}`,
			]);
			expect((await control(emulator(), 'GET', '/ledger')).totals.reservations).toBe(0);

			const [bought] = jsonOf(await run(emulator(), { ...purchase, agreeToNotResell: true }));
			expect(bought).toMatchObject({
				purchased: true,
				reservationId: reservation.reservationId,
				phoneNumberCount: 2,
				currencyCode: 'EUR',
			});
			expect(
				(await control(emulator(), 'GET', '/ledger')).reservations[
					reservation.reservationId as string
				],
			).toBe(1);
			const owned = jsonOf(
				await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
			);
			expect(owned.map((n) => n.phoneNumber).sort()).toEqual(
				german.map((n) => n.phoneNumber).sort(),
			);
		});
	});

	it('reports a partial reservation per number, and fails the item on request', async () => {
		const numbers = await browse();
		await reserve([numbers[0]]);
		const partial = await reserve([numbers[0], numbers[1]]);
		const [reservation] = jsonOf(partial);
		expect(reservation).toMatchObject({
			partial: true,
			phoneNumberCount: 1,
			failedCount: 1,
			failedPhoneNumbers: [numbers[0].phoneNumber],
		});
		const failed = (reservation.numbers as IDataObject[]).find(
			(n) => n.phoneNumber === numbers[0].phoneNumber,
		);
		expect(failed).toMatchObject({ status: 'error' });
		expect(failed?.errorCode).toEqual(expect.any(String));

		const strict = await run(
			emulator(),
			{
				resource: 'reservation',
				operation: 'createOrUpdate',
				numbersSource: 'inputItems',
				failOnNumberError: true,
			},
			{ inputItems: [numbers[0], numbers[2]], continueOnFail: true },
		);
		const [item] = jsonOf(strict);
		expect(item.error).toMatch(/Some numbers could not be reserved/);
		expect(item).toMatchObject({ partial: true, failedCount: 1 });
	});

	it('refuses to purchase an expired reservation before calling purchase', async () => {
		const [reservation] = jsonOf(await reserve((await browse()).slice(0, 1)));
		await emulator().control.advanceClock({ minutes: 16 });
		await emulator().control.clearRequestLog();
		const result = await run(emulator(), {
			resource: 'reservation',
			operation: 'purchase',
			reservationId: reservation.reservationId,
			...COST_LIMITS,
			...LRO,
		});
		// One object, so that a failure shows the node's error next to what it sent.
		expect({ error: result.error?.message, sent: await acsRequests(emulator()) }).toMatchObject({
			error: expect.stringMatching(/^Not purchased: reservation .* has expired/),
			sent: [
				{
					method: 'GET',
					path: `/availablePhoneNumbers/reservations/${reservation.reservationId as string}`,
				},
			],
		});
	});

	it('refuses a reservation purchase over the cost guard', async () => {
		const [reservation] = jsonOf(await reserve((await browse()).slice(0, 3)));
		const result = await run(
			emulator(),
			{
				resource: 'reservation',
				operation: 'purchase',
				reservationId: reservation.reservationId,
				...COST_LIMITS,
				maxTotalMonthlyCost: 2.5,
				...LRO,
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(result)[0]).toMatchObject({
			purchased: false,
			refusedBecause: 'totalLimitExceeded',
			totalMonthlyCost: 3,
		});
		expect((await control(emulator(), 'GET', '/ledger')).totals.reservations).toBe(0);
	});

	describe('a reservation priced in several currencies (US toll-free in USD, GB geographic in GBP)', () => {
		const gbpLimit = (limit: IDataObject) => ({
			otherCurrencyLimits: { limit: [{ currencyCode: 'GBP', ...limit }] },
		});

		async function reserveUsAndGb(): Promise<string> {
			const tollFree = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'browse',
					countryCode: 'US',
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
				}),
			);
			const british = await browse('connectionString', 'GB');
			expect([tollFree[0].currencyCode, british[0].currencyCode]).toEqual(['USD', 'GBP']);
			const [reservation] = jsonOf(await reserve([tollFree[0], british[0], british[1]]));
			await emulator().control.clearRequestLog();
			return reservation.reservationId as string;
		}

		const purchaseOf = (reservationId: string, limits: IDataObject) => ({
			resource: 'reservation',
			operation: 'purchase',
			reservationId,
			...COST_LIMITS,
			...limits,
			...LRO,
		});

		async function expectNothingSentToPurchase(reservationId: string) {
			expect((await acsRequests(emulator())).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /availablePhoneNumbers/reservations/${reservationId}`,
			]);
			expect((await control(emulator(), 'GET', '/ledger')).totals.reservations).toBe(0);
		}

		it('buys it with a limit for each currency, and reports the cost per currency', async () => {
			const reservationId = await reserveUsAndGb();
			const [bought] = jsonOf(
				await run(
					emulator(),
					purchaseOf(
						reservationId,
						gbpLimit({ maxMonthlyCostPerNumber: 1, maxTotalMonthlyCost: 2 }),
					),
				),
			);
			expect(bought).toMatchObject({
				purchased: true,
				reservationId,
				phoneNumberCount: 3,
				currencyCode: null,
				totalMonthlyCost: null,
				costByCurrency: [
					{
						currencyCode: 'USD',
						phoneNumberCount: 1,
						totalMonthlyCost: 2,
						highestMonthlyCost: 2,
						maxMonthlyCostPerNumber: 100,
						maxTotalMonthlyCost: 1000,
					},
					{
						currencyCode: 'GBP',
						phoneNumberCount: 2,
						totalMonthlyCost: 2,
						highestMonthlyCost: 1,
						maxMonthlyCostPerNumber: 1,
						maxTotalMonthlyCost: 2,
					},
				],
			});
			expect((await control(emulator(), 'GET', '/ledger')).reservations[reservationId]).toBe(1);
		});

		it('refuses it, sending nothing to :purchase, when one currency is over its limit', async () => {
			const reservationId = await reserveUsAndGb();
			const result = await run(
				emulator(),
				purchaseOf(
					reservationId,
					gbpLimit({ maxMonthlyCostPerNumber: 1, maxTotalMonthlyCost: 1.5 }),
				),
				{ continueOnFail: true },
			);
			const [item] = jsonOf(result);
			expect(item).toMatchObject({
				purchased: false,
				refusedBecause: 'totalLimitExceeded',
				operationId: null,
			});
			expect(item.error).toMatch(/^Not purchased: .*priced in GBP cost 2 GBP .*1\.5 GBP/);
			await expectNothingSentToPurchase(reservationId);
		});

		it('refuses it, sending nothing to :purchase, when a currency involved has no limit', async () => {
			const reservationId = await reserveUsAndGb();
			const [item] = jsonOf(
				await run(emulator(), purchaseOf(reservationId, {}), { continueOnFail: true }),
			);
			expect(item).toMatchObject({ purchased: false, refusedBecause: 'currencyMismatch' });
			expect(item.error).toMatch(
				/^Not purchased: the numbers are priced in USD, GBP, but there is no cost limit in GBP/i,
			);
			expect(item.costByCurrency).toContainEqual(
				expect.objectContaining({
					currencyCode: 'GBP',
					maxMonthlyCostPerNumber: null,
					maxTotalMonthlyCost: null,
				}),
			);
			await expectNothingSentToPurchase(reservationId);
		});

		it('still buys a one-currency reservation with the single Currency parameter (GBP)', async () => {
			const [reservation] = jsonOf(
				await reserve((await browse('connectionString', 'GB')).slice(0, 2)),
			);
			const [bought] = jsonOf(
				await run(
					emulator(),
					purchaseOf(reservation.reservationId as string, { costCurrency: 'GBP' }),
				),
			);
			expect(bought).toMatchObject({
				purchased: true,
				currencyCode: 'GBP',
				totalMonthlyCost: 2,
				highestMonthlyCost: 1,
			});
		});
	});

	it.each([
		['Reservation ID', { operation: 'get', reservationId: '1234' }, undefined],
		[
			'Numbers to Add',
			{
				operation: 'createOrUpdate',
				numbersSource: 'list',
				phoneNumbersToAdd: '+1 425 abc',
				countryCode: 'US',
			},
			undefined,
		],
		[
			'Numbers to Add',
			{ operation: 'createOrUpdate', numbersSource: 'inputItems' },
			[{ phoneNumber: '+14255550100', countryCode: 'US' }],
		],
		[
			'Limits in Other Currencies',
			{
				operation: 'purchase',
				reservationId: '0f9c5a8e-2d7b-4a51-9a43-6b1f0c7d2e11',
				...COST_LIMITS,
				otherCurrencyLimits: {
					limit: [{ currencyCode: 'usd', maxMonthlyCostPerNumber: 1, maxTotalMonthlyCost: 1 }],
				},
			},
			undefined,
		],
	])('refuses an invalid %s before sending anything', async (name, parameters, inputItems) => {
		const result = await run(
			emulator(),
			{ resource: 'reservation', ...parameters },
			{ inputItems: inputItems as IDataObject[] | undefined },
		);
		expect(result.error?.message).toContain(`Invalid "${name}"`);
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
