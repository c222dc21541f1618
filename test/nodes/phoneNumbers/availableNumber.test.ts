import {
	BOTH_AUTHS,
	COST_LIMITS,
	LRO,
	TOLL_FREE_SEARCH,
	acsRequests,
	control,
	jsonOf,
	phoneNumbersEmulator,
	expectEveryRequestSignedWith,
	run,
	runnerFor,
} from './harness';

const ledger = async (emu: Parameters<typeof control>[0]) =>
	(await control(emu, 'GET', '/ledger')).totals;

describe('Phone Numbers node: Available Number', () => {
	const emulator = phoneNumbersEmulator();

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const run = runnerFor(auth);

		it('searches and waits for the result, with expiry', async () => {
			const [item] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					quantity: 2,
					...LRO,
				}),
			);
			expect(item).toMatchObject({
				phoneNumberCount: 2,
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				callingCapability: 'outbound',
				smsCapability: 'none',
				monthlyCost: 2,
				totalMonthlyCost: 4,
				currencyCode: 'USD',
				expired: false,
				isAgreementToNotResellRequired: false,
				completed: true,
			});
			expect(item.operationId).toBe(`search_${item.searchId}`);
			expect(item.expiresInSeconds).toBeGreaterThan(60);
			expect(Date.parse(item.searchExpiresBy as string)).toBeGreaterThan(Date.now());
		});

		it('purchases a search within the cost limits', async () => {
			const [search] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					...LRO,
				}),
			);
			const [bought] = jsonOf(
				await run(
					emulator(),
					{
						resource: 'availableNumber',
						operation: 'purchaseSearch',
						searchId: search.searchId,
						...COST_LIMITS,
						...LRO,
					},
					{ auth },
				),
			);
			expect(bought).toMatchObject({
				purchased: true,
				searchId: search.searchId,
				phoneNumbers: search.phoneNumbers,
				totalMonthlyCost: 2,
				currencyCode: 'USD',
				operationId: `purchase_${search.searchId}`,
				operationStatus: 'succeeded',
			});
			const [owned] = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { mode: 'id', value: (search.phoneNumbers as string[])[0] },
				}),
			);
			expect(owned).toMatchObject({
				phoneNumber: (search.phoneNumbers as string[])[0],
				phoneNumberType: 'tollFree',
			});
		});

		it('returns the operation id at once when not waiting, and resumes with Long-Running Operation → Wait for Completion', async () => {
			await control(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 400 });
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					waitForCompletion: false,
				}),
			);
			expect(pending).toMatchObject({ completed: false });
			expect(pending.operationId).toBe(`search_${pending.searchId}`);
			expect(
				(await acsRequests(emulator())).filter((r) =>
					r.path.startsWith('/phoneNumbers/operations'),
				),
			).toEqual([]);

			const [resumed] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'waitForCompletion',
					operationId: pending.operationId,
					timeoutSeconds: 30,
				}),
			);
			expect(resumed).toMatchObject({
				operationId: pending.operationId,
				operationType: 'search',
				operationStatus: 'succeeded',
				searchId: pending.searchId,
				phoneNumberCount: 1,
				completed: true,
			});
		});

		it('gets a search result by id', async () => {
			const [search] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					...LRO,
				}),
			);
			const [result] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'getSearchResult',
					searchId: search.searchId,
				}),
			);
			expect(result).toMatchObject({
				searchId: search.searchId,
				phoneNumbers: search.phoneNumbers,
				expired: false,
			});
		});

		it('returns the purchase operation id when not waiting for the purchase', async () => {
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'searchAndPurchase',
					...TOLL_FREE_SEARCH,
					...COST_LIMITS,
					waitForCompletion: false,
					timeoutSeconds: 30,
				}),
			);
			expect(pending).toMatchObject({ completed: false, purchased: null });
			expect(pending.operationId).toBe(`purchase_${pending.searchId}`);
			const [done] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'waitForCompletion',
					operationId: pending.operationId,
					timeoutSeconds: 30,
				}),
			);
			expect(done).toMatchObject({ operationType: 'purchase', operationStatus: 'succeeded' });
		});

		it('browses numbers, one item per number', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'browse',
					countryCode: 'US',
					phoneNumberType: 'geographic',
					assignmentType: 'person',
					phoneNumberPrefixes: '1425',
				}),
			);
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) {
				expect(item.phoneNumber).toMatch(/^\+1425\d{7}$/);
				expect(item).toMatchObject({
					countryCode: 'US',
					phoneNumberType: 'geographic',
					status: 'available',
					currencyCode: 'USD',
				});
			}
		});

		it('purchases a search without waiting, and resumes with Long-Running Operation → Wait for Completion', async () => {
			const [search] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					...LRO,
				}),
			);
			await control(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 400 });
			await emulator().control.clearRequestLog();
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'purchaseSearch',
					searchId: search.searchId,
					...COST_LIMITS,
					waitForCompletion: false,
				}),
			);
			expect(pending).toMatchObject({
				searchId: search.searchId,
				completed: false,
				purchased: null,
				operationId: `purchase_${search.searchId}`,
			});
			expect((await acsRequests(emulator())).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /availablePhoneNumbers/searchResults/${search.searchId}`,
				'POST /availablePhoneNumbers/:purchase',
			]);

			const [done] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'waitForCompletion',
					operationId: pending.operationId,
					timeoutSeconds: 30,
				}),
			);
			expect(done).toMatchObject({
				operationId: pending.operationId,
				operationType: 'purchase',
				operationStatus: 'succeeded',
				completed: true,
			});
			const owned = jsonOf(
				await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
			);
			expect(owned.map((n) => n.phoneNumber)).toEqual(search.phoneNumbers);
			expect(
				(await control(emulator(), 'GET', '/ledger')).searches[search.searchId as string],
			).toBe(1);
		});
	});

	it.each([
		[
			'per number',
			{ maxMonthlyCostPerNumber: 1.5 },
			'perNumberLimitExceeded',
			/above Max Monthly Cost per Number/,
		],
		['total', { maxTotalMonthlyCost: 3 }, 'totalLimitExceeded', /above Max Total Monthly Cost/],
		['currency', { costCurrency: 'EUR' }, 'currencyMismatch', /priced in USD/],
	])(
		'refuses a purchase over the %s limit: nothing bought, the item says why and the cost',
		async (_, limits, reason, message) => {
			const [search] = jsonOf(
				await run(emulator(), {
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE_SEARCH,
					quantity: 2,
					...LRO,
				}),
			);
			await emulator().control.clearRequestLog();
			const result = await run(
				emulator(),
				{
					resource: 'availableNumber',
					operation: 'purchaseSearch',
					searchId: search.searchId,
					...COST_LIMITS,
					...limits,
					...LRO,
				},
				{ continueOnFail: true },
			);
			const [item] = jsonOf(result);
			expect(item).toMatchObject({
				purchased: false,
				refusedBecause: reason,
				totalMonthlyCost: 4,
				highestMonthlyCost: 2,
				currencyCode: 'USD',
			});
			expect(item.error).toMatch(message);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect((await acsRequests(emulator())).map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /availablePhoneNumbers/searchResults/${search.searchId}`,
			]);
			expect((await ledger(emulator())).searches).toBe(0);
		},
	);

	it('fails the item when the cost guard refuses and continueOnFail is off', async () => {
		const result = await run(emulator(), {
			resource: 'availableNumber',
			operation: 'searchAndPurchase',
			...TOLL_FREE_SEARCH,
			...COST_LIMITS,
			maxMonthlyCostPerNumber: 1,
			...LRO,
		});
		expect(result.error?.message).toMatch(
			/^Not purchased: .* costs 2 USD a month, above Max Monthly Cost per Number \(1 USD\)/,
		);
		expect((await ledger(emulator())).searches).toBe(0);
	});

	it('refuses a search whose hold has expired, before calling purchase', async () => {
		const [search] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'search',
				...TOLL_FREE_SEARCH,
				...LRO,
			}),
		);
		expect(search).toMatchObject({ expired: false });
		// Past the hold by the service's clock only: the node must take the service's Date header over its own clock.
		const clock = await emulator().control.getClock();
		const pastExpiryMs =
			Date.parse(search.searchExpiresBy as string) - Date.parse(clock.now) + 60_000;
		await emulator().control.advanceClock({ ms: pastExpiryMs });
		const [expiredSearch] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'getSearchResult',
				searchId: search.searchId,
			}),
		);
		expect(expiredSearch).toMatchObject({
			searchId: search.searchId,
			expired: true,
			expiresInSeconds: 0,
		});
		await emulator().control.clearRequestLog();
		const result = await run(emulator(), {
			resource: 'availableNumber',
			operation: 'purchaseSearch',
			searchId: search.searchId,
			...COST_LIMITS,
			...LRO,
		});
		expect(result.error?.message).toMatch(/^Not purchased: the hold expired at/);
		expect((await acsRequests(emulator())).some((r) => r.method === 'POST')).toBe(false);
	});

	it('reports the agree-to-not-resell requirement before buying', async () => {
		const search = {
			...TOLL_FREE_SEARCH,
			countryCode: 'DE',
			phoneNumberType: 'geographic',
			assignmentType: 'person',
			callingCapability: 'inbound+outbound',
		};
		const refused = await run(
			emulator(),
			{
				resource: 'availableNumber',
				operation: 'searchAndPurchase',
				...search,
				...COST_LIMITS,
				costCurrency: 'EUR',
				...LRO,
			},
			{ continueOnFail: true },
		);
		expect(jsonOf(refused)[0]).toMatchObject({
			purchased: false,
			refusedBecause: 'agreementToNotResellRequired',
		});
		expect((await acsRequests(emulator())).some((r) => r.path.endsWith(':purchase'))).toBe(false);

		const [bought] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'searchAndPurchase',
				...search,
				agreeToNotResell: true,
				...COST_LIMITS,
				costCurrency: 'EUR',
				...LRO,
			}),
		);
		expect(bought).toMatchObject({
			purchased: true,
			currencyCode: 'EUR',
			phoneNumberCount: 1,
			requestedQuantity: 1,
		});
	});

	it('searches and purchases in one step', async () => {
		const [bought] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'searchAndPurchase',
				...TOLL_FREE_SEARCH,
				quantity: 2,
				...COST_LIMITS,
				...LRO,
			}),
		);
		expect(bought).toMatchObject({
			purchased: true,
			phoneNumberCount: 2,
			totalMonthlyCost: 4,
			completed: true,
		});
		expect((await ledger(emulator())).searches).toBe(1);
		const owned = jsonOf(
			await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
		);
		expect(owned.map((n) => n.phoneNumber)).toEqual(
			expect.arrayContaining(bought.phoneNumbers as string[]),
		);
	});

	it('a purchase still running at the Timeout says so: purchased unknown (null), with the operation id to resume', async () => {
		const [search] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'search',
				...TOLL_FREE_SEARCH,
				...LRO,
			}),
		);
		await control(emulator(), 'PUT', '/lro', {
			operationType: 'purchase',
			notStartedMs: 0,
			outcome: 'never',
		});
		const [item] = jsonOf(
			await run(
				emulator(),
				{
					resource: 'availableNumber',
					operation: 'purchaseSearch',
					searchId: search.searchId,
					...COST_LIMITS,
					waitForCompletion: true,
					timeoutSeconds: 1,
				},
				{ continueOnFail: true },
			),
		);
		expect(item).toMatchObject({
			purchased: null,
			operationId: `purchase_${search.searchId}`,
			searchId: search.searchId,
		});
		expect(item.error).toMatch(/did not finish within 1 s/);
		expect(item.errorDescription).toMatch(/Wait for Completion/);
	});

	it('settles a purchase whose connection was reset by sending it again: the service buys a search at most once', async () => {
		const [search] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'search',
				...TOLL_FREE_SEARCH,
				...LRO,
			}),
		);
		// The first request reached the service (its answer was lost): the second one is refused (409) and followed.
		await emulator().control.addFault({
			method: 'POST',
			path: ':purchase$',
			type: 'reset',
			processAfterMs: 0,
			count: 1,
		});
		await emulator().control.clearRequestLog();
		const [item] = jsonOf(
			await run(
				emulator(),
				{
					resource: 'availableNumber',
					operation: 'purchaseSearch',
					searchId: search.searchId,
					...COST_LIMITS,
					...LRO,
				},
				{ continueOnFail: true },
			),
		);
		expect(item).toMatchObject({
			purchased: true,
			searchId: search.searchId,
			operationId: `purchase_${search.searchId}`,
			operationStatus: 'succeeded',
			nextStep: null,
		});
		const calls = (await acsRequests(emulator())).map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(calls.filter((c) => c.startsWith('POST /availablePhoneNumbers/:purchase'))).toEqual([
			'POST /availablePhoneNumbers/:purchase 202',
			'POST /availablePhoneNumbers/:purchase 0',
			'POST /availablePhoneNumbers/:purchase 409',
		]);
		expect((await control(emulator(), 'GET', '/ledger')).searches[search.searchId as string]).toBe(
			1,
		);
	});

	it('a purchase reset before it reached the service is sent again and bought once', async () => {
		const [search] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'search',
				...TOLL_FREE_SEARCH,
				...LRO,
			}),
		);
		await emulator().control.addFault({
			method: 'POST',
			path: ':purchase$',
			type: 'reset',
			count: 1,
		});
		await emulator().control.clearRequestLog();
		const [item] = jsonOf(
			await run(
				emulator(),
				{
					resource: 'availableNumber',
					operation: 'purchaseSearch',
					searchId: search.searchId,
					...COST_LIMITS,
					...LRO,
				},
				{ continueOnFail: true },
			),
		);
		expect(item).toMatchObject({ purchased: true, operationStatus: 'succeeded' });
		const calls = (await acsRequests(emulator())).map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(calls.filter((c) => c.startsWith('POST /availablePhoneNumbers/:purchase'))).toEqual([
			'POST /availablePhoneNumbers/:purchase 0',
			'POST /availablePhoneNumbers/:purchase 202',
		]);
		expect((await control(emulator(), 'GET', '/ledger')).searches[search.searchId as string]).toBe(
			1,
		);
	});

	it.each([
		['Quantity', { quantity: 0 }],
		['Search ID', { operation: 'purchaseSearch', searchId: 'not-a-guid', ...COST_LIMITS }],
		[
			'Max Monthly Cost per Number',
			{
				operation: 'purchaseSearch',
				searchId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
				...COST_LIMITS,
				maxMonthlyCostPerNumber: -1,
			},
		],
		[
			'Currency',
			{
				operation: 'purchaseSearch',
				searchId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
				...COST_LIMITS,
				costCurrency: 'dollars',
			},
		],
		['Area Code', { areaCode: '4x5' }],
	])('refuses an invalid %s before sending anything', async (name, parameters) => {
		const result = await run(emulator(), {
			resource: 'availableNumber',
			operation: 'search',
			...TOLL_FREE_SEARCH,
			...LRO,
			...parameters,
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain(`Invalid "${name}"`);
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
