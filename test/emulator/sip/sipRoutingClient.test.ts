import { SipRoutingClient } from '@azure/communication-phone-numbers';
import { withEmulator } from '../../support/emulator';
import { AUTH_MODES, sdkClientOptions } from '../core/support/sdkAuth';
import { matchRoutes } from '../../../nodes/shared/acs/sip/routeMatcher';
import { signedRequest } from './signedRequest';

const emulator = withEmulator();

const raw = (method: string, pathAndQuery: string, body?: unknown, contentType?: string) =>
	signedRequest(emulator(), method, pathAndQuery, body, contentType);

const GA = 'api-version=2023-03-01';
const PREVIEW = 'api-version=2024-11-15-preview';

describe.each(AUTH_MODES)('SipRoutingClient 1.5.0 against the emulator (%s)', (mode) => {
	const client = () => {
		const { endpoint, credential, options } = sdkClientOptions(emulator(), mode);
		return credential
			? new SipRoutingClient(endpoint, credential, options)
			: new SipRoutingClient(endpoint, options);
	};
	// Proof that the SDK really authenticated this way.
	afterEach(async () => {
		const kinds = new Set((await emulator().control.requestLog()).map((entry) => entry.auth));
		expect(kinds.has(mode === 'Entra ID' ? 'bearer' : 'hmac')).toBe(true);
		expect(kinds.has('rejected')).toBe(false);
	});

	test('empty resource: no trunks, no routes', async () => {
		const trunks = [];
		for await (const t of client().listTrunks()) trunks.push(t);
		const routes = [];
		for await (const r of client().listRoutes()) routes.push(r);
		expect(trunks).toEqual([]);
		expect(routes).toEqual([]);
		expect((await raw('GET', `/sip?${GA}`)).body).toEqual({ trunks: {}, routes: [] });
	});

	test('setTrunk, getTrunk, setTrunks, listTrunks, deleteTrunk', async () => {
		const c = client();
		expect(await c.setTrunk({ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061 })).toEqual({
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5061,
		});
		expect(await c.getTrunk('sbc1.contoso.com')).toEqual({
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5061,
		});
		await expect(c.getTrunk('nope.contoso.com')).rejects.toMatchObject({ code: 'NotFound' });
		const set = await c.setTrunks([
			{ fqdn: 'sbc2.contoso.com', sipSignalingPort: 5062 },
			{ fqdn: 'sbc3.contoso.com', sipSignalingPort: 5063 },
		]);
		expect(set.map((t) => t.fqdn).sort()).toEqual(['sbc2.contoso.com', 'sbc3.contoso.com']);
		const listed = [];
		for await (const t of c.listTrunks()) listed.push(t);
		expect(listed).toEqual(set);
		await c.deleteTrunk('sbc2.contoso.com');
		await c.deleteTrunk('never-existed.contoso.com');
		expect((await raw('GET', `/sip?${GA}`)).body.trunks).toEqual({
			'sbc3.contoso.com': { sipSignalingPort: 5063 },
		});
		expect(await c.setTrunks([])).toEqual([]);
		expect(await c.setTrunks([])).toEqual([]); // nothing stored: the SDK sends no PATCH
	});

	test('setRoutes, listRoutes; routes always carry trunks', async () => {
		const c = client();
		await c.setTrunk({ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061 });
		const routes = await c.setRoutes([
			{
				name: 'US',
				numberPattern: '^\\+1\\d{10}$',
				trunks: ['sbc1.contoso.com'],
				description: 'US',
			},
			{ name: 'Anything', numberPattern: '^\\+\\d+$' },
		]);
		expect(routes).toEqual([
			{
				name: 'US',
				numberPattern: '^\\+1\\d{10}$',
				trunks: ['sbc1.contoso.com'],
				description: 'US',
			},
			{ name: 'Anything', numberPattern: '^\\+\\d+$', trunks: [] },
		]);
		const listed = [];
		for await (const r of c.listRoutes()) listed.push(r);
		expect(listed).toEqual(routes);
		// the SDK's own sample pattern is accepted, as the live service does
		await c.setRoutes([
			{ name: 'Sample', numberPattern: '^+[1-9][0-9]{3,23}$', trunks: ['sbc1.contoso.com'] },
		]);
		expect((await raw('GET', `/sip?${GA}`)).body.routes[0].numberPattern).toBe(
			'^+[1-9][0-9]{3,23}$',
		);
	});

	test('SDK errors: route to a missing trunk, deleting a trunk in use, setTrunks dropping a used trunk', async () => {
		const c = client();
		await expect(
			c.setRoutes([{ name: 'R', numberPattern: '^\\+1\\d+$', trunks: ['missing.contoso.com'] }]),
		).rejects.toMatchObject({
			statusCode: 422,
			code: 'UnprocessableConfiguration',
		});
		await c.setTrunk({ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061 });
		await c.setRoutes([{ name: 'R', numberPattern: '^\\+1\\d+$', trunks: ['sbc1.contoso.com'] }]);
		await expect(c.deleteTrunk('sbc1.contoso.com')).rejects.toMatchObject({ statusCode: 422 });
		await expect(
			c.setTrunks([{ fqdn: 'other.contoso.com', sipSignalingPort: 5061 }]),
		).rejects.toMatchObject({ statusCode: 422 });
		expect((await raw('GET', `/sip?${GA}`)).body.trunks).toEqual({
			'sbc1.contoso.com': { sipSignalingPort: 5061 },
		});
		await expect(
			c.setTrunk({ fqdn: 'bad.contoso.com', sipSignalingPort: 0 }),
		).rejects.toMatchObject({ statusCode: 422 });
	});
});

