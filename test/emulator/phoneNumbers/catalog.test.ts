/** Countries, localities, area codes and offerings, read with the official SDK and raw calls. */
import { collect, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

kit.forEachAuth('phone numbers catalog', () => {
	it('lists the countries, localised by accept-language', async () => {
		const countries = await collect(kit.client().listAvailableCountries());
		expect(countries.map((country) => country.countryCode)).toEqual(
			expect.arrayContaining(['US', 'CA', 'GB', 'DE', 'IE', 'FR']),
		);
		expect(countries.find((country) => country.countryCode === 'DE')?.localizedName).toBe(
			'Germany',
		);

		const german = await kit.raw('GET', '/availablePhoneNumbers/countries?api-version=2025-06-01', {
			headers: { 'accept-language': 'de-DE' },
		});
		expect(
			german.body.countries.find((country: { countryCode: string }) => country.countryCode === 'DE')
				.localizedName,
		).toBe('Deutschland');
	});

	it('pages with a relative nextLink that repeats the query, absent on the last page', async () => {
		const first = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries/US/localities?maxPageSize=3&administrativeDivision=CA&api-version=2025-04-01',
		);
		expect(first.status).toBe(200);
		expect(first.body.phoneNumberLocalities).toHaveLength(2);
		expect(first.body).not.toHaveProperty('nextLink');

		const page1 = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries/US/localities?maxPageSize=3&api-version=2025-06-01',
		);
		expect(page1.body.phoneNumberLocalities).toHaveLength(3);
		expect(page1.body.nextLink).toBe(
			'/availablePhoneNumbers/countries/US/localities?skip=3&maxPageSize=3&api-version=2025-06-01',
		);
		const seen = [...page1.body.phoneNumberLocalities];
		let next: string | undefined = page1.body.nextLink;
		while (next) {
			const page = await kit.raw('GET', next);
			seen.push(...page.body.phoneNumberLocalities);
			next = page.body.nextLink;
		}
		expect(seen).toHaveLength(8);

		const viaSdk = await collect(
			kit.client().listAvailableLocalities('US', { maxPageSize: 2 } as never),
		);
		expect(viaSdk.map((entry) => entry.localizedName)).toEqual(
			seen.map((entry: { localizedName: string }) => entry.localizedName),
		);
	});

	it('filters localities by administrative division and reports the division', async () => {
		const localities = await collect(
			kit.client().listAvailableLocalities('CA', { administrativeDivision: 'BC' }),
		);
		expect(localities).toEqual([
			{
				localizedName: 'Vancouver',
				administrativeDivision: { localizedName: 'British Columbia', abbreviatedName: 'BC' },
			},
		]);
	});

	it('lists toll-free, geographic (by locality) and mobile area codes', async () => {
		const client = kit.client();
		const tollFree = await collect(client.listAvailableTollFreeAreaCodes('US'));
		expect(tollFree.map((entry) => entry.areaCode)).toContain('800');
		const vancouver = await collect(
			client.listAvailableGeographicAreaCodes('CA', {
				locality: 'Vancouver',
				administrativeDivision: 'BC',
			}),
		);
		expect(vancouver.map((entry) => entry.areaCode).sort()).toEqual(['236', '604']);
		const mobile = await collect(client.listAvailableMobileAreaCodes('IE'));
		expect(mobile.map((entry) => entry.areaCode)).toEqual(['83', '85', '87']);
	});

	it('requires phoneNumberType for area codes and refuses mobile before 2025-06-01', async () => {
		const missing = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries/US/areaCodes?api-version=2025-06-01',
		);
		expect(missing.status).toBe(400);
		expect(missing.body.error).toMatchObject({ code: 'InvalidInput', target: 'phoneNumberType' });

		await expect(
			collect(kit.client('2025-04-01').listAvailableMobileAreaCodes('IE')),
		).rejects.toMatchObject({ statusCode: 400 });
		const mobile = await collect(kit.client('2025-06-01').listAvailableMobileAreaCodes('IE'));
		expect(mobile.length).toBeGreaterThan(0);
	});

	it('lists offerings with costs in the country currency', async () => {
		const offerings = await collect(kit.client().listAvailableOfferings('GB'));
		expect(offerings.length).toBeGreaterThan(2);
		for (const offering of offerings)
			expect(offering.cost).toMatchObject({ currencyCode: 'GBP', billingFrequency: 'monthly' });
		const tollFree = await collect(
			kit.client().listAvailableOfferings('US', { phoneNumberType: 'tollFree' }),
		);
		expect(tollFree).toEqual([
			{
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				availableCapabilities: { calling: 'inbound+outbound', sms: 'inbound+outbound' },
				cost: { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' },
			},
		]);
		const older = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries/IE/offerings?api-version=2025-04-01',
		);
		expect(
			older.body.phoneNumberOfferings.map(
				(entry: { phoneNumberType: string }) => entry.phoneNumberType,
			),
		).not.toContain('mobile');
	});

	it('answers an unsupported country with a 400 ACS error', async () => {
		const response = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries/ZZ/offerings?api-version=2025-06-01',
		);
		expect(response.status).toBe(400);
		expect(response.body.error).toMatchObject({ code: 'InvalidInput', target: 'countryCode' });
	});
});
