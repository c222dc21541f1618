/**
 * A hostile or broken service answers GET /sip with a document the service itself could never hold: 200,000
 * routes, routes that are not a list, trunks that are not a map. Every SIP operation that reads the document ends
 * with a specific error at once, before any planning, and sends no change.
 */
import type { INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { received, runSip } from './support/nodes';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

const seed = reliabilitySeed('hostileSipDocument');
const emulator = withEmulator({ seed });

const route = (n: number) => ({
	name: `r${n}`,
	numberPattern: `^\\+1${n}$`,
	trunks: ['sbc1.contoso.com'],
});
const trunks = { 'sbc1.contoso.com': { sipSignalingPort: 5061 } };

const HOSTILE_DOCUMENTS: Array<[string, unknown, RegExp]> = [
	[
		'200,000 routes',
		{ trunks, routes: Array.from({ length: 200_000 }, (_, n) => route(n)) },
		/200000 routes.*at most 250/,
	],
	[
		'300 trunks',
		{
			trunks: Object.fromEntries(
				Array.from({ length: 300 }, (_, n) => [`sbc${n}.contoso.com`, { sipSignalingPort: 5061 }]),
			),
			routes: [],
		},
		/300 trunks.*at most 250/,
	],
	['routes that are not a list', { trunks, routes: { r: route(1) } }, /"routes" is not a list/],
	['trunks that are a list', { trunks: [trunks], routes: [] }, /"trunks" is not a map/],
	[
		'a route that is not an object',
		{ trunks, routes: [route(1), 'x'] },
		/route 2 is not an object/,
	],
	['a document that is not an object', 'hello', /not a JSON object/],
	[
		'a route naming a trunk the document does not have',
		{ trunks, routes: [{ ...route(1), trunks: ['ghost.contoso.com'] }] },
		/route 1 \("r1"\) uses the trunk "ghost.contoso.com", which is not in the trunks/,
	],
	[
		'a route with 100,000 trunks',
		{
			trunks,
			routes: [{ ...route(1), trunks: Array.from({ length: 100_000 }, () => 'sbc1.contoso.com') }],
		},
		/route 1 .* lists 100000 trunks, while the service allows at most 250/,
	],
	[
		'a number pattern that is not text',
		{ trunks, routes: [{ ...route(1), numberPattern: 42 }] },
		/route 1 .*"numberPattern" is not text/,
	],
	[
		'a route name that is not text',
		{ trunks, routes: [{ ...route(1), name: 7 }] },
		/route 1 .*"name" is not text/,
	],
	[
		'route trunks that are not a list',
		{ trunks, routes: [{ ...route(1), trunks: 'sbc1.contoso.com' }] },
		/route 1 .*"trunks" is not a list of trunk names/,
	],
	[
		'a trunk that is not an object',
		{ trunks: { 'sbc1.contoso.com': 'x' }, routes: [] },
		/trunk "sbc1.contoso.com" is not an object/,
	],
];

const OPERATIONS: Array<[string, INodeParameters]> = [
	[
		'Route Create or Update',
		{
			resource: 'route',
			operation: 'createOrUpdate',
			name: 'New',
			numberPattern: '^\\+1[0-9]{10}$',
			trunks: 'sbc1.contoso.com',
			position: 'last',
		},
	],
	[
		'Apply Desired State',
		{
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({ trunks, routes: [route(1)] }),
			dryRun: false,
		},
	],
	['Configuration Get', { resource: 'configuration', operation: 'get' }],
];

let proxy: RewritingProxy;
let answer: unknown;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (upstream) => {
		if (upstream.method !== 'GET' || !upstream.url.startsWith('/sip')) return undefined;
		return {
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(answer),
		};
	});
});
afterAll(async () => proxy.close());

describe.each(HOSTILE_DOCUMENTS)('GET /sip answers %s', (_label, document, expected) => {
	it.each(OPERATIONS)(
		'%s ends with a specific error and sends no change',
		async (_name, parameters) => {
			answer = document;
			const result = await runSip(emulator(), parameters, { endpoint: proxy.endpoint });
			expect(result.error?.message ?? '').toMatch(
				/The service answered a SIP configuration this node cannot use/,
			);
			expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(expected);
			expect((await received(emulator())).filter((line) => !line.startsWith('GET'))).toEqual([]);
		},
	);
});
