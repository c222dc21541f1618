import fc from 'fast-check';
import { applyMergePatch, applySipPatch } from '../../../../nodes/shared/acs/sip/mergePatch';
import {
	validateSipConfiguration,
	validateSipPatch,
} from '../../../../nodes/shared/acs/sip/configValidation';
import { matchRoutes } from '../../../../nodes/shared/acs/sip/routeMatcher';
import { compileDotnetRegex } from '../../../../nodes/shared/acs/sip/dotnetRegex';

describe('merge patch (RFC 7396)', () => {
	test('RFC 7396 appendix examples', () => {
		expect(applyMergePatch({ a: 'b' }, { a: 'c' }).value).toEqual({ a: 'c' });
		expect(applyMergePatch({ a: 'b' }, { b: 'c' }).value).toEqual({ a: 'b', b: 'c' });
		expect(applyMergePatch({ a: 'b' }, { a: null }).value).toEqual({});
		expect(applyMergePatch({ a: ['b'] }, { a: 'c' }).value).toEqual({ a: 'c' });
		expect(applyMergePatch({ a: 'c' }, { a: ['b'] }).value).toEqual({ a: ['b'] });
		expect(applyMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } }).value).toEqual({
			a: { b: 'd' },
		});
		expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] }).value).toEqual({ a: [1] });
		expect(applyMergePatch({}, { a: { bb: { ccc: null } } }).value).toEqual({ a: { bb: {} } });
		expect(applyMergePatch({ a: 'foo' }, 'bar').value).toBe('bar');
	});

	test('SIP: null deletes a trunk, routes replace, other trunks untouched, input not mutated', () => {
		const current = {
			trunks: { 'a.x.com': { sipSignalingPort: 1 }, 'b.x.com': { sipSignalingPort: 2 } },
			routes: [{ name: 'R', numberPattern: '1', trunks: [] }],
		};
		const snapshot = JSON.stringify(current);
		const { value } = applySipPatch(current, { trunks: { 'a.x.com': null }, routes: [] });
		expect(value).toEqual({ trunks: { 'b.x.com': { sipSignalingPort: 2 } }, routes: [] });
		expect(JSON.stringify(current)).toBe(snapshot);
	});

	test('hostile keys change nothing and are reported', () => {
		const hostile = JSON.parse(
			'{"__proto__":{"polluted":1},"trunks":{"constructor":{"prototype":{"polluted":1}},"__proto__":{"x":1}}}',
		);
		const result = applyMergePatch<Record<string, any>>({ trunks: {} }, hostile);
		expect(({} as any).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
		expect(result.value.trunks.x).toBeUndefined();
		expect(result.ignoredKeys.sort()).toEqual(
			['__proto__', 'trunks.__proto__', 'trunks.constructor'].sort(),
		);
	});
});

