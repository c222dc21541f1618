import { withEmulator } from '../../support/emulator';
import {
	AUTHS,
	jsonOf,
	seedSip,
	sipRunner,
	sentRequests,
	storedSip,
	TWO_TRUNKS_TWO_ROUTES,
} from './sipHarness';

const emulator = withEmulator();

const routeNames = async (emu: ReturnType<typeof emulator>) =>
	((await storedSip(emu)).routes as Array<{ name: string }>).map((route) => route.name);

const createRoute = (extra: Record<string, unknown>) => ({
	resource: 'route',
	operation: 'createOrUpdate',
	numberPattern: '^\\+44[0-9]{10}$',
	trunks: 'sbc1.contoso.com',
	...extra,
});

describe.each(AUTHS)('Route with %s', (auth) => {
	const run = sipRunner(auth);

	describe('Route Get Many and Get', () => {
		it('lists routes in priority order, one item each', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(emu, { resource: 'route', operation: 'getAll', returnAll: true });
			expect(jsonOf(result)).toEqual([
				{
					priority: 1,
					name: 'US',
					numberPattern: '^\\+1[0-9]{10}$',
					description: null,
					trunks: ['sbc1.contoso.com', 'sbc2.contoso.com'],
				},
				{
					priority: 2,
					name: 'All',
					numberPattern: '^\\+[1-9][0-9]{3,23}$',
					description: null,
					trunks: ['sbc2.contoso.com'],
				},
			]);
		});

		it('Get finds a route by name; an unknown name lists the routes', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const found = await run(emu, {
				resource: 'route',
				operation: 'get',
				route: { __rl: true, mode: 'name', value: 'All' },
			});
			expect(jsonOf(found)[0]).toMatchObject({ priority: 2, name: 'All' });
			const missing = await run(emu, {
				resource: 'route',
				operation: 'get',
				route: { __rl: true, mode: 'name', value: 'EU' },
			});
			expect(missing.error?.message).toBe('There is no route "EU"');
			expect(missing.error?.description).toBe('Routes in priority order: "US", "All".');
		});
	});

	describe('Route Create or Update positions', () => {
		it.each([
			[{ position: 'first' }, ['UK', 'US', 'All']],
			[{ position: 'last' }, ['US', 'All', 'UK']],
			[{ position: 'keep' }, ['US', 'All', 'UK']],
			[
				{ position: 'before', relativeTo: { __rl: true, mode: 'name', value: 'All' } },
				['US', 'UK', 'All'],
			],
			[
				{ position: 'after', relativeTo: { __rl: true, mode: 'name', value: 'US' } },
				['US', 'UK', 'All'],
			],
			[
				{ position: 'before', relativeTo: { __rl: true, mode: 'name', value: 'US' } },
				['UK', 'US', 'All'],
			],
		])('a new route with %j lands at %j', async (position, expected) => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(emu, createRoute({ name: 'UK', ...position }));
			const item = jsonOf(result)[0];
			expect(item).toMatchObject({
				name: 'UK',
				change: 'created',
				priority: expected.indexOf('UK') + 1,
			});
			// The read, the write, the read-back that checks the route is stored where it was put, and the later
			// recheck that no write from an older read replaced the route list since.
			expect(await sentRequests(emu)).toEqual(['GET /sip', 'PATCH /sip', 'GET /sip', 'GET /sip']);
			expect(await routeNames(emu)).toEqual(expected);
		});

		it('moves an existing route, keeping fields not given (description)', async () => {
			const emu = emulator();
			await seedSip(emu, {
				...TWO_TRUNKS_TWO_ROUTES,
				routes: [
					TWO_TRUNKS_TWO_ROUTES.routes[0],
					{ ...TWO_TRUNKS_TWO_ROUTES.routes[1], description: 'fallback' },
				],
			});
			const result = await run(emu, {
				resource: 'route',
				operation: 'createOrUpdate',
				name: 'All',
				numberPattern: '^\\+[1-9][0-9]{3,23}$',
				trunks: 'sbc2.contoso.com, sbc1.contoso.com',
				position: 'first',
			});
			expect(jsonOf(result)[0]).toMatchObject({
				priority: 1,
				name: 'All',
				description: 'fallback',
				trunks: ['sbc2.contoso.com', 'sbc1.contoso.com'],
				change: 'updated',
			});
			expect(await routeNames(emu)).toEqual(['All', 'US']);
		});

		it('refuses a route whose trunk does not exist, naming route and trunk, without a PATCH', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({
					name: 'UK',
					trunks: 'sbc1.contoso.com, ghost.contoso.com',
					position: 'last',
				}),
			);
			expect(result.error?.message).toBe(
				'Trunks: Route "UK" uses trunk ghost.contoso.com, which does not exist: create the trunk first.',
			);
			expect(await sentRequests(emu)).toEqual(['GET /sip']);
		});

		it('refuses an unknown Relative To Route, listing the routes, without a PATCH', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({
					name: 'UK',
					position: 'after',
					relativeTo: { __rl: true, mode: 'name', value: 'EU' },
				}),
			);
			expect(result.error?.message).toBe('Relative To Route: there is no route "EU"');
			expect(await sentRequests(emu)).toEqual(['GET /sip']);
		});

		it('refuses a pattern .NET refuses, before any request', async () => {
			const emu = emulator();
			const result = await run(emu, createRoute({ name: 'Bad', numberPattern: '^\\+1(\\d{10}$' }));
			expect(result.error?.message).toMatch(/^Number Pattern: /);
			expect(await sentRequests(emu)).toEqual([]);
		});

		it('refuses a trunk listed twice, naming the route, before any request', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({ name: 'UK', trunks: 'sbc1.contoso.com, sbc1.contoso.com' }),
			);
			expect(result.error?.message).toBe(
				'Trunks: Route "UK" lists trunk sbc1.contoso.com more than once.',
			);
			expect(await sentRequests(emu)).toEqual([]);
		});

		it('accepts the SDK sample pattern ^+[1-9][0-9]{3,23}$ (the service does) and hints that it cannot match "+"', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({ name: 'Sample', numberPattern: '^+[1-9][0-9]{3,23}$' }),
			);
			const item = jsonOf(result)[0];
			expect(item.change).toBe('created');
			expect((item.patternHints as string[]).join(' ')).toContain('"^+"');
			expect(await routeNames(emu)).toEqual(['US', 'All', 'Sample']);
		});

		it('runs items one after another: three routes from three items all end up stored', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(emu, createRoute({ name: '={{ $json.name }}', position: 'first' }), {
				inputItems: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
			});
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(await routeNames(emu)).toEqual(['C', 'B', 'A', 'US', 'All']);
		});

		it('with continueOnFail, a refused item becomes an error item and the others are applied', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({ name: '={{ $json.name }}', trunks: '={{ $json.trunks }}' }),
				{
					inputItems: [
						{ name: 'A', trunks: 'sbc1.contoso.com' },
						{ name: 'B', trunks: 'ghost.contoso.com' },
						{ name: 'C', trunks: ['sbc2.contoso.com'] },
					],
					continueOnFail: true,
				},
			);
			expect(result.items).toHaveLength(3);
			expect(result.items[1].json.error).toContain('ghost.contoso.com');
			expect(result.items[1].pairedItem).toEqual({ item: 1 });
			expect(await routeNames(emu)).toEqual(['US', 'All', 'A', 'C']);
		});
	});

	describe('Route Caller ID Override (preview API)', () => {
		it('is written and read on the preview API', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				createRoute({
					name: 'UK',
					sipApi: 'sipPreview',
					additionalFields: { callerIdOverride: '+442071234567', description: 'London' },
				}),
			);
			expect(jsonOf(result)[0]).toEqual({
				priority: 3,
				name: 'UK',
				numberPattern: '^\\+44[0-9]{10}$',
				description: 'London',
				trunks: ['sbc1.contoso.com'],
				callerIdOverride: '+442071234567',
				change: 'created',
				patternHints: [],
				patternEvaluatedLocally: true,
			});
			const list = await run(emu, {
				resource: 'route',
				operation: 'getAll',
				returnAll: true,
				sipApi: 'sipPreview',
			});
			expect(jsonOf(list).map((item) => item.callerIdOverride)).toEqual([
				null,
				null,
				'+442071234567',
			]);
		});
	});

	describe('Route Delete', () => {
		it('deletes a route; the ones after it move up', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(emu, {
				resource: 'route',
				operation: 'delete',
				route: { __rl: true, mode: 'name', value: 'US' },
			});
			expect(jsonOf(result)).toEqual([{ name: 'US', deleted: true, priority: 1 }]);
			expect(await routeNames(emu)).toEqual(['All']);
			expect(Object.keys((await storedSip(emu)).trunks as object)).toHaveLength(2);
		});
	});

	describe('Route Replace All', () => {
		it('from input items, in item order', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(
				emu,
				{ resource: 'route', operation: 'replaceAll', source: 'items' },
				{
					inputItems: [
						{ name: 'All', numberPattern: '^\\+[1-9][0-9]{3,23}$', trunks: ['sbc2.contoso.com'] },
						{
							name: 'UK',
							numberPattern: '^\\+44\\d{10}$',
							trunks: 'sbc1.contoso.com',
							description: 'UK',
						},
					],
				},
			);
			expect(jsonOf(result).map((item) => [item.priority, item.name, item.change])).toEqual([
				[1, 'All', 'updated'],
				[2, 'UK', 'created'],
				[null, 'US', 'deleted'],
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 0 },
			]);
			expect((await storedSip(emu)).routes).toEqual([
				{ name: 'All', numberPattern: '^\\+[1-9][0-9]{3,23}$', trunks: ['sbc2.contoso.com'] },
				{
					name: 'UK',
					numberPattern: '^\\+44\\d{10}$',
					trunks: ['sbc1.contoso.com'],
					description: 'UK',
				},
			]);
		});

		it('from JSON; an empty array clears the routes', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await run(emu, {
				resource: 'route',
				operation: 'replaceAll',
				source: 'json',
				routesJson: '[]',
			});
			expect(jsonOf(result).map((item) => item.change)).toEqual(['deleted', 'deleted']);
			expect((await storedSip(emu)).routes).toEqual([]);
		});

		it('refuses duplicate names, naming the route, before any request', async () => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const route = { name: 'X', numberPattern: '^\\+1\\d+$', trunks: ['sbc1.contoso.com'] };
			const result = await run(emu, {
				resource: 'route',
				operation: 'replaceAll',
				source: 'json',
				routesJson: JSON.stringify([route, route]),
			});
			expect(result.error?.message).toBe(
				'Routes (JSON): There are 2 routes named "X"; route names must be unique.',
			);
			expect(await sentRequests(emu)).toEqual([]);
		});

		it('with continueOnFail, a refusal becomes one error item paired with every input item', async () => {
			const emu = emulator();
			const result = await run(
				emu,
				{ resource: 'route', operation: 'replaceAll', source: 'json', routesJson: '{"oops": 1}' },
				{ continueOnFail: true, inputItems: [{}, {}] },
			);
			expect(result.items).toEqual([
				{
					json: expect.objectContaining({
						error: 'Routes (JSON): routes must be an array (order is priority)',
					}),
					pairedItem: [{ item: 0 }, { item: 1 }],
				},
			]);
			expect(await sentRequests(emu)).toEqual([]);
		});
	});
});
