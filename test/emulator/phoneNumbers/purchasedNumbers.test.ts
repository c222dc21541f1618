/** Purchased numbers: list paging (skip/top), get by +, %2B, %2b, capabilities update and release (LROs), operator info. */
import { buyNumbers, collect, POLL, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

kit.forEachAuth('purchased numbers', () => {
	it('lists seeded numbers with skip/top paging and a relative nextLink', async () => {
		const seeded = await kit.control('POST', '/seed', {
			count: 250,
			countryCode: 'US',
			phoneNumberType: 'geographic',
		});
		expect(seeded.count).toBe(250);
		const all = await collect(kit.client().listPurchasedPhoneNumbers());
		expect(all.map((entry) => entry.phoneNumber)).toEqual(seeded.phoneNumbers);
		const page = await kit.raw('GET', '/phoneNumbers?skip=200&top=30&api-version=2025-06-01');
		expect(page.body.phoneNumbers).toHaveLength(30);
		expect(page.body.nextLink).toBe('/phoneNumbers?skip=230&top=30&api-version=2025-06-01');
		const last = await kit.raw('GET', page.body.nextLink);
		expect(last.body.phoneNumbers).toHaveLength(20);
		expect(last.body).not.toHaveProperty('nextLink');
		expect(all[0]).toMatchObject({
			countryCode: 'US',
			phoneNumberType: 'geographic',
			cost: { currencyCode: 'USD', billingFrequency: 'monthly' },
		});
	});

	it('the list follows every purchase and release made after it was read', async () => {
		const client = kit.client();
		const seeded = await kit.control('POST', '/seed', {
			count: 3,
			countryCode: 'US',
			phoneNumberType: 'geographic',
		});
		const listed = async () =>
			(await collect(client.listPurchasedPhoneNumbers())).map((entry) => entry.phoneNumber);
		expect(await listed()).toEqual(seeded.phoneNumbers);
		const bought = await buyNumbers(client, 2);
		expect(await listed()).toEqual([...seeded.phoneNumbers, ...bought]);
		await (await client.beginReleasePhoneNumber(seeded.phoneNumbers[1], POLL)).pollUntilDone();
		expect(await listed()).toEqual([seeded.phoneNumbers[0], seeded.phoneNumbers[2], ...bought]);
		const more = await kit.control('POST', '/seed', {
			count: 1,
			countryCode: 'US',
			phoneNumberType: 'geographic',
		});
		expect(await listed()).toEqual([
			seeded.phoneNumbers[0],
			seeded.phoneNumbers[2],
			...bought,
			...more.phoneNumbers,
		]);
	});

	it('seeds 20,000 numbers for benchmarks (typed control wrappers)', async () => {
		const control = kit.emu().control.phoneNumbers;
		const seeded = await control.seed({
			count: 20_000,
			countryCode: 'US',
			phoneNumberType: 'geographic',
		});
		expect(new Set(seeded.phoneNumbers).size).toBe(20_000);
		expect((await control.summary()).purchasedCount).toBe(20_000);
		expect(Object.keys((await control.detail()).purchased)).toHaveLength(20_000);
		expect(await control.ledger()).toEqual({
			searches: {},
			reservations: {},
			totals: { searches: 0, reservations: 0 },
			boughtMoreThanOnce: [],
		});
		const settings = await control.updateSettings({ browseSampleSize: 7 });
		expect(settings.browseSampleSize).toBe(7);
		expect(await control.settings()).toEqual(settings);
	});

	it('gets a number whether the plus is sent as +, %2B or %2b, and 404s an unknown one', async () => {
		const [number] = await buyNumbers(kit.client());
		const digits = number.slice(1);
		for (const path of [
			`/phoneNumbers/+${digits}`,
			`/phoneNumbers/%2B${digits}`,
			`/phoneNumbers/%2b${digits}`,
		]) {
			const response = await kit.raw('GET', `${path}?api-version=2025-06-01`);
			expect(response.status).toBe(200);
			expect(response.body).toMatchObject({ id: digits, phoneNumber: number });
		}
		const missing = await kit.raw('GET', '/phoneNumbers/%2B18334567952?api-version=2025-06-01');
		expect(missing.status).toBe(404);
		expect(missing.body.error).toEqual({
			code: 'NotFound',
			target: 'phonenumber',
			message: 'Input phoneNumber +18334567952 cannot be found.',
		});
		await expect(kit.client().getPurchasedPhoneNumber('+18334567952')).rejects.toMatchObject({
			statusCode: 404,
			code: 'NotFound',
		});
	});

	it('updates capabilities through the LRO: 202 body, unencoded Location, result visible after success', async () => {
		const client = kit.client();
		const [number] = await buyNumbers(client);
		const start = await kit.raw(
			'PATCH',
			`/phoneNumbers/${encodeURIComponent(number)}/capabilities?api-version=2025-06-01`,
			{
				body: { sms: 'inbound+outbound' },
				headers: { 'content-type': 'application/merge-patch+json' },
			},
		);
		expect(start.status).toBe(202);
		const id = start.body.capabilitiesUpdateId;
		expect(start.headers.get('capabilities-id')).toBe(id);
		expect(start.headers.get('location')).toBe(`/phoneNumbers/${number}?api-version=2025-06-01`);
		expect(start.headers.get('operation-id')).toBe(`capabilities_${id}`);

		const poller = await client.beginUpdatePhoneNumberCapabilities(
			number,
			{ calling: 'inbound+outbound', sms: 'outbound' },
			POLL,
		);
		const updated = await poller.pollUntilDone();
		expect(updated.capabilities).toEqual({ calling: 'inbound+outbound', sms: 'outbound' });
		const operation = await kit.raw(
			'GET',
			`/phoneNumbers/operations/capabilities_${id}?api-version=2025-06-01`,
		);
		expect(operation.body).toMatchObject({
			status: 'succeeded',
			resourceLocation: `/phoneNumbers/${number}?api-version=2025-06-01`,
		});
		expect(operation.headers.get('location')).toBe(
			`/phoneNumbers/${number}?api-version=2025-06-01`,
		);

		const wrongType = await kit.raw(
			'PATCH',
			`/phoneNumbers/${encodeURIComponent(number)}/capabilities?api-version=2025-06-01`,
			{ body: { sms: 'none' } },
		);
		expect(wrongType.status).toBe(415);
	});

	it('releases a number through the LRO; it becomes available again', async () => {
		const client = kit.client();
		await kit.control('PUT', '/settings', { poolSize: 1 });
		const search = await client.beginSearchAvailablePhoneNumbers(
			{
				countryCode: 'US',
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				capabilities: { calling: 'outbound', sms: 'none' },
				areaCode: '800',
			},
			POLL,
		);
		const found = await search.pollUntilDone();
		await (await client.beginPurchasePhoneNumbers(found.searchId, POLL)).pollUntilDone();
		const release = await client.beginReleasePhoneNumber(found.phoneNumbers[0], POLL);
		await release.pollUntilDone();
		expect(release.isDone()).toBe(true);
		await expect(client.getPurchasedPhoneNumber(found.phoneNumbers[0])).rejects.toMatchObject({
			statusCode: 404,
		});
		const again = await client.beginSearchAvailablePhoneNumbers(
			{
				countryCode: 'US',
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				capabilities: { calling: 'outbound', sms: 'none' },
				areaCode: '800',
			},
			POLL,
		);
		expect((await again.pollUntilDone()).phoneNumbers).toEqual(found.phoneNumbers);
	});

	it('a second release started before the first finished does not take the number from whoever bought it since', async () => {
		const client = kit.client();
		await kit.control('PUT', '/settings', { poolSize: 1 });
		const buyTollFree800 = async () => {
			const search = await client.beginSearchAvailablePhoneNumbers(
				{
					countryCode: 'US',
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					capabilities: { calling: 'outbound', sms: 'none' },
					areaCode: '800',
				},
				POLL,
			);
			const found = await search.pollUntilDone();
			await (await client.beginPurchasePhoneNumbers(found.searchId, POLL)).pollUntilDone();
			return found.phoneNumbers[0];
		};
		const releaseOf = async (number: string) => {
			const start = await kit.raw(
				'DELETE',
				`/phoneNumbers/${encodeURIComponent(number)}?api-version=2025-06-01`,
			);
			expect(start.status).toBe(202);
			return start.headers.get('operation-location')!;
		};
		const number = await buyTollFree800();
		await kit.control('POST', '/lro/next', {
			operationType: 'releasePhoneNumber',
			count: 1,
			notStartedMs: 0,
			runningMs: 30_000,
		});
		await kit.control('POST', '/lro/next', {
			operationType: 'releasePhoneNumber',
			count: 1,
			notStartedMs: 0,
			runningMs: 60_000,
		});
		const first = await releaseOf(number);
		const second = await releaseOf(number);
		await kit.emu().control.advanceClock({ seconds: 31 });
		expect((await kit.raw('GET', first)).body.status).toBe('succeeded');
		expect((await kit.raw('GET', second)).body.status).toBe('running');
		expect(
			(await kit.raw('GET', `/phoneNumbers/${encodeURIComponent(number)}?api-version=2025-06-01`))
				.status,
		).toBe(404);

		// The pool holds one number: buying again gets the same one, released by the first release.
		expect(await buyTollFree800()).toBe(number);
		await kit.emu().control.advanceClock({ seconds: 30 });
		expect((await kit.raw('GET', second)).body.status).toBe('succeeded');
		const owned = await kit.raw(
			'GET',
			`/phoneNumbers/${encodeURIComponent(number)}?api-version=2025-06-01`,
		);
		expect(owned.status).toBe(200);
		expect(owned.body).toMatchObject({ phoneNumber: number, phoneNumberType: 'tollFree' });
	});

	it('answers a release start with live headers', async () => {
		const [number] = await buyNumbers(kit.client());
		const response = await kit.raw(
			'DELETE',
			`/phoneNumbers/${encodeURIComponent(number)}?api-version=2025-04-01`,
		);
		expect(response.status).toBe(202);
		expect(response.text).toBe('');
		const releaseId = response.headers.get('release-id');
		expect(response.headers.get('operation-id')).toBe(`release_${releaseId}`);
		expect(response.headers.get('operation-location')).toBe(
			`/phoneNumbers/operations/release_${releaseId}?api-version=2025-04-01`,
		);
	});
});

kit.forEachAuth('operator information', () => {
	it('returns formats only, unless additional operator details are asked for', async () => {
		const client = kit.client();
		const basic = await client.searchOperatorInformation(['+14255550123']);
		expect(basic.values).toEqual([
			{
				phoneNumber: '+14255550123',
				nationalFormat: '+1 (425) 555-0123',
				internationalFormat: '+1 425 555 0123',
				isoCountryCode: null,
				numberType: null,
				operatorDetails: null,
			},
		]);
		// The live service takes one number per request: the SDK is called once per number.
		const lookUp = async (number: string) =>
			(await client.searchOperatorInformation([number], { includeAdditionalOperatorDetails: true }))
				.values![0];
		expect(await lookUp('+14255550123')).toMatchObject({
			numberType: 'geographic',
			isoCountryCode: 'US',
			operatorDetails: { name: expect.any(String) },
		});
		expect(await lookUp('+353871234567')).toMatchObject({
			numberType: 'mobile',
			isoCountryCode: 'IE',
			operatorDetails: { mobileCountryCode: '272' },
		});
		expect(await lookUp('+18005550100')).toMatchObject({
			numberType: 'other',
			isoCountryCode: 'US',
		});
		await expect(
			client.searchOperatorInformation(['+14255550123', '+18005550100']),
		).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
	});

	it('refuses numbers that are not E.164', async () => {
		const response = await kit.raw('POST', '/operatorInformation/:search?api-version=2025-06-01', {
			body: { phoneNumbers: ['4255550123'] },
		});
		expect(response.status).toBe(400);
		expect(response.body.error).toMatchObject({ code: 'InvalidInput', target: 'phoneNumbers' });
	});
});
