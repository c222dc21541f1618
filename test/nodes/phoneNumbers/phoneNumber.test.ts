import type { IDataObject } from 'n8n-workflow';

import {
	BOTH_AUTHS,
	LRO,
	acsRequests,
	control,
	expectEveryRequestSignedWith,
	jsonOf,
	phoneNumbersEmulator,
	run,
	runnerFor,
} from './harness';

describe('Phone Numbers node: Phone Number', () => {
	const emulator = phoneNumbersEmulator();

	async function seed(count: number, extra: IDataObject = {}): Promise<string[]> {
		return (
			await control(emulator(), 'POST', '/seed', {
				count,
				countryCode: 'US',
				phoneNumberType: 'tollFree',
				...extra,
			})
		).phoneNumbers;
	}

	const locator = (value: string) => ({ mode: 'id', value });

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const run = runnerFor(auth);

		it('gets a purchased number as a flat item', async () => {
			const [number] = await seed(1);
			const [item] = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: locator(number),
				}),
			);
			expect(item).toEqual({
				id: number.slice(1),
				phoneNumber: number,
				countryCode: 'US',
				phoneNumberType: 'tollFree',
				assignmentType: 'application',
				callingCapability: 'inbound+outbound',
				smsCapability: 'inbound+outbound',
				purchaseDate: expect.any(String),
				monthlyCost: 2,
				currencyCode: 'USD',
				billingFrequency: 'monthly',
			});
		});

		it('gets all numbers across pages, or up to the limit without fetching further pages', async () => {
			const seeded = await seed(230);
			const all = jsonOf(
				await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
			);
			expect(all.map((n) => n.phoneNumber).sort()).toEqual([...seeded].sort());
			// 3 pages, and Return All's read-ahead of the page after the last one (empty).
			expect(
				(await acsRequests(emulator())).filter((r) => r.path === '/phoneNumbers'),
			).toHaveLength(4);

			await emulator().control.clearRequestLog();
			const limited = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'getAll',
					returnAll: false,
					limit: 120,
				}),
			);
			expect(limited).toHaveLength(120);
			expect(
				(await acsRequests(emulator())).filter((r) => r.path === '/phoneNumbers'),
			).toHaveLength(2);
		});

		it.each([500_001, 2.5, 0])('refuses Limit %p before any request', async (limit) => {
			const result = await run(emulator(), {
				resource: 'phoneNumber',
				operation: 'getAll',
				returnAll: false,
				limit,
			});
			expect(result.error?.message).toBe(
				`Invalid "Limit": ${limit} is not a whole number from 1 to 500,000`,
			);
			expect(await acsRequests(emulator())).toEqual([]);
		});

		it('updates capabilities and waits for the updated number', async () => {
			const [number] = await seed(1);
			const [item] = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'updateCapabilities',
					phoneNumber: locator(number),
					callingCapability: 'inbound',
					smsCapability: 'none',
					...LRO,
				}),
			);
			expect(item).toMatchObject({
				phoneNumber: number,
				callingCapability: 'inbound',
				smsCapability: 'none',
				operationStatus: 'succeeded',
				completed: true,
			});
			expect(item.operationId).toMatch(/^capabilities_/);
		});

		it('updates capabilities without waiting, then resumes', async () => {
			const [number] = await seed(1);
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'updateCapabilities',
					phoneNumber: locator(number),
					smsCapability: 'none',
					waitForCompletion: false,
				}),
			);
			expect(pending).toMatchObject({ phoneNumber: number, completed: false });
			const [done] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'waitForCompletion',
					operationId: pending.operationId,
					timeoutSeconds: 30,
				}),
			);
			expect(done).toMatchObject({
				operationType: 'updatePhoneNumberCapabilities',
				phoneNumber: number,
				smsCapability: 'none',
				callingCapability: 'inbound+outbound',
			});
		});

		it('releases many numbers concurrently, keeping item order and pairing', async () => {
			const numbers = await seed(6);
			const result = await run(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'release',
					phoneNumber: locator('={{ $json.number }}'),
					...LRO,
					options: { concurrency: 3 },
				},
				{ inputItems: numbers.map((number) => ({ number })) },
			);
			const items = jsonOf(result);
			expect(items.map((item) => item.phoneNumber)).toEqual(numbers);
			expect(
				items.every((item) => item.released === true && item.operationStatus === 'succeeded'),
			).toBe(true);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				numbers.map((_, index) => ({ item: index })),
			);
			expect(
				jsonOf(
					await run(emulator(), { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
				),
			).toEqual([]);
		});

		it('continues on fail with an error item for the number that does not exist', async () => {
			const [owned] = await seed(1);
			const result = await run(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'release',
					phoneNumber: locator('={{ $json.number }}'),
					...LRO,
				},
				{
					inputItems: [{ number: '+18005550199' }, { number: owned }, { number: 'not a number' }],
					continueOnFail: true,
				},
			);
			const items = jsonOf(result);
			expect(items[0]).toMatchObject({ httpCode: '404' });
			expect(items[0].error).toEqual(expect.any(String));
			expect(items[1]).toMatchObject({ phoneNumber: owned, released: true });
			expect(items[2].error).toMatch(/Invalid "Phone Number"/);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
		});
	});

	describe('Release and Update Capabilities act only on a number given clearly (E.164, or the id of an owned number)', () => {
		const DESTRUCTIVE = [
			['release', {}, 'DELETE'],
			['updateCapabilities', { smsCapability: 'none' }, 'PATCH'],
		] as const;
		const fromExpression = (value: string) => locator(`={{ ${JSON.stringify(value)} }}`);
		const destructiveSent = async () =>
			(await acsRequests(emulator())).filter((r) => r.method === 'DELETE' || r.method === 'PATCH');

		it.each(DESTRUCTIVE)(
			'%s: acts on the id form (digits without "+") of an owned number after confirming it',
			async (operation, extra, method) => {
				const [owned] = await seed(1);
				const [item] = jsonOf(
					await run(emulator(), {
						resource: 'phoneNumber',
						operation,
						phoneNumber: fromExpression(owned.slice(1)),
						...extra,
						...LRO,
					}),
				);
				expect(item).toMatchObject({ phoneNumber: owned, operationStatus: 'succeeded' });
				const sent = (await acsRequests(emulator())).map(
					(r) => `${r.method} ${decodeURIComponent(r.path)}`,
				);
				expect(sent.slice(0, 2)).toEqual([
					`GET /phoneNumbers/${owned}`,
					expect.stringMatching(new RegExp(`^${method} /phoneNumbers/\\${owned}`)),
				]);
			},
		);

		it.each(DESTRUCTIVE)(
			'%s: refuses the id form of a number this resource does not own, with the E.164 hint, sending no DELETE or PATCH',
			async (operation, extra) => {
				const [owned] = await seed(1);
				const national = owned.slice(2); // the owned US number without its country code 1: another country's number
				const result = await run(emulator(), {
					resource: 'phoneNumber',
					operation,
					phoneNumber: fromExpression(national),
					...extra,
					...LRO,
				});
				expect(result.error?.message).toContain(`Invalid "Phone Number"`);
				expect(result.error?.message).toContain(
					`did you mean +${national}? Numbers must be in E.164 form with a leading +`,
				);
				expect(await destructiveSent()).toEqual([]);
				expect(
					jsonOf(
						await run(emulator(), {
							resource: 'phoneNumber',
							operation: 'getAll',
							returnAll: true,
						}),
					).map((n) => n.phoneNumber),
				).toEqual([owned]);
			},
		);

		it.each(DESTRUCTIVE)(
			'%s: an HTML 200 answer to the confirming GET of an id form is no confirmation: nothing destructive is sent',
			async (operation, extra) => {
				const [owned] = await seed(1);
				await emulator().control.addFault({
					method: 'GET',
					path: '^/phoneNumbers/',
					type: 'html',
					status: 200,
					count: 1,
				} as never);
				const [item] = jsonOf(
					await run(
						emulator(),
						{
							resource: 'phoneNumber',
							operation,
							phoneNumber: fromExpression(owned.slice(1)),
							...extra,
							...LRO,
						},
						{ continueOnFail: true },
					),
				);
				expect(item.error).toEqual(
					expect.stringContaining(
						`could not confirm that ${owned.slice(1)} is a number of this resource`,
					),
				);
				expect(await destructiveSent()).toEqual([]);
			},
		);

		it.each(DESTRUCTIVE)(
			'%s: refuses a number neither E.164 nor an id (national or 00 form) before any request',
			async (operation, extra) => {
				const result = await run(
					emulator(),
					{
						resource: 'phoneNumber',
						operation,
						phoneNumber: locator('={{ $json.number }}'),
						...extra,
						...LRO,
					},
					{
						inputItems: [
							{ number: '001 425 555 0199' },
							{ number: '(425) 555-0199' },
							{ number: '0014255550199' },
						],
						continueOnFail: true,
					},
				);
				const [international, national, digitsWith00] = jsonOf(result);
				expect(digitsWith00.error).toMatch(
					/^Invalid "Phone Number": .*did you mean \+14255550199\? Numbers must be in E\.164 form with a leading \+/,
				);
				expect(international.error).toMatch(
					/^Invalid "Phone Number": .*did you mean \+14255550199\? Numbers must be in E\.164 form with a leading \+/,
				);
				expect(national.error).toMatch(
					/^Invalid "Phone Number": .*did you mean \+4255550199\? Numbers must be in E\.164 form with a leading \+/,
				);
				expect(await acsRequests(emulator())).toEqual([]);
			},
		);
	});

	it('stops at the first failing item without continueOnFail, naming the item', async () => {
		const result = await run(emulator(), {
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumber: locator('+18005550199'),
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
	});

	it('lets the engine refuse a typed number that is not E.164 (resource locator validation), sending nothing', async () => {
		await expect(
			run(emulator(), {
				resource: 'phoneNumber',
				operation: 'get',
				phoneNumber: locator('4255550100x'),
			}),
		).rejects.toThrow(/Enter the number in E\.164 form/);
		expect(await acsRequests(emulator())).toEqual([]);
	});

	it.each([
		['Phone Number', { operation: 'get', phoneNumber: locator('={{ "+0123" }}') }],
		['Calling', { operation: 'updateCapabilities', phoneNumber: locator('+14255550100') }],
	])('refuses an invalid %s before sending anything', async (name, parameters) => {
		const result = await run(emulator(), { resource: 'phoneNumber', ...parameters });
		expect(result.error?.message).toContain(`Invalid "${name}"`);
		expect(await acsRequests(emulator())).toEqual([]);
	});
});

