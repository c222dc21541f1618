/** Operations: progress from the virtual clock, configured outcomes (fail, never, non-monotonic), cancel. */
import { POLL, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

const SEARCH = {
	countryCode: 'US',
	phoneNumberType: 'tollFree' as const,
	assignmentType: 'application' as const,
	capabilities: { calling: 'outbound' as const, sms: 'none' as const },
};

async function startSearch(): Promise<{ searchId: string; operationUrl: string }> {
	const response = await kit.raw(
		'POST',
		'/availablePhoneNumbers/countries/US/:search?api-version=2025-06-01',
		{
			body: {
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				capabilities: { calling: 'outbound', sms: 'none' },
				quantity: 1,
			},
		},
	);
	return {
		searchId: response.headers.get('search-id')!,
		operationUrl: response.headers.get('operation-location')!,
	};
}

async function status(
	operationUrl: string,
): Promise<{ status: string; error?: { code: string; message: string } }> {
	return (await kit.raw('GET', operationUrl)).body;
}

kit.forEachAuth('long-running operations', () => {
	it('moves notStarted -> running -> succeeded with the virtual clock', async () => {
		await kit.control('PUT', '/lro', {
			operationType: 'search',
			notStartedMs: 60_000,
			runningMs: 60_000,
		});
		const { operationUrl, searchId } = await startSearch();
		expect((await status(operationUrl)).status).toBe('notStarted');
		expect(
			(
				await kit.raw(
					'GET',
					`/availablePhoneNumbers/searchResults/${searchId}?api-version=2025-06-01`,
				)
			).status,
		).toBe(404);
		await kit.emu().control.advanceClock({ seconds: 61 });
		expect((await status(operationUrl)).status).toBe('running');
		await kit.emu().control.advanceClock({ seconds: 60 });
		const done = await kit.raw('GET', operationUrl);
		expect(done.body).toMatchObject({
			status: 'succeeded',
			resourceLocation: `/availablePhoneNumbers/searchResults/${searchId}?api-version=2025-06-01`,
		});
		expect(done.headers.get('location')).toBe(done.body.resourceLocation);
	});

	it('fails the next purchase with the configured error; the SDK surfaces it and nothing is bought', async () => {
		const client = kit.client();
		const found = await (
			await client.beginSearchAvailablePhoneNumbers(SEARCH, POLL)
		).pollUntilDone();
		await kit.control('POST', '/lro/next', {
			operationType: 'purchase',
			outcome: 'fail',
			error: { code: 'BillingUnavailable', message: 'Billing is down.' },
		});
		// The SDK's begin* already polls once, so the failure may surface from begin or from pollUntilDone.
		await expect(
			client
				.beginPurchasePhoneNumbers(found.searchId, POLL)
				.then((poller) => poller.pollUntilDone()),
		).rejects.toThrow(/Billing is down/);
		const failed = await status(
			`/phoneNumbers/operations/purchase_${found.searchId}?api-version=2025-06-01`,
		);
		expect(failed).toMatchObject({
			status: 'failed',
			error: { code: 'BillingUnavailable', message: 'Billing is down.' },
		});
		await expect(client.getPurchasedPhoneNumber(found.phoneNumbers[0])).rejects.toMatchObject({
			statusCode: 404,
		});

		// The queued plan was used once: a retry of the same (still held) search succeeds and buys once.
		await (await client.beginPurchasePhoneNumbers(found.searchId, POLL)).pollUntilDone();
		expect((await client.getPurchasedPhoneNumber(found.phoneNumbers[0])).phoneNumber).toBe(
			found.phoneNumbers[0],
		);
		expect((await kit.control('GET', '/ledger')).searches).toEqual({ [found.searchId]: 1 });
	});

	it('can report notStarted after running (the live quirk) before succeeding', async () => {
		await kit.control('POST', '/lro/next', {
			operationType: 'search',
			notStartedMs: 0,
			runningMs: 60_000,
			nonMonotonic: true,
		});
		const { operationUrl } = await startSearch();
		expect((await status(operationUrl)).status).toBe('running');
		await kit.emu().control.advanceClock({ seconds: 45 });
		expect((await status(operationUrl)).status).toBe('notStarted');
		await kit.emu().control.advanceClock({ seconds: 20 });
		expect((await status(operationUrl)).status).toBe('succeeded');
	});

	it('never finishes when told so; cancel makes it failed/OperationCanceled and frees the held numbers', async () => {
		await kit.control('PUT', '/settings', { poolSize: 1 });
		await kit.control('POST', '/lro/next', { operationType: 'search', outcome: 'never' });
		const { operationUrl, searchId } = await startSearch();
		await kit.emu().control.advanceClock({ minutes: 10 });
		expect((await status(operationUrl)).status).toBe('running');

		const cancel = await kit.raw('DELETE', operationUrl);
		expect(cancel.status).toBe(204);
		expect(await status(operationUrl)).toMatchObject({
			status: 'failed',
			error: { code: 'OperationCanceled' },
		});
		const result = await kit.raw(
			'GET',
			`/availablePhoneNumbers/searchResults/${searchId}?api-version=2025-06-01`,
		);
		expect(result.body).toMatchObject({ phoneNumbers: [], error: 'UnknownSearchError' });

		const held = (await kit.control('GET', '/state')).heldCount;
		expect(held).toBe(0);
		expect(
			(await kit.raw('DELETE', '/phoneNumbers/operations/search_unknown?api-version=2025-06-01'))
				.status,
		).toBe(404);
	});

	it('keeps the defaults per operation type until reset (typed control wrappers)', async () => {
		const control = kit.emu().control.phoneNumbers;
		const settings = await control.setLro({
			operationType: 'releasePhoneNumber',
			runningMs: 5000,
			outcome: 'fail',
		});
		expect(settings.defaults.releasePhoneNumber).toMatchObject({
			runningMs: 5000,
			outcome: 'fail',
		});
		expect(settings.defaults.search.outcome).toBe('succeed');
		const queued = await control.queueLro({ operationType: 'search', outcome: 'never', count: 2 });
		expect(queued.next.search).toHaveLength(2);
		expect((await control.lroSettings()).next.search).toHaveLength(2);
		const bad = await kit.raw('GET', '/phoneNumbers/operations/nope?api-version=2025-06-01');
		expect(bad.status).toBe(404);
		await expect(control.setLro({ outcome: 'maybe' as never })).rejects.toMatchObject({
			status: 400,
		});
		const reset = await control.resetLro();
		expect(reset.defaults.releasePhoneNumber.outcome).toBe('succeed');
		expect(reset.next).toEqual({});
	});
});