describe('raw PATCH /sip error cases: code, status, nothing applied', () => {
	const base = {
		trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
		routes: [{ name: 'R1', numberPattern: '^\\+1\\d{10}$', trunks: ['sbc1.contoso.com'] }],
	};
	const cases: [string, unknown, number, string][] = [
		['empty patch', {}, 422, 'EmptyPatch'],
		['empty trunks map', { trunks: {} }, 422, 'EmptyPatch'],
		['invalid FQDN', { trunks: { '-1': { sipSignalingPort: 5061 } } }, 422, 'InvalidTrunkFqdn'],
		[
			'port 0',
			{ trunks: { 'sbc2.contoso.com': { sipSignalingPort: 0 } } },
			422,
			'InvalidTrunkSipSignalingPort',
		],
		[
			'port 65536',
			{ trunks: { 'sbc2.contoso.com': { sipSignalingPort: 65536 } } },
			422,
			'InvalidTrunkSipSignalingPort',
		],
		[
			'empty route name',
			{ routes: [{ name: '', numberPattern: '^\\+1$', trunks: [] }] },
			422,
			'InvalidRouteName',
		],
		[
			'empty pattern',
			{ routes: [{ name: 'X', numberPattern: '', trunks: [] }] },
			422,
			'InvalidRouteNumberPattern',
		],
		[
			'invalid .NET pattern',
			{ routes: [{ name: 'X', numberPattern: '^(\\d', trunks: [] }] },
			422,
			'InvalidRouteNumberPattern',
		],
		[
			'missing trunk',
			{ routes: [{ name: 'X', numberPattern: '^\\+1$', trunks: ['nope.contoso.com'] }] },
			422,
			'MissingTrunk',
		],
		['deleting a trunk in use', { trunks: { 'sbc1.contoso.com': null } }, 422, 'MissingTrunk'],
		[
			'duplicated route',
			{
				routes: [
					{ name: 'X', numberPattern: '^1', trunks: [] },
					{ name: 'X', numberPattern: '^2', trunks: [] },
				],
			},
			400,
			'DuplicatedRoute',
		],
		[
			'duplicated trunk in a route',
			{
				routes: [
					{ name: 'X', numberPattern: '^1', trunks: ['sbc1.contoso.com', 'sbc1.contoso.com'] },
				],
			},
			400,
			'RouteWithDuplicatedTrunk',
		],
		['hostile key', { trunks: { __proto__: { sipSignalingPort: 1 } } }, 422, 'InvalidTrunkFqdn'],
	];

	test.each(cases)('%s', async (_label, patch, status, innerCode) => {
		expect((await raw('PATCH', `/sip?${GA}`, base)).status).toBe(200);
		const body =
			_label === 'hostile key'
				? JSON.parse(
						'{"trunks":{"__proto__":{"sipSignalingPort":1},"constructor":{"sipSignalingPort":1}}}',
					)
				: patch;
		const res = await raw('PATCH', `/sip?${GA}`, body);
		expect(res.status).toBe(status);
		expect(res.body.error.code).toBe('UnprocessableConfiguration');
		expect(res.body.error.innererror.code).toBe(innerCode);
		expect(Object.keys(res.body.error)).not.toContain('target');
		expect((await raw('GET', `/sip?${GA}`)).body).toEqual(base);
		expect(({} as Record<string, unknown>).sipSignalingPort).toBeUndefined();
	});

	test('wrong Content-Type is 415 UnsupportedMediaType', async () => {
		const res = await raw('PATCH', `/sip?${GA}`, base, 'application/json');
		expect(res.status).toBe(415);
		expect(res.body.error.code).toBe('UnsupportedMediaType');
		expect((await raw('GET', `/sip?${GA}`)).body).toEqual({ trunks: {}, routes: [] });
	});

	test('null deletes a trunk, routes replace the list, absent keys untouched', async () => {
		await raw('PATCH', `/sip?${GA}`, {
			trunks: {
				'a.contoso.com': { sipSignalingPort: 1 },
				'b.contoso.com': { sipSignalingPort: 2 },
			},
		});
		const res = await raw('PATCH', `/sip?${GA}`, {
			trunks: { 'a.contoso.com': null, 'b.contoso.com': { sipSignalingPort: 3 } },
		});
		expect(res.body).toEqual({ trunks: { 'b.contoso.com': { sipSignalingPort: 3 } }, routes: [] });
	});
});

