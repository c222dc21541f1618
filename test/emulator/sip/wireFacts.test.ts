/** Wire facts of the SIP routes that the emulator keeps, on its own code (no node code involved). */
import { withEmulator } from '../../support/emulator';
import { signedRequest } from './signedRequest';

const emulator = withEmulator();
const raw = (method: string, pathAndQuery: string, body?: unknown, contentType?: string) =>
	signedRequest(emulator(), method, pathAndQuery, body, contentType);

const GA = 'api-version=2023-03-01';
const PREVIEW = 'api-version=2024-11-15-preview';
const trunk = { 'sbc.contoso.com': { sipSignalingPort: 5061 } };

describe('PATCH /sip refusals', () => {
	const refused: [string, unknown, number, string][] = [
		['empty patch', {}, 422, 'EmptyPatch'],
		[
			'invalid FQDN',
			{ trunks: { 'sbc..contoso.com': { sipSignalingPort: 5061 } } },
			422,
			'InvalidTrunkFqdn',
		],
		[
			'port out of range',
			{ trunks: { 'sbc.contoso.com': { sipSignalingPort: 70000 } } },
			422,
			'InvalidTrunkSipSignalingPort',
		],
		[
			'invalid .NET pattern',
			{ routes: [{ name: 'R', numberPattern: 'a{2,1}', trunks: [] }] },
			422,
			'InvalidRouteNumberPattern',
		],
		[
			'unknown trunk',
			{ routes: [{ name: 'R', numberPattern: '^1', trunks: ['ghost.contoso.com'] }] },
			422,
			'MissingTrunk',
		],
		[
			'duplicated route',
			{
				routes: [
					{ name: 'R', numberPattern: '^1' },
					{ name: 'R', numberPattern: '^2' },
				],
			},
			400,
			'DuplicatedRoute',
		],
	];

	test.each(refused)(
		'%s: UnprocessableConfiguration with its inner code and no error.target key',
		async (_label, patch, status, innerCode) => {
			for (const version of [GA, PREVIEW]) {
				const res = await raw('PATCH', `/sip?${version}`, patch);
				expect(res.status).toBe(status);
				expect(res.body.error.code).toBe('UnprocessableConfiguration');
				expect(res.body.error.innererror.code).toBe(innerCode);
				expect(Object.keys(res.body.error)).not.toContain('target');
			}
		},
	);
});

describe('callerIdOverride on 2024-11-15-preview', () => {
	test('every route of GET and PATCH answers has it, null when unset; GA never shows it', async () => {
		const routes = [
			{
				name: 'Set',
				numberPattern: '^\\+1',
				trunks: ['sbc.contoso.com'],
				callerIdOverride: '+14255550100',
			},
			{ name: 'Unset', numberPattern: '^\\+44', trunks: ['sbc.contoso.com'] },
		];
		const patched = await raw('PATCH', `/sip?${PREVIEW}`, { trunks: trunk, routes });
		expect(
			patched.body.routes.map((r: { callerIdOverride?: unknown }) => r.callerIdOverride),
		).toEqual(['+14255550100', null]);
		const got = await raw('GET', `/sip?${PREVIEW}`);
		expect(got.body.routes).toEqual([routes[0], { ...routes[1], callerIdOverride: null }]);
		const ga = await raw('GET', `/sip?${GA}`);
		expect(ga.body.routes.every((r: object) => !('callerIdOverride' in r))).toBe(true);
	});
});

describe('testRoutesWithNumber with the emulator matcher', () => {
	const test_ = (number: string, candidate?: unknown) =>
		raw(
			'POST',
			`/sip:testRoutesWithNumber?${PREVIEW}&targetPhoneNumber=${encodeURIComponent(number)}`,
			candidate,
			'application/json',
		);

	test('every matching route in order, .NET semantics: ^+ repeats the anchor, $ before a final newline', async () => {
		await raw('PATCH', `/sip?${PREVIEW}`, {
			trunks: trunk,
			routes: [
				{ name: 'Sample', numberPattern: '^+[1-9][0-9]{3,23}$', trunks: ['sbc.contoso.com'] },
				{ name: 'US', numberPattern: '^\\+1\\d{10}$', trunks: ['sbc.contoso.com'] },
				{ name: 'Any', numberPattern: '\\d{4}', trunks: ['sbc.contoso.com'] },
			],
		});
		const names = async (number: string) =>
			(await test_(number)).body.matchingRoutes.map((r: { name: string }) => r.name);
		expect(await names('+14255550100')).toEqual(['US', 'Any']);
		expect(await names('14255550100')).toEqual(['Sample', 'Any']);
		expect(await names('+14255550100\n')).toEqual(['US', 'Any']);
		expect(await names('+1425')).toEqual(['Any']);
	});

	test('a catastrophic pattern for backtracking engines is answered (bounded work), and gives the .NET answer', async () => {
		const candidate = {
			trunks: trunk,
			routes: [{ name: 'Nested', numberPattern: '^\\+(\\d+)+$', trunks: ['sbc.contoso.com'] }],
		};
		const nearMiss = await test_(`+${'1'.repeat(30)}x`, candidate);
		expect(nearMiss.status).toBe(200);
		expect(nearMiss.body.matchingRoutes).toEqual([]);
		expect(
			(await test_(`+${'1'.repeat(30)}`, candidate)).body.matchingRoutes.map(
				(r: { name: string }) => r.name,
			),
		).toEqual(['Nested']);
	});

	test('a candidate whose sections have the wrong JSON type is refused as a bad body, not answered with a server error', async () => {
		for (const candidate of [
			{ routes: 'x' },
			{ trunks: 'x', routes: [] },
			{ domains: [1], routes: [] },
		]) {
			const res = await test_('+14255550100', candidate);
			expect([res.status, res.body.error.code, res.body.error.innererror?.code]).toEqual([
				422,
				'UnprocessableConfiguration',
				'InvalidRequestBody',
			]);
		}
	});

	test('a pattern outside the emulator subset, or too large to evaluate, is stored but not guessed: 501 naming the route', async () => {
		for (const numberPattern of ['^(?=\\+1)\\+\\d+$', '^(\\d|){100000}$']) {
			const routes = [{ name: 'Odd', numberPattern, trunks: ['sbc.contoso.com'] }];
			expect((await raw('PATCH', `/sip?${PREVIEW}`, { trunks: trunk, routes })).status).toBe(200);
			const res = await test_('+14255550100');
			expect(res.status).toBe(501);
			expect(res.body.error.message).toContain('"Odd"');
		}
	});
});
