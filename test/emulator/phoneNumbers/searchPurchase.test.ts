/** Search (LRO), search result, purchase (LRO): holds, expiry, agreement, never twice, OutOfStock. */
import { POLL, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

const US_TOLL_FREE = {
	countryCode: 'US',
	phoneNumberType: 'tollFree' as const,
	assignmentType: 'application' as const,
	capabilities: { calling: 'outbound' as const, sms: 'inbound+outbound' as const },
};

async function search(request: Record<string, unknown> = {}) {
	const poller = await kit
		.client()
		.beginSearchAvailablePhoneNumbers({ ...US_TOLL_FREE, quantity: 2, ...request } as never, POLL);
	return poller.pollUntilDone();
}

kit.forEachAuth('search and purchase', () => {
	it('answers a search start as the live service does: 202, empty body, relative URLs with the api-version', async () => {
		const response = await kit.raw(
			'POST',
			'/availablePhoneNumbers/countries/US/:search?api-version=2025-04-01',
			{
				body: { ...US_TOLL_FREE, countryCode: undefined, quantity: 1 },
			},
		);
		expect(response.status).toBe(202);
		expect(response.text).toBe('');
		const searchId = response.headers.get('search-id');
		expect(response.headers.get('operation-id')).toBe(`search_${searchId}`);
		expect(response.headers.get('location')).toBe(
			`/availablePhoneNumbers/searchResults/${searchId}?api-version=2025-04-01`,
		);
		expect(response.headers.get('operation-location')).toBe(
			`/phoneNumbers/operations/search_${searchId}?api-version=2025-04-01`,
		);
		expect(response.headers.get('access-control-expose-headers')).toBe(
			'Location,Operation-Location,operation-id,search-id',
		);

		const operation = await kit.raw('GET', response.headers.get('operation-location')!);
		expect(operation.body).toMatchObject({
			id: `search_${searchId}`,
			operationType: 'search',
			lastActionDateTime: '0001-01-01T00:00:00+00:00',
		});
		expect(['notStarted', 'running', 'succeeded']).toContain(operation.body.status);
	});

	it('searches and buys through the SDK; the numbers are then listed as purchased', async () => {
		const client = kit.client();
		const result = await search();
		expect(result.phoneNumbers).toHaveLength(2);
		expect(result).toMatchObject({
			phoneNumberType: 'tollFree',
			cost: { currencyCode: 'USD' },
			isAgreementToNotResellRequired: false,
		});
		const expiresIn = result.searchExpiresBy.getTime() - Date.now();
		expect(expiresIn).toBeGreaterThan(15 * 60_000);
		expect(expiresIn).toBeLessThan(17 * 60_000);

		const purchase = await client.beginPurchasePhoneNumbers(result.searchId, POLL);
		await purchase.pollUntilDone();
		const bought = await client.getPurchasedPhoneNumber(result.phoneNumbers[0]);
		expect(bought).toMatchObject({
			phoneNumber: result.phoneNumbers[0],
			id: result.phoneNumbers[0].slice(1),
			capabilities: US_TOLL_FREE.capabilities,
		});
		const ledger = await kit.control('GET', '/ledger');
		expect(ledger.searches).toEqual({ [result.searchId]: 1 });
	});

	it('holds searched numbers: another search and browse do not offer them', async () => {
		await kit.control('PUT', '/settings', { poolSize: 2 }); // 7 US toll-free area codes x 2 = 14 numbers
		const first = await search({ quantity: 5 });
		const second = await search({ quantity: 5 });
		expect(second.phoneNumbers.filter((number) => first.phoneNumbers.includes(number))).toEqual([]);
		const browsed = await kit
			.client()
			.browseAvailablePhoneNumbers({ countryCode: 'US', phoneNumberType: 'tollFree' });
		const offered = browsed.phoneNumbers.map((entry) => entry.phoneNumber!);
		expect(offered).toHaveLength(4);
		expect(
			offered.filter((number) => [...first.phoneNumbers, ...second.phoneNumbers].includes(number)),
		).toEqual([]);
		const third = await search({ quantity: 5 });
		expect(third.phoneNumbers.sort()).toEqual(offered.sort());
		expect(third.error).toBe('OutOfStock');
	});

	it('never buys a search twice: the second purchase is refused and the ledger counts one', async () => {
		const client = kit.client();
		const result = await search();
		await (await client.beginPurchasePhoneNumbers(result.searchId, POLL)).pollUntilDone();
		await expect(client.beginPurchasePhoneNumbers(result.searchId, POLL)).rejects.toMatchObject({
			statusCode: 409,
		});
		const ledger = await kit.control('GET', '/ledger');
		expect(ledger.searches[result.searchId]).toBe(1);
		expect(ledger.boughtMoreThanOnce).toEqual([]);
	});

	it('fails the purchase of an expired search, and its numbers become available again', async () => {
		const client = kit.client();
		const result = await search({ quantity: 1 });
		await kit.emu().control.advanceClock({ minutes: 17 });
		const purchase = client
			.beginPurchasePhoneNumbers(result.searchId, POLL)
			.then((poller) => poller.pollUntilDone());
		await expect(purchase).rejects.toThrow(/expired/);
		const operation = await kit.raw(
			'GET',
			`/phoneNumbers/operations/purchase_${result.searchId}?api-version=2025-06-01`,
		);
		expect(operation.body).toMatchObject({
			status: 'failed',
			resourceLocation: null,
			error: { code: 'ReservationExpired' },
		});
		const again = await search({ quantity: 1 });
		expect(again.phoneNumbers).toEqual(result.phoneNumbers);
		expect((await kit.control('GET', '/ledger')).totals.searches).toBe(0);
	});

	it('requires agreeToNotResell for countries that need it', async () => {
		const client = kit.client();
		const poller = await client.beginSearchAvailablePhoneNumbers(
			{
				countryCode: 'DE',
				phoneNumberType: 'geographic',
				assignmentType: 'person',
				capabilities: { calling: 'inbound', sms: 'none' },
			},
			POLL,
		);
		const result = await poller.pollUntilDone();
		expect(result.isAgreementToNotResellRequired).toBe(true);
		expect(result.cost.currencyCode).toBe('EUR');
		await expect(client.beginPurchasePhoneNumbers(result.searchId, POLL)).rejects.toMatchObject({
			statusCode: 400,
			code: 'BadRequest',
		});
		await (
			await client.beginPurchasePhoneNumbers(result.searchId, {
				...POLL,
				agreeToNotResell: true,
			} as never)
		).pollUntilDone();
		expect((await client.getPurchasedPhoneNumber(result.phoneNumbers[0])).countryCode).toBe('DE');
	});

	it('reports OutOfStock when fewer numbers exist than asked for', async () => {
		await kit.control('PUT', '/settings', { poolSize: 3 });
		const partial = await search({ areaCode: '888', quantity: 5 });
		expect(partial.phoneNumbers).toHaveLength(3);
		expect(partial).toMatchObject({ error: 'OutOfStock', errorCode: 1000 });
		const empty = kit
			.client()
			.beginSearchAvailablePhoneNumbers({ ...US_TOLL_FREE, areaCode: '888', quantity: 1 }, POLL);
		await expect(empty.then((poller) => poller.pollUntilDone())).rejects.toThrow(
			/No phone numbers/,
		);
	});

	it('validates the search body with 400 ACS errors', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[
				{ assignmentType: 'application', capabilities: { calling: 'none', sms: 'none' } },
				'phoneNumberType',
			],
			[
				{ phoneNumberType: 'tollFree', capabilities: { calling: 'none', sms: 'none' } },
				'assignmentType',
			],
			[
				{
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					capabilities: { calling: 'both', sms: 'none' },
				},
				'capabilities.calling',
			],
			[
				{
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					capabilities: { calling: 'none' },
				},
				'capabilities.sms',
			],
			[
				{
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					capabilities: { calling: 'none', sms: 'none' },
					quantity: 0,
				},
				'quantity',
			],
		];
		for (const [body, target] of cases) {
			const response = await kit.raw(
				'POST',
				'/availablePhoneNumbers/countries/US/:search?api-version=2025-06-01',
				{ body },
			);
			expect(response.status).toBe(400);
			expect(response.body.error).toMatchObject({ code: 'InvalidInput', target });
		}
		const mobileOld = await kit.raw(
			'POST',
			'/availablePhoneNumbers/countries/IE/:search?api-version=2025-04-01',
			{
				body: {
					phoneNumberType: 'mobile',
					assignmentType: 'application',
					capabilities: { calling: 'none', sms: 'none' },
				},
			},
		);
		expect(mobileOld.status).toBe(400);
		const smsOnGeographic = await kit.raw(
			'POST',
			'/availablePhoneNumbers/countries/US/:search?api-version=2025-06-01',
			{
				body: {
					phoneNumberType: 'geographic',
					assignmentType: 'person',
					capabilities: { calling: 'none', sms: 'outbound' },
				},
			},
		);
		expect(smsOnGeographic.body.error).toMatchObject({
			code: 'InternalError',
			innererror: { code: 'BadRequest' },
		});
	});

	it('returns the same inventory for the same seed', async () => {
		const first = await search({ quantity: 3 });
		await kit.emu().control.reset();
		await kit.control('PUT', '/lro', { notStartedMs: 0, runningMs: 20 });
		const second = await search({ quantity: 3 });
		expect(second.phoneNumbers).toEqual(first.phoneNumbers);
	});
});
