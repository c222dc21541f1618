import { withEmulator } from '../../support/emulator';
import {
	jsonOf,
	PREVIEW,
	runSip,
	seedSip,
	sentRequests,
	storedSip,
	TWO_TRUNKS_TWO_ROUTES,
	type Auth,
} from './sipHarness';

const emulator = withEmulator();

describe.each<Auth>(['connectionString', 'entraId'])('Trunk with %s', (auth) => {
	it('Get Many lists one flat item per trunk with the routes that use it', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(
			emu,
			{ resource: 'trunk', operation: 'getAll', returnAll: true },
			{ auth },
		);
		expect(jsonOf(result)).toEqual([
			{ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061, usedByRoutes: ['US'] },
			{ fqdn: 'sbc2.contoso.com', sipSignalingPort: 5062, usedByRoutes: ['US', 'All'] },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Create or Update creates a trunk with one PATCH between a read and a read-back', async () => {
		const emu = emulator();
		const result = await runSip(
			emu,
			{
				resource: 'trunk',
				operation: 'createOrUpdate',
				fqdn: 'sbc9.contoso.com',
				sipSignalingPort: 5067,
			},
			{ auth },
		);
		expect(jsonOf(result)).toEqual([
			{ fqdn: 'sbc9.contoso.com', sipSignalingPort: 5067, usedByRoutes: [], change: 'created' },
		]);
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'PATCH /sip', 'GET /sip']);
		expect((await storedSip(emu)).trunks).toEqual({
			'sbc9.contoso.com': expect.objectContaining({ sipSignalingPort: 5067 }),
		});
	});
});

describe('Trunk Get and Get Many', () => {
	it('Get returns one trunk; an unknown FQDN fails naming the trunks that exist', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const found = await runSip(emu, {
			resource: 'trunk',
			operation: 'get',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc2.contoso.com' },
		});
		expect(jsonOf(found)).toEqual([
			{ fqdn: 'sbc2.contoso.com', sipSignalingPort: 5062, usedByRoutes: ['US', 'All'] },
		]);

		const missing = await runSip(emu, {
			resource: 'trunk',
			operation: 'get',
			trunk: { __rl: true, mode: 'fqdn', value: 'nope.contoso.com' },
		});
		expect(missing.error?.message).toBe('There is no trunk "nope.contoso.com"');
		expect(missing.error?.description).toContain('sbc1.contoso.com, sbc2.contoso.com');
	});

	it('Get Many honours Limit', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});
		expect(jsonOf(result).map((item) => item.fqdn)).toEqual(['sbc1.contoso.com']);
	});

	it('Include Health reads the preview API and flattens health into the item', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		await emu.control.call('PUT', '/_emulator/sip/trunks/sbc2.contoso.com/health', {
			tls: 'certExpiring',
			ping: 'ok',
			overall: { status: 'inactive', reason: 'noRecentCalls' },
		});
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'getAll',
			returnAll: true,
			options: { includeHealth: true },
		});
		const items = jsonOf(result);
		expect(items[1]).toEqual({
			fqdn: 'sbc2.contoso.com',
			sipSignalingPort: 5062,
			enabled: true,
			directTransfer: false,
			privacyHeader: 'id',
			ipAddressVersion: 'ipv4',
			usedByRoutes: ['US', 'All'],
			tlsStatus: 'certExpiring',
			pingStatus: 'ok',
			overallStatus: 'inactive',
			inactiveReason: 'noRecentCalls',
		});
		expect(items[0]).toMatchObject({
			tlsStatus: 'unknown',
			overallStatus: 'unknown',
			inactiveReason: null,
		});
		const log = await emu.control.requestLog();
		expect(
			log.map((entry) => [entry.method, entry.query['api-version'], entry.query.expand]),
		).toEqual([['GET', PREVIEW, 'trunks/health']]);
	});

	it('Include Health with a stable API Version override is refused before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'getAll',
			returnAll: true,
			options: { includeHealth: true, apiVersion: '2023-03-01' },
		});
		expect(result.error?.message).toContain('Include Health needs the preview API');
		expect(await sentRequests(emu)).toEqual([]);
	});
});

