/**
 * Hostile data: `__proto__`, `constructor` and `prototype` (and other Object.prototype names) as
 * trunk keys, route trunks, domains, ids and node inputs change nothing: no prototype pollution, no crash,
 * no phantom trunk or operation, no request that should not be sent. Both the nodes and the emulator are checked.
 */
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { phoneControl, received, runPhone, runSip } from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('hostileData');
const emulator = withEmulator({ seed });
const scan = new SecretScan();

const HOSTILE_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'__defineGetter__',
];
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const PREVIEW = '2024-11-15-preview';
const GOOD_TRUNK = { 'sbc1.contoso.com': { sipSignalingPort: 5061 } };
const GOOD_ROUTE = {
	name: 'All',
	numberPattern: '^\\+[1-9][0-9]{3,23}$',
	trunks: ['sbc1.contoso.com'],
};

/** Nothing was added to Object.prototype or Array.prototype by the run. */
function expectNoPollution(): void {
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
	const probe = {} as Record<string, unknown>;
	for (const name of ['sipSignalingPort', 'polluted', 'enabled', 'numberPattern', 'trunks'])
		expect(probe[name]).toBeUndefined();
	expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

async function seedGood(): Promise<void> {
	const answer = await signedRequest(
		emulator(),
		'PATCH',
		`/sip?api-version=${PREVIEW}`,
		JSON.stringify({ trunks: GOOD_TRUNK, routes: [GOOD_ROUTE] }),
		'application/merge-patch+json',
	);
	expect(answer.status).toBe(200);
	await emulator().control.clearRequestLog();
}

async function storedDocument(): Promise<any> {
	return (await signedRequest(emulator(), 'GET', `/sip?api-version=${PREVIEW}`)).json;
}

afterEach(() => expectNoPollution());

describe('SIP node: hostile keys in trunk maps, route trunks and domains', () => {
	it.each(HOSTILE_KEYS)(
		'a trunk keyed "%s" in Apply Desired State is refused by name, nothing is patched',
		async (key) => {
			await seedGood();
			const desiredState = `{"trunks": {"${key}": {"sipSignalingPort": 5061}, "sbc1.contoso.com": {"sipSignalingPort": 5061}}, "routes": [${JSON.stringify(GOOD_ROUTE)}]}`;
			const result = await runSip(emulator(), {
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState,
				dryRun: false,
			});
			scan.collectRun(`desired trunk ${key}`, result);
			expect(result.error?.message ?? '').toContain(key);
			expect((await received(emulator())).filter((line) => line.startsWith('PATCH'))).toEqual([]);
			const stored = await storedDocument();
			expect(Object.keys(stored.trunks)).toEqual(['sbc1.contoso.com']);
		},
	);

	it.each(HOSTILE_KEYS)(
		'a route using the unknown trunk "%s" is refused as an unknown trunk, nothing is sent',
		async (key) => {
			await seedGood();
			const result = await runSip(emulator(), {
				resource: 'route',
				operation: 'createOrUpdate',
				name: 'Hostile',
				numberPattern: '^\\+1[0-9]{10}$',
				trunks: `sbc1.contoso.com, ${key}`,
				position: 'last',
			});
			scan.collectRun(`route trunk ${key}`, result);
			expect(result.error?.message ?? '').toContain(key);
			expect((await received(emulator())).filter((line) => line.startsWith('PATCH'))).toEqual([]);
			expect((await storedDocument()).routes).toEqual([expect.objectContaining({ name: 'All' })]);
		},
	);

	it.each(HOSTILE_KEYS)(
		'a domain keyed "%s" in Apply Desired State (preview API) is refused by name',
		async (key) => {
			await seedGood();
			const desiredState = `{"domains": {"${key}": {"enabled": true}}}`;
			const result = await runSip(emulator(), {
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState,
				options: { apiVersion: PREVIEW },
			});
			scan.collectRun(`desired domain ${key}`, result);
			expect(result.error?.message ?? '').toContain(key);
			expect((await received(emulator())).filter((line) => line.startsWith('PATCH'))).toEqual([]);
			expect(Object.keys((await storedDocument()).domains ?? {})).toEqual([]);
		},
	);

	it.each(['__proto__', 'constructor'])(
		'Trunk -> Get of "%s" says there is no such trunk',
		async (key) => {
			await seedGood();
			const result = await runSip(emulator(), {
				resource: 'trunk',
				operation: 'get',
				trunk: { __rl: true, mode: 'fqdn', value: key },
			});
			scan.collectRun(`trunk get ${key}`, result);
			expect(result.items).toEqual([]);
			expect(result.error?.message ?? '').toMatch(new RegExp(`${key}.*|not a valid|no trunk`));
		},
	);
});

describe('Phone Numbers node: hostile ids', () => {
	it.each(['__proto__', 'constructor', 'prototype'])(
		'Long-Running Operation -> Get "%s" finds no operation',
		async (key) => {
			const result = await runPhone(emulator(), {
				resource: 'operation',
				operation: 'get',
				operationId: key,
			});
			scan.collectRun(`operation get ${key}`, result);
			expect(result.items).toEqual([]);
			expect(result.error).toBeDefined();
			expect(String(result.error?.httpCode ?? '')).toMatch(/^(404|400)$/);
		},
	);

	it('input items carrying __proto__ / constructor keys do not change what is sent or output', async () => {
		const inputItems = [
			JSON.parse(
				'{"__proto__": {"countryCode": "DE", "polluted": true}, "constructor": {"prototype": {"polluted": true}}, "n": 1}',
			),
		];
		const result = await runPhone(
			emulator(),
			{ resource: 'catalog', operation: 'listCountries' },
			{ inputItems },
		);
		scan.collectRun('input items', result);
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(3);
		expect(
			result.items.every((item) => (item.json as Record<string, unknown>).polluted === undefined),
		).toBe(true);
	});
});

describe('emulator: hostile keys and ids over the wire', () => {
	it.each(HOSTILE_KEYS)(
		'PATCH /sip with a trunk keyed "%s" is refused or ignored, never stored or crashing',
		async (key) => {
			await seedGood();
			const answer = await signedRequest(
				emulator(),
				'PATCH',
				`/sip?api-version=${PREVIEW}`,
				`{"trunks": {"${key}": {"sipSignalingPort": 5099}}}`,
				'application/merge-patch+json',
			);
			expect(answer.status).toBeLessThan(500);
			const stored = await storedDocument();
			expect(Object.keys(stored.trunks)).toEqual(['sbc1.contoso.com']);
			expect(stored.trunks['sbc1.contoso.com'].sipSignalingPort).toBe(5061);
			if (answer.status < 300)
				throw new Error(`PATCH with trunk "${key}" answered ${answer.status}: ${answer.text}`);
		},
	);

	it.each(HOSTILE_KEYS)(
		'PATCH /sip with a route using the unknown trunk "%s" is refused (422/400), routes unchanged',
		async (key) => {
			await seedGood();
			const route = { name: 'Hostile', numberPattern: '^\\+1', trunks: [key] };
			const answer = await signedRequest(
				emulator(),
				'PATCH',
				`/sip?api-version=${PREVIEW}`,
				JSON.stringify({ routes: [GOOD_ROUTE, route] }),
				'application/merge-patch+json',
			);
			expect([400, 422]).toContain(answer.status);
			expect((await storedDocument()).routes).toEqual([expect.objectContaining({ name: 'All' })]);
		},
	);

	it.each(HOSTILE_KEYS)(
		'PATCH /sip with a domain keyed "%s" is refused or ignored, never stored',
		async (key) => {
			const answer = await signedRequest(
				emulator(),
				'PATCH',
				`/sip?api-version=${PREVIEW}`,
				`{"domains": {"${key}": {"enabled": true}}}`,
				'application/merge-patch+json',
			);
			expect(answer.status).toBeLessThan(500);
			expect(Object.keys((await storedDocument()).domains ?? {})).toEqual([]);
			if (answer.status < 300)
				throw new Error(`PATCH with domain "${key}" answered ${answer.status}: ${answer.text}`);
		},
	);

	const idRoutes = (id: string): Array<[string, string, string?]> => [
		['GET', `/phoneNumbers/operations/${id}?api-version=2025-06-01`],
		['DELETE', `/phoneNumbers/operations/${id}?api-version=2025-06-01`],
		['GET', `/availablePhoneNumbers/searchResults/${id}?api-version=2025-06-01`],
		['GET', `/availablePhoneNumbers/reservations/${id}?api-version=2025-06-01`],
		['DELETE', `/availablePhoneNumbers/reservations/${id}?api-version=2025-06-01`],
		['POST', `/availablePhoneNumbers/reservations/${id}/:purchase?api-version=2025-06-01`, '{}'],
		[
			'POST',
			'/availablePhoneNumbers/:purchase?api-version=2025-06-01',
			JSON.stringify({ searchId: id }),
		],
	];
	it.each(
		HOSTILE_KEYS.flatMap((key) =>
			idRoutes(key).map(([method, path, body]) => [key, method, path, body] as const),
		),
	)('"%s": %s %s is a 4xx, and nothing is bought', async (_, method, path, body) => {
		const answer = await signedRequest(emulator(), method, path, body);
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.status).toBeLessThan(500);
		const ledger = await phoneControl(emulator(), 'GET', '/ledger');
		expect(ledger.boughtMoreThanOnce).toEqual([]);
		expect(ledger.totals.searches + ledger.totals.reservations).toBe(0);
	});
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});