describe('preview: domains, trunk flags, health, testRoutesWithNumber', () => {
	test('preview fields are stored, shown in preview and stripped in GA', async () => {
		const res = await raw('PATCH', `/sip?${PREVIEW}`, {
			domains: { 'contoso.com': { enabled: true } },
			trunks: {
				'sbc.contoso.com': {
					sipSignalingPort: 5061,
					enabled: false,
					directTransfer: true,
					privacyHeader: 'none',
					ipAddressVersion: 'ipv6',
				},
			},
			routes: [
				{
					name: 'R',
					numberPattern: '^\\+1\\d+$',
					trunks: ['sbc.contoso.com'],
					callerIdOverride: '+14255550100',
				},
			],
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			domains: { 'contoso.com': { enabled: true } },
			trunks: {
				'sbc.contoso.com': {
					sipSignalingPort: 5061,
					enabled: false,
					directTransfer: true,
					privacyHeader: 'none',
					ipAddressVersion: 'ipv6',
				},
			},
			routes: [
				{
					name: 'R',
					numberPattern: '^\\+1\\d+$',
					trunks: ['sbc.contoso.com'],
					callerIdOverride: '+14255550100',
				},
			],
		});
		expect((await raw('GET', `/sip?${GA}`)).body).toEqual({
			trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'R', numberPattern: '^\\+1\\d+$', trunks: ['sbc.contoso.com'] }],
		});
		// a GA update keeps the preview flags
		await raw('PATCH', `/sip?${GA}`, {
			trunks: { 'sbc.contoso.com': { sipSignalingPort: 5062, enabled: true } },
		});
		expect((await raw('GET', `/sip?${PREVIEW}`)).body.trunks['sbc.contoso.com']).toMatchObject({
			sipSignalingPort: 5062,
			enabled: false,
		});
		const deleted = await raw('PATCH', `/sip?${PREVIEW}`, {
			domains: { 'contoso.com': null },
			trunks: { 'sbc.contoso.com': null },
			routes: [],
		});
		expect(deleted.status).toBe(200);
		expect(deleted.body).toEqual({ domains: {}, trunks: {}, routes: [] });
	});

	describe('domain-era rules (preview api-versions, once domains are configured)', () => {
		const withDomain = {
			domains: { 'contoso.com': { enabled: true } },
			trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'R', numberPattern: '^\\+1\\d+$', trunks: ['sbc.contoso.com'] }],
		};
		const expectRefused = (res: { status: number; body: any }, innerCode: string) => {
			expect(res.status).toBe(422);
			expect(res.body.error).toMatchObject({
				code: 'UnprocessableConfiguration',
				innererror: { code: innerCode },
			});
			expect(Object.keys(res.body.error)).not.toContain('target');
		};

		test('a trunk outside every configured domain is refused in preview, nothing applied; GA keeps accepting it', async () => {
			expect((await raw('PATCH', `/sip?${PREVIEW}`, withDomain)).status).toBe(200);
			const outside = { trunks: { 'sbc.fabrikam.com': { sipSignalingPort: 5062 } } };
			expectRefused(await raw('PATCH', `/sip?${PREVIEW}`, outside), 'TrunkNotUnderDomain');
			// the domain itself is not a trunk host under it
			expectRefused(
				await raw('PATCH', `/sip?${PREVIEW}`, {
					trunks: { 'contoso.com': { sipSignalingPort: 5062 } },
				}),
				'TrunkNotUnderDomain',
			);
			expect(Object.keys((await raw('GET', `/sip?${PREVIEW}`)).body.trunks)).toEqual([
				'sbc.contoso.com',
			]);
			// DNS names compare case-insensitively
			expect(
				(
					await raw('PATCH', `/sip?${PREVIEW}`, {
						trunks: { 'SBC2.Contoso.com': { sipSignalingPort: 5063 } },
					})
				).status,
			).toBe(200);
			expect(Object.keys((await raw('GET', `/sip?${PREVIEW}`)).body.trunks).sort()).toEqual([
				'SBC2.Contoso.com',
				'sbc.contoso.com',
			]);
			expect((await raw('PATCH', `/sip?${GA}`, outside)).status).toBe(200);
			// once a domain exists, the same rule holds for candidates of testRoutesWithNumber
			const candidate = {
				...withDomain,
				trunks: { ...withDomain.trunks, 'sbc.fabrikam.com': { sipSignalingPort: 5062 } },
			};
			expectRefused(
				await raw(
					'POST',
					`/sip:testRoutesWithNumber?${PREVIEW}&targetPhoneNumber=%2B14255550100`,
					candidate,
					'application/json',
				),
				'TrunkNotUnderDomain',
			);
		});

		test('without domains, preview accepts any trunk FQDN', async () => {
			const res = await raw('PATCH', `/sip?${PREVIEW}`, {
				trunks: { 'sbc.fabrikam.com': { sipSignalingPort: 5062 } },
			});
			expect(res.status).toBe(200);
		});

		test('a domain with trunks under it cannot be deleted; it can once they are gone', async () => {
			await raw('PATCH', `/sip?${PREVIEW}`, {
				...withDomain,
				domains: { ...withDomain.domains, 'fabrikam.com': { enabled: true } },
			});
			const refused = await raw('PATCH', `/sip?${PREVIEW}`, { domains: { 'contoso.com': null } });
			expectRefused(refused, 'DomainInUse');
			expect((await raw('GET', `/sip?${PREVIEW}`)).body.domains).toEqual({
				'contoso.com': { enabled: true },
				'fabrikam.com': { enabled: true },
			});
			// a domain without trunks goes
			expect(
				(await raw('PATCH', `/sip?${PREVIEW}`, { domains: { 'fabrikam.com': null } })).status,
			).toBe(200);
			await raw('PATCH', `/sip?${PREVIEW}`, { routes: [] });
			await raw('PATCH', `/sip?${PREVIEW}`, { trunks: { 'sbc.contoso.com': null } });
			const gone = await raw('PATCH', `/sip?${PREVIEW}`, { domains: { 'contoso.com': null } });
			expect(gone.status).toBe(200);
			expect(gone.body.domains).toEqual({});
		});
	});

	test('health: unknown by default, set through the control API, only with expand in preview', async () => {
		await raw('PATCH', `/sip?${PREVIEW}`, {
			trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } },
		});
		const plain = await raw('GET', `/sip?${PREVIEW}`);
		expect(plain.body.trunks['sbc.contoso.com'].health).toBeUndefined();
		const expanded = await raw('GET', `/sip?${PREVIEW}&expand=trunks/health`);
		expect(expanded.body.trunks['sbc.contoso.com'].health).toEqual({
			tls: { status: 'unknown' },
			ping: { status: 'unknown' },
			overall: { status: 'unknown' },
		});
		const sipControl = emulator().control.sip;
		await sipControl.setTrunkHealth('sbc.contoso.com', {
			tls: { status: 'certExpiring' },
			ping: { status: 'ok' },
			overall: { status: 'inactive', reason: 'noRecentCalls' },
		});
		const after = await raw('GET', `/sip?${PREVIEW}&expand=trunks/health`);
		expect(after.body.trunks['sbc.contoso.com'].health).toEqual({
			tls: { status: 'certExpiring' },
			ping: { status: 'ok' },
			overall: { status: 'inactive', reason: 'noRecentCalls' },
		});
		expect((await sipControl.config()).health['sbc.contoso.com'].tls.status).toBe('certExpiring');
		expect(
			(await raw('GET', `/sip?${GA}&expand=trunks/health`)).body.trunks['sbc.contoso.com'],
		).toEqual({ sipSignalingPort: 5061 });
		await expect(sipControl.setTrunkHealth('nope.contoso.com', {})).rejects.toMatchObject({
			status: 404,
		});
		await expect(
			sipControl.setTrunkHealth('sbc.contoso.com', { tls: { status: 'splendid' } }),
		).rejects.toMatchObject({ status: 400 });
		await sipControl.clearTrunkHealth('sbc.contoso.com');
		expect(
			(await raw('GET', `/sip?${PREVIEW}&expand=trunks/health`)).body.trunks['sbc.contoso.com']
				.health.overall,
		).toEqual({ status: 'unknown' });
	});

	test('testRoutesWithNumber: the spec example, stored and candidate configurations, agrees with routeMatcher', async () => {
		const candidate = {
			trunks: {
				'seattle.contoso.com': { sipSignalingPort: 5011 },
				'us1.contoso.com': { sipSignalingPort: 5012 },
				'us2.contoso.com': { sipSignalingPort: 5013 },
				'russia.contoso.com': { sipSignalingPort: 5014 },
				'global.contoso.com': { sipSignalingPort: 5015 },
			},
			routes: [
				{
					name: 'Seattle',
					description: 'Seattle route',
					numberPattern: '^\\+1(425|206)\\d{7}$',
					trunks: ['seattle.contoso.com'],
				},
				{
					name: 'US',
					description: 'US route',
					numberPattern: '^\\+1\\d{10}$',
					trunks: ['us1.contoso.com', 'us2.contoso.com'],
				},
				{
					name: 'Russia',
					description: 'Russian route',
					numberPattern: '^\\+7\\d+$',
					trunks: ['russia.contoso.com'],
				},
				{
					name: 'Global',
					description: 'Fallback route',
					numberPattern: '^\\+\\d+$',
					trunks: ['global.contoso.com'],
					callerIdOverride: '+1234567890',
				},
			],
		};
		const res = await raw(
			'POST',
			`/sip:testRoutesWithNumber?${PREVIEW}&targetPhoneNumber=%2B14251234567`,
			candidate,
			'application/json',
		);
		expect(res.status).toBe(200);
		expect(res.body.matchingRoutes.map((r: { name: string }) => r.name)).toEqual([
			'Seattle',
			'US',
			'Global',
		]);
		expect(res.body.matchingRoutes[2].callerIdOverride).toBe('+1234567890');
		// the candidate was not saved
		expect((await raw('GET', `/sip?${PREVIEW}`)).body.routes).toEqual([]);
		await raw('PATCH', `/sip?${PREVIEW}`, candidate);
		for (const number of [
			'+14251234567',
			'+12065550100',
			'+79161234567',
			'+4930123456',
			'+1425',
			'14251234567',
		]) {
			const stored = await raw(
				'POST',
				`/sip:testRoutesWithNumber?${PREVIEW}&targetPhoneNumber=${encodeURIComponent(number)}`,
			);
			const local = matchRoutes(candidate, number).matchingRoutes.map((r) => r.name);
			expect(stored.body.matchingRoutes.map((r: { name: string }) => r.name)).toEqual(local);
		}
		expect(
			(await raw('POST', `/sip:testRoutesWithNumber?${GA}&targetPhoneNumber=%2B1`)).status,
		).toBe(404);
		expect((await raw('POST', `/sip:testRoutesWithNumber?${PREVIEW}`)).status).toBe(400);
	});
});