describe('Trunk Create or Update', () => {
	it('updates only what changed and reports unchanged without a PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const same = await runSip(emu, {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5061,
		});
		expect(jsonOf(same)[0]).toMatchObject({ change: 'unchanged' });
		expect(await sentRequests(emu)).toEqual(['GET /sip']);

		const changed = await runSip(emu, {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5071,
		});
		expect(jsonOf(changed)[0]).toMatchObject({
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5071,
			change: 'updated',
		});
		const stored = await storedSip(emu);
		expect(stored.routes).toEqual(TWO_TRUNKS_TWO_ROUTES.routes);
	});

	it('sets preview trunk options on the preview API and keeps the ones not given', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061, privacyHeader: 'none' } },
		});
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'createOrUpdate',
			sipApi: 'sipPreview',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5061,
			previewOptions: { enabled: false, ipAddressVersion: 'ipv6' },
		});
		expect(jsonOf(result)[0]).toEqual({
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5061,
			enabled: false,
			directTransfer: false,
			privacyHeader: 'none',
			ipAddressVersion: 'ipv6',
			usedByRoutes: [],
			change: 'updated',
		});
	});

	it.each([
		['sbc_1.contoso.com', 'Trunk FQDN'],
		['localhost', 'Trunk FQDN'],
	])('refuses FQDN %s before any request, naming the parameter', async (fqdn, parameter) => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn,
			sipSignalingPort: 5061,
		});
		expect(result.error?.message).toMatch(new RegExp(`^${parameter}: `));
		expect(result.error?.message).toContain(fqdn);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses port 0 and 70000 before any request', async () => {
		const emu = emulator();
		for (const port of [0, 70000]) {
			const result = await runSip(emu, {
				resource: 'trunk',
				operation: 'createOrUpdate',
				fqdn: 'sbc1.contoso.com',
				sipSignalingPort: port,
			});
			expect(result.error?.message).toMatch(/^SIP Signaling Port: .*out of range/);
		}
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('sends only the touched trunk: a trunk and a route added meanwhile by someone else survive', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		// Hold the node's PATCH until the "other editor" has written.
		await emu.control.addFault({
			method: 'PATCH',
			path: '^/sip$',
			type: 'delay',
			delayMs: 1500,
			count: 1,
		});
		const running = runSip(emu, {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5099,
		});
		while ((await emu.control.listFaults()).length > 0)
			await new Promise((resolve) => setTimeout(resolve, 20));
		await seedSip(emu, {
			trunks: { 'other.contoso.com': { sipSignalingPort: 5070 } },
			routes: [
				...TWO_TRUNKS_TWO_ROUTES.routes,
				{ name: 'Other', numberPattern: '^\\+44\\d+$', trunks: ['other.contoso.com'] },
			],
		});
		jsonOf(await running);
		const stored = await storedSip(emu);
		expect(Object.keys(stored.trunks as object).sort()).toEqual([
			'other.contoso.com',
			'sbc1.contoso.com',
			'sbc2.contoso.com',
		]);
		expect(
			(stored.trunks as Record<string, { sipSignalingPort: number }>)['sbc1.contoso.com']
				.sipSignalingPort,
		).toBe(5099);
		expect((stored.routes as Array<{ name: string }>).map((route) => route.name)).toEqual([
			'US',
			'All',
			'Other',
		]);
	});
});

