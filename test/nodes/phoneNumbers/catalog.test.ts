import {
	BOTH_AUTHS,
	acsRequests,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
} from './harness';

describe('Phone Numbers node: Catalog', () => {
	const emulator = phoneNumbersEmulator();

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const run = runnerFor(auth);

		it('lists countries, one item per country', async () => {
			const items = jsonOf(
				await run(emulator(), { resource: 'catalog', operation: 'listCountries', returnAll: true }),
			);
			expect(items.map((item) => item.countryCode)).toEqual(
				expect.arrayContaining(['US', 'CA', 'DE']),
			);
			expect(items.find((item) => item.countryCode === 'US')).toEqual({
				countryCode: 'US',
				localizedName: 'United States',
			});
		});

		it('sends Accept-Language and returns localized names', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'catalog',
					operation: 'listCountries',
					returnAll: true,
					options: { acceptLanguage: 'de-DE' },
				}),
			);
			expect(items.find((item) => item.countryCode === 'US')?.localizedName).toBe(
				'Vereinigte Staaten',
			);
		});

		it('lists localities of a division with their division', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'catalog',
					operation: 'listLocalities',
					countryCode: 'US',
					administrativeDivision: 'WA',
					returnAll: true,
				}),
			);
			expect(items.map((item) => item.locality).sort()).toEqual(['Redmond', 'Seattle']);
			expect(items[0]).toMatchObject({
				countryCode: 'US',
				administrativeDivision: 'WA',
				administrativeDivisionName: 'Washington',
			});
		});

		it('lists area codes of a locality', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'catalog',
					operation: 'listAreaCodes',
					countryCode: 'US',
					phoneNumberType: 'geographic',
					assignmentType: 'person',
					administrativeDivision: 'CA',
					locality: 'Los Angeles',
					returnAll: true,
				}),
			);
			expect(items.map((item) => item.areaCode).sort()).toEqual(['213', '323']);
		});

		it('lists offerings with flat capabilities and cost', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'catalog',
					operation: 'listOfferings',
					countryCode: 'US',
					phoneNumberType: 'tollFree',
					returnAll: true,
				}),
			);
			expect(items).toEqual([
				{
					countryCode: 'US',
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					callingCapability: 'inbound+outbound',
					smsCapability: 'inbound+outbound',
					monthlyCost: 2,
					currencyCode: 'USD',
					billingFrequency: 'monthly',
				},
			]);
		});

		it('limits a list and stops paging once the limit is reached', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'catalog',
					operation: 'listCountries',
					returnAll: false,
					limit: 2,
				}),
			);
			expect(items).toHaveLength(2);
		});
	});

	it('refuses an invalid country before sending anything', async () => {
		const result = await run(emulator(), {
			resource: 'catalog',
			operation: 'listLocalities',
			countryCode: 'XX',
			returnAll: true,
		});
		expect(result.error?.message).toMatch(/Invalid "Country"/);
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