describe('configuration validation: codes, statuses, offending names', () => {
	const valid = {
		trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } },
		routes: [{ name: 'R', numberPattern: '^\\+1\\d+$', trunks: ['sbc.contoso.com'] }],
	};
	test('a valid document has no issue', () => expect(validateSipConfiguration(valid)).toEqual([]));

	test.each([
		[{ trunks: { ['x'.repeat(250) + '.com']: { sipSignalingPort: 1 } } }, 'InvalidTrunkFqdn', 422],
		[
			{ trunks: { 'sbc.contoso.com': { sipSignalingPort: 0 } } },
			'InvalidTrunkSipSignalingPort',
			422,
		],
		[
			{ trunks: { 'sbc.contoso.com': { sipSignalingPort: 1.5 } } },
			'InvalidTrunkSipSignalingPort',
			422,
		],
		[
			{ routes: [{ name: 'n'.repeat(257), numberPattern: '1', trunks: [] }] },
			'InvalidRouteName',
			422,
		],
		[
			{ routes: [{ name: 'R', numberPattern: '1'.repeat(1025), trunks: [] }] },
			'InvalidRouteNumberPattern',
			422,
		],
		[
			{ routes: [{ name: 'R', numberPattern: '1', description: 'd'.repeat(1025), trunks: [] }] },
			'InvalidRouteDescription',
			422,
		],
		[
			{ routes: [{ name: 'R', numberPattern: '1', trunks: ['gone.contoso.com'] }] },
			'MissingTrunk',
			422,
		],
		[
			{
				routes: [
					{ name: 'R', numberPattern: '1' },
					{ name: 'R', numberPattern: '2' },
				],
			},
			'DuplicatedRoute',
			400,
		],
		[
			{
				trunks: { 'a.b.com': { sipSignalingPort: 1 } },
				routes: [{ name: 'R', numberPattern: '1', trunks: ['a.b.com', 'a.b.com'] }],
			},
			'RouteWithDuplicatedTrunk',
			400,
		],
		[
			{ routes: Array.from({ length: 251 }, (_, i) => ({ name: `R${i}`, numberPattern: '1' })) },
			'TooManyRoutes',
			422,
		],
		[
			{
				trunks: Object.fromEntries(
					Array.from({ length: 251 }, (_, i) => [`t${i}.contoso.com`, { sipSignalingPort: 1 }]),
				),
			},
			'TooManyTrunks',
			422,
		],
	])('%#: %s', (config, code, status) => {
		const issues = validateSipConfiguration(config as never);
		expect(issues.map((i) => [i.code, i.httpStatus])).toContainEqual([code, status]);
	});

	test('messages name the offending trunk and route', () => {
		const issues = validateSipConfiguration({
			routes: [{ name: 'Seattle', numberPattern: '1', trunks: ['gone.contoso.com'] }],
		});
		expect(issues[0].message).toContain('Seattle');
		expect(issues[0].message).toContain('gone.contoso.com');
		expect(issues[0].target).toBe('routes/Seattle');
	});

	test('patch-level rules: empty patch, new trunk without port, deleting a trunk in use', () => {
		const check = (patch: unknown) =>
			validateSipPatch(valid, patch, applySipPatch(valid, patch as never).value).map((i) => i.code);
		expect(check({})).toEqual(['EmptyPatch']);
		expect(check({ trunks: {} })).toEqual(['EmptyPatch']);
		expect(check({ trunks: { 'new.contoso.com': {} } })).toContain('InvalidTrunkSipSignalingPort');
		const deletion = validateSipPatch(
			valid,
			{ trunks: { 'sbc.contoso.com': null } },
			applySipPatch(valid, { trunks: { 'sbc.contoso.com': null } }).value,
		);
		expect(deletion[0].code).toBe('MissingTrunk');
		expect(deletion[0].message).toMatch(/sbc\.contoso\.com cannot be deleted: route "R"/);
		expect(check({ routes: [] })).toEqual([]);
	});
});

describe('route matcher', () => {
	const config = {
		routes: [
			{
				name: 'Seattle',
				numberPattern: '^\\+1(425|206)\\d{7}$',
				trunks: ['sea1.x.com', 'sea2.x.com'],
			},
			{ name: 'Broken', numberPattern: '(' },
			{ name: 'US', numberPattern: '^\\+1\\d{10}$', trunks: ['us.x.com'] },
			{ name: 'Global', numberPattern: '^\\+\\d+$', trunks: ['g.x.com'] },
		],
	};
	test('every match in order, first one handles the call with its trunks in order', () => {
		const result = matchRoutes(config, '+14251234567');
		expect(result.matchingRoutes.map((r) => r.name)).toEqual(['Seattle', 'US', 'Global']);
		expect(result.selectedRoute?.name).toBe('Seattle');
		expect(result.trunks).toEqual(['sea1.x.com', 'sea2.x.com']);
		expect(result.unevaluated.map((u) => u.route.name)).toEqual(['Broken']);
		expect(matchRoutes(config, 'nothing').selectedRoute).toBeUndefined();
	});

	test('property: for random E.164 numbers, matches agree with the compiled patterns and keep order', () => {
		const patterns = [
			'^\\+1\\d{10}$',
			'^+1\\d+$',
			'^\\+44\\d{9,10}$',
			'^\\+\\d{7,15}$',
			'\\d{4}$',
			'^\\+(?:1|7)\\d*$',
			'^\\+[2-9]',
		];
		const routes = patterns.map((p, i) => ({ name: `P${i}`, numberPattern: p }));
		fc.assert(
			fc.property(fc.stringMatching(/^\+?[1-9]\d{0,15}$/), (number) => {
				const names = matchRoutes({ routes }, number).matchingRoutes.map((r) => r.name);
				const expected = routes
					.filter((r) => compileDotnetRegex(r.numberPattern).regex!.test(number))
					.map((r) => r.name);
				expect(names).toEqual(expected);
				// a pattern with an escaped plus never matches a number without it
				if (!number.startsWith('+')) expect(names).not.toContain('P0');
			}),
			{ numRuns: 300 },
		);
	});
});