describe('Trunk Delete', () => {
	it('refuses to delete a trunk that routes use, naming them, and sends no change', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'delete',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc2.contoso.com' },
		});
		expect(result.error?.message).toBe('Trunk "sbc2.contoso.com" is used by routes "US", "All"');
		expect(result.error?.description).toContain('Remove From Routes First');
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
		expect(await storedSip(emu)).toMatchObject(TWO_TRUNKS_TWO_ROUTES);
	});

	it('Remove From Routes First takes it out of routes and keeps routes left without trunks', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'delete',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc2.contoso.com' },
			removeFromRoutes: true,
		});
		expect(jsonOf(result)).toEqual([
			{
				fqdn: 'sbc2.contoso.com',
				deleted: true,
				removedFromRoutes: ['US', 'All'],
				deletedRoutes: [],
			},
		]);
		const stored = await storedSip(emu);
		expect(Object.keys(stored.trunks as object)).toEqual(['sbc1.contoso.com']);
		expect(stored.routes).toEqual([
			{ ...TWO_TRUNKS_TWO_ROUTES.routes[0], trunks: ['sbc1.contoso.com'] },
			{ ...TWO_TRUNKS_TWO_ROUTES.routes[1], trunks: [] },
		]);
	});

	it('deletes routes left without trunks only when asked', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'delete',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc2.contoso.com' },
			removeFromRoutes: true,
			deleteEmptiedRoutes: true,
		});
		expect(jsonOf(result)[0]).toMatchObject({ deleted: true, deletedRoutes: ['All'] });
		const stored = await storedSip(emu);
		expect(stored.routes).toEqual([
			{ ...TWO_TRUNKS_TWO_ROUTES.routes[0], trunks: ['sbc1.contoso.com'] },
		]);
	});

	it('deletes an unused trunk, and reports deleted: false for a missing one without a PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } } });
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'delete',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc1.contoso.com' },
		});
		expect(jsonOf(result)[0]).toMatchObject({ fqdn: 'sbc1.contoso.com', deleted: true });
		expect((await storedSip(emu)).trunks).toEqual({});
		await emu.control.clearRequestLog();

		const again = await runSip(emu, {
			resource: 'trunk',
			operation: 'delete',
			trunk: { __rl: true, mode: 'fqdn', value: 'sbc1.contoso.com' },
		});
		expect(jsonOf(again)[0]).toMatchObject({ deleted: false });
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});
});

describe('Trunk Replace All', () => {
	it('from input items: creates, updates, deletes, and pairs each trunk with its item', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: {
				'sbc1.contoso.com': { sipSignalingPort: 5061 },
				'old.contoso.com': { sipSignalingPort: 5061 },
			},
		});
		const result = await runSip(
			emu,
			{
				resource: 'trunk',
				operation: 'replaceAll',
				source: 'items',
				fqdn: '={{ $json.host }}',
				sipSignalingPort: '={{ $json.port }}',
			},
			{
				inputItems: [
					{ host: 'sbc1.contoso.com', port: 5061 },
					{ host: 'new.contoso.com', port: 5080 },
				],
			},
		);
		const items = jsonOf(result);
		expect(items.map((item) => [item.fqdn, item.change])).toEqual([
			['sbc1.contoso.com', 'unchanged'],
			['new.contoso.com', 'created'],
			['old.contoso.com', 'deleted'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 0 },
		]);
		expect(Object.keys((await storedSip(emu)).trunks as object).sort()).toEqual([
			'new.contoso.com',
			'sbc1.contoso.com',
		]);
	});

	it('from JSON: refuses to drop a trunk a route uses, naming the route, with no PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'replaceAll',
			source: 'json',
			trunksJson: JSON.stringify({ 'sbc1.contoso.com': { sipSignalingPort: 5061 } }),
		});
		expect(result.error?.message).toContain('Trunks (JSON)');
		expect(result.error?.message).toContain('"All"');
		expect(result.error?.message).toContain('sbc2.contoso.com');
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});

	it('refuses 251 trunks (JSON) before any request', async () => {
		const emu = emulator();
		const trunks = Array.from({ length: 251 }, (_, i) => ({
			fqdn: `sbc${i}.contoso.com`,
			sipSignalingPort: 5061,
		}));
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'replaceAll',
			source: 'json',
			trunksJson: JSON.stringify(trunks),
		});
		expect(result.error?.message).toBe('Trunks (JSON): 251 trunks; at most 250 are allowed.');
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses a trunk keyed "__proto__" (JSON map) by name before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'replaceAll',
			source: 'json',
			trunksJson:
				'{"__proto__": {"sipSignalingPort": 5061}, "sbc1.contoso.com": {"sipSignalingPort": 5061}}',
		});
		expect(result.error?.message).toContain('Trunks (JSON): trunk "__proto__"');
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses a duplicated FQDN before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'trunk',
			operation: 'replaceAll',
			source: 'json',
			trunksJson: JSON.stringify([
				{ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061 },
				{ fqdn: 'SBC1.contoso.com', sipSignalingPort: 5062 },
			]),
		});
		expect(result.error?.message).toBe('Trunks (JSON): trunk "SBC1.contoso.com" is listed twice');
		expect(await sentRequests(emu)).toEqual([]);
	});
});