describe('Phone Numbers node: Operator Information and Operation', () => {
	const emulator = phoneNumbersEmulator({ runningMs: 2000 });

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const run = runnerFor(auth);

		it('looks up numbers, one item per number', async () => {
			const items = jsonOf(
				await run(emulator(), {
					resource: 'operatorInformation',
					operation: 'lookUp',
					phoneNumbers: '+14255550100, +442071234567',
					includeAdditionalOperatorDetails: true,
				}),
			);
			expect(items.map((item) => item.phoneNumber)).toEqual(['+14255550100', '+442071234567']);
			expect(items[0]).toMatchObject({
				isoCountryCode: 'US',
				operatorName: expect.any(String),
				internationalFormat: expect.any(String),
			});
		});

		it('gets a running operation, cancels it, and times out waiting with a resume hint', async () => {
			const [number] = (
				await control(emulator(), 'POST', '/seed', {
					count: 1,
					countryCode: 'US',
					phoneNumberType: 'tollFree',
				})
			).phoneNumbers;
			const [pending] = jsonOf(
				await run(emulator(), {
					resource: 'phoneNumber',
					operation: 'release',
					phoneNumber: { mode: 'id', value: number },
					waitForCompletion: false,
				}),
			);
			const [operation] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'get',
					operationId: pending.operationId,
				}),
			);
			expect(operation).toMatchObject({
				operationId: pending.operationId,
				operationType: 'releasePhoneNumber',
			});
			expect(['notStarted', 'running']).toContain(operation.operationStatus);

			const timedOut = await run(emulator(), {
				resource: 'operation',
				operation: 'waitForCompletion',
				operationId: pending.operationId,
				timeoutSeconds: 1,
			});
			expect(timedOut.error?.message).toContain(`${pending.operationId} did not finish within 1 s`);
			expect(timedOut.error?.description).toContain(
				'Long-Running Operation -> Wait for Completion',
			);

			const [cancelled] = jsonOf(
				await run(emulator(), {
					resource: 'operation',
					operation: 'cancel',
					operationId: pending.operationId,
				}),
			);
			expect(cancelled).toEqual({ operationId: pending.operationId, cancelled: true });
		});
	});

	it('refuses an invalid number in the lookup list before sending anything', async () => {
		const result = await run(emulator(), {
			resource: 'operatorInformation',
			operation: 'lookUp',
			phoneNumbers: '+14255550100, 12',
		});
		expect(result.error?.message).toContain('Invalid "Phone Numbers"');
		expect(await acsRequests(emulator())).toEqual([]);
	});

	it('refuses a malformed operation id before sending anything', async () => {
		const result = await run(emulator(), {
			resource: 'operation',
			operation: 'get',
			operationId: '../phoneNumbers',
		});
		expect(result.error?.message).toContain('Invalid "Operation ID"');
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
