/**
 * Bad input: invalid E.164 numbers, country codes, GUIDs, quantities, costs, FQDNs, ports, route
 * names and patterns, duplicate and unknown trunks, oversize lists and JSON that is not an object are refused
 * with a clear error naming what is wrong, and nothing is sent: the emulator's request log stays empty (cases
 * that must first read the stored SIP document to know the trunks send that one GET and no change).
 */
import type { INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { TOLL_FREE_SEARCH } from '../support/fixtures';
import { reportFigures } from './support/figures';
import { reliabilitySeed } from './support/seed';
import { received, runPhone, runSip } from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('badInput');
const emulator = withEmulator({ seed });
const scan = new SecretScan();

type Node = 'phone' | 'sip';
interface BadInput {
	what: string;
	node: Node;
	parameters: INodeParameters;
	/** The error (message + description) must match. */
	error: RegExp;
	/** 'nothing' (default), or 'read' when the SIP document must be read to judge (one GET /sip, no change). */
	sends?: 'nothing' | 'read';
}

const GUID = '6f0c7a3e-1b2d-4c5e-8f9a-0b1c2d3e4f5a';
const search = (overrides: INodeParameters): INodeParameters => ({
	resource: 'availableNumber',
	operation: 'search',
	...TOLL_FREE_SEARCH,
	...overrides,
});
const purchase = (overrides: INodeParameters): INodeParameters => ({
	...search({ operation: 'searchAndPurchase' }),
	maxMonthlyCostPerNumber: 10,
	maxTotalMonthlyCost: 100,
	costCurrency: 'USD',
	...overrides,
});
/** Values arrive through an expression, as in unattended workflows: the node's own validation must refuse them. */
const fromItem = (value: string) => `={{ ${JSON.stringify(value)} }}`;
const numberGet = (value: string): INodeParameters => ({
	resource: 'phoneNumber',
	operation: 'get',
	phoneNumber: { __rl: true, mode: 'id', value: fromItem(value) },
});
const trunk = (fqdn: string, sipSignalingPort: number): INodeParameters => ({
	resource: 'trunk',
	operation: 'createOrUpdate',
	fqdn,
	sipSignalingPort,
});
const route = (overrides: INodeParameters): INodeParameters => ({
	resource: 'route',
	operation: 'createOrUpdate',
	name: 'US',
	numberPattern: '^\\+1[0-9]{10}$',
	trunks: 'sbc1.contoso.com',
	position: 'last',
	...overrides,
});
const routesJson = (routesJson: string): INodeParameters => ({
	resource: 'route',
	operation: 'replaceAll',
	source: 'json',
	routesJson,
});
const trunksJson = (trunksJson: string): INodeParameters => ({
	resource: 'trunk',
	operation: 'replaceAll',
	source: 'json',
	trunksJson,
});
const desired = (desiredState: string): INodeParameters => ({
	resource: 'configuration',
	operation: 'applyDesiredState',
	desiredState,
});
const manyRoutes = (count: number) =>
	JSON.stringify(
		Array.from({ length: count }, (_, i) => ({
			name: `r${i}`,
			numberPattern: '^\\+1',
			trunks: ['sbc1.contoso.com'],
		})),
	);
const manyTrunks = (count: number) =>
	JSON.stringify(
		Object.fromEntries(
			Array.from({ length: count }, (_, i) => [`sbc${i}.contoso.com`, { sipSignalingPort: 5061 }]),
		),
	);

const PHONE = /Phone Number|E\.164/;
const CASES: BadInput[] = [
	// E.164
	{ what: 'E.164 without +', node: 'phone', parameters: numberGet('0014255550100x'), error: PHONE },
	{
		what: 'E.164 with letters',
		node: 'phone',
		parameters: numberGet('+1425555O100'),
		error: PHONE,
	},
	{
		what: 'E.164 starting with +0',
		node: 'phone',
		parameters: numberGet('+04255550100'),
		error: PHONE,
	},
	{
		what: 'E.164 too long (16 digits)',
		node: 'phone',
		parameters: numberGet('+1425555010012345'),
		error: PHONE,
	},
	{ what: 'E.164 empty', node: 'phone', parameters: numberGet(' '), error: PHONE },
	{
		what: 'E.164 empty, typed in the editor',
		node: 'phone',
		parameters: {
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumber: { __rl: true, mode: 'id', value: '' },
		},
		error: PHONE,
	},
	{ what: 'E.164 only +', node: 'phone', parameters: numberGet('+'), error: PHONE },
	{
		what: 'operator lookup with one bad number in the list',
		node: 'phone',
		parameters: {
			resource: 'operatorInformation',
			operation: 'lookUp',
			phoneNumbers: '+14255550100, 12ab',
		},
		error: /Phone Numbers|E\.164/,
	},
	{
		what: 'release of a non-number',
		node: 'phone',
		parameters: {
			resource: 'phoneNumber',
			operation: 'release',
			phoneNumber: { __rl: true, mode: 'id', value: fromItem('abc') },
		},
		error: PHONE,
	},
	{
		what: 'capabilities update of a non-number',
		node: 'phone',
		parameters: {
			resource: 'phoneNumber',
			operation: 'updateCapabilities',
			phoneNumber: { __rl: true, mode: 'id', value: fromItem('+1-425') },
			callingCapability: 'inbound',
			smsCapability: 'none',
		},
		error: PHONE,
	},
	// country codes
	{
		what: 'country code of three letters',
		node: 'phone',
		parameters: search({ countryCode: 'USA' }),
		error: /Country/,
	},
	{
		what: 'country code with a digit',
		node: 'phone',
		parameters: search({ countryCode: 'U1' }),
		error: /Country/,
	},
	{
		what: 'country code empty',
		node: 'phone',
		parameters: search({ countryCode: '' }),
		error: /Country/,
	},
	{
		what: 'country code that is no ISO country',
		node: 'phone',
		parameters: search({ countryCode: 'XZ' }),
		error: /Country/,
	},
	// GUIDs and ids
	{
		what: 'search id that is not a GUID',
		node: 'phone',
		parameters: { resource: 'availableNumber', operation: 'getSearchResult', searchId: 'abc-123' },
		error: /Search ID|GUID/,
	},
	{
		what: 'search id to purchase, empty',
		node: 'phone',
		parameters: {
			resource: 'availableNumber',
			operation: 'purchaseSearch',
			searchId: '',
			maxMonthlyCostPerNumber: 1,
			maxTotalMonthlyCost: 1,
			costCurrency: 'USD',
		},
		error: /Search ID|GUID|required/,
	},
	{
		what: 'reservation id with a brace',
		node: 'phone',
		parameters: { resource: 'reservation', operation: 'get', reservationId: `{${GUID}}` },
		error: /Reservation ID|GUID/,
	},
	{
		what: 'reservation id one digit short',
		node: 'phone',
		parameters: { resource: 'reservation', operation: 'delete', reservationId: GUID.slice(1) },
		error: /Reservation ID|GUID/,
	},
	{
		what: 'operation id with a slash',
		node: 'phone',
		parameters: {
			resource: 'operation',
			operation: 'get',
			operationId: 'purchase_x/../../phoneNumbers',
		},
		error: /Operation ID/,
	},
	{
		what: 'operation id with a space',
		node: 'phone',
		parameters: {
			resource: 'operation',
			operation: 'waitForCompletion',
			operationId: 'search 1',
			timeoutSeconds: 5,
		},
		error: /Operation ID/,
	},
	// quantities
	{ what: 'quantity 0', node: 'phone', parameters: search({ quantity: 0 }), error: /Quantity/ },
	{
		what: 'quantity negative',
		node: 'phone',
		parameters: search({ quantity: -3 }),
		error: /Quantity/,
	},
	{
		what: 'quantity fractional',
		node: 'phone',
		parameters: search({ quantity: 1.5 }),
		error: /Quantity/,
	},
	{
		what: 'quantity beyond int32',
		node: 'phone',
		parameters: search({ quantity: 2147483648 }),
		error: /Quantity/,
	},
	// costs
	{
		what: 'negative cost per number',
		node: 'phone',
		parameters: purchase({ maxMonthlyCostPerNumber: -1 }),
		error: /Max Monthly Cost per Number/,
	},
	{
		what: 'negative total cost',
		node: 'phone',
		parameters: purchase({ maxTotalMonthlyCost: -0.01 }),
		error: /Max Total Monthly Cost/,
	},
	{
		what: 'cost that is not a number',
		node: 'phone',
		parameters: purchase({ maxTotalMonthlyCost: Number.NaN }),
		error: /Max Total Monthly Cost/,
	},
	{
		what: 'currency of two letters',
		node: 'phone',
		parameters: purchase({ costCurrency: 'US' }),
		error: /Currency/,
	},
	{
		what: 'currency with a digit',
		node: 'phone',
		parameters: purchase({ costCurrency: 'US1' }),
		error: /Currency/,
	},
	// FQDNs
	{ what: 'FQDN of one label', node: 'sip', parameters: trunk('sbc', 5061), error: /Trunk FQDN/ },
	{
		what: 'FQDN with an underscore',
		node: 'sip',
		parameters: trunk('sbc_1.contoso.com', 5061),
		error: /Trunk FQDN/,
	},
	{
		what: 'FQDN with an empty label',
		node: 'sip',
		parameters: trunk('sbc..contoso.com', 5061),
		error: /Trunk FQDN/,
	},
	{
		what: 'FQDN with a leading hyphen',
		node: 'sip',
		parameters: trunk('-sbc.contoso.com', 5061),
		error: /Trunk FQDN/,
	},
	{
		what: 'FQDN of 250 characters',
		node: 'sip',
		parameters: trunk(
			`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(63)}.com`,
			5061,
		),
		error: /Trunk FQDN/,
	},
	{
		what: 'FQDN with a label of 64 characters',
		node: 'sip',
		parameters: trunk(`${'a'.repeat(64)}.contoso.com`, 5061),
		error: /Trunk FQDN/,
	},
	{
		what: 'FQDN that is a URL',
		node: 'sip',
		parameters: trunk('https://sbc1.contoso.com', 5061),
		error: /Trunk FQDN/,
	},
	// ports
	{
		what: 'port 0',
		node: 'sip',
		parameters: trunk('sbc1.contoso.com', 0),
		error: /SIP Signaling Port/,
	},
	{
		what: 'port 65536',
		node: 'sip',
		parameters: trunk('sbc1.contoso.com', 65536),
		error: /SIP Signaling Port/,
	},
	{
		what: 'port negative',
		node: 'sip',
		parameters: trunk('sbc1.contoso.com', -5061),
		error: /SIP Signaling Port/,
	},
	{
		what: 'port fractional',
		node: 'sip',
		parameters: trunk('sbc1.contoso.com', 5061.5),
		error: /SIP Signaling Port/,
	},
	// route names and patterns
	{ what: 'route name empty', node: 'sip', parameters: route({ name: '' }), error: /Route Name/ },
	{
		what: 'route name of 257 characters',
		node: 'sip',
		parameters: route({ name: 'n'.repeat(257) }),
		error: /Route Name/,
	},
	{
		what: 'number pattern empty',
		node: 'sip',
		parameters: route({ numberPattern: '' }),
		error: /Number Pattern/,
	},
	{
		what: 'number pattern of 1025 characters',
		node: 'sip',
		parameters: route({ numberPattern: `^${'1'.repeat(1024)}` }),
		error: /Number Pattern/,
	},
	{
		what: 'two routes with the same name (JSON)',
		node: 'sip',
		parameters: routesJson(
			JSON.stringify([
				{ name: 'A', numberPattern: '^\\+1', trunks: ['sbc1.contoso.com'] },
				{ name: 'A', numberPattern: '^\\+4', trunks: ['sbc1.contoso.com'] },
			]),
		),
		error: /"A"|unique|twice|duplicate/i,
	},
	// duplicate and unknown trunks
	{
		what: 'the same trunk twice in a route',
		node: 'sip',
		parameters: route({ trunks: 'sbc1.contoso.com, sbc1.contoso.com' }),
		error: /sbc1\.contoso\.com/,
	},
	{
		what: 'a route using an unknown trunk',
		node: 'sip',
		parameters: route({ trunks: 'sbc9.contoso.com' }),
		error: /sbc9\.contoso\.com/,
		sends: 'read',
	},
	{
		what: 'a trunk listed twice in Replace All (JSON list)',
		node: 'sip',
		parameters: trunksJson(
			JSON.stringify([
				{ fqdn: 'sbc1.contoso.com', sipSignalingPort: 5061 },
				{ fqdn: 'SBC1.contoso.com', sipSignalingPort: 5062 },
			]),
		),
		error: /sbc1\.contoso\.com|twice|duplicate/i,
	},
	{
		what: 'desired state routing to a trunk it does not define',
		node: 'sip',
		parameters: desired(
			JSON.stringify({
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
				routes: [{ name: 'X', numberPattern: '^\\+1', trunks: ['sbc7.contoso.com'] }],
			}),
		),
		error: /sbc7\.contoso\.com/,
		sends: 'read',
	},
	// oversize lists
	{ what: '251 routes', node: 'sip', parameters: routesJson(manyRoutes(251)), error: /250/ },
	{ what: '251 trunks', node: 'sip', parameters: trunksJson(manyTrunks(251)), error: /250/ },
	{
		what: '251 trunks in a desired state',
		node: 'sip',
		parameters: desired(`{"trunks": ${manyTrunks(251)}}`),
		error: /250/,
	},
	// JSON that is not an object
	{
		what: 'desired state that is an array',
		node: 'sip',
		parameters: desired('[]'),
		error: /Desired State/,
	},
	{
		what: 'desired state that is a string',
		node: 'sip',
		parameters: desired('"trunks"'),
		error: /Desired State/,
	},
	{
		what: 'desired state that is a number',
		node: 'sip',
		parameters: desired('42'),
		error: /Desired State/,
	},
	{
		what: 'desired state that is null',
		node: 'sip',
		parameters: desired('null'),
		error: /Desired State/,
	},
	{
		what: 'desired state that is not JSON',
		node: 'sip',
		parameters: desired('{trunks: 1'),
		error: /Desired State.*JSON|not valid JSON/,
	},
	{
		what: 'desired state with an unknown section',
		node: 'sip',
		parameters: desired('{"trunk": {}}'),
		error: /Desired State.*"trunk"/,
	},
	{
		what: 'routes JSON that is an object of numbers',
		node: 'sip',
		parameters: routesJson('{"a": 1}'),
		error: /Routes \(JSON\)/,
	},
	{
		what: 'trunks JSON that is a list of numbers',
		node: 'sip',
		parameters: trunksJson('[1, 2]'),
		error: /Trunks \(JSON\)/,
	},
	{
		what: 'candidate configuration that is an array',
		node: 'sip',
		parameters: {
			resource: 'configuration',
			operation: 'testNumber',
			phoneNumber: '+14255550100',
			configurationSource: 'candidate',
			candidateConfiguration: '[1]',
			checkWithService: false,
		},
		error: /Candidate|Configuration/,
	},
];

const outcomes: Array<{ what: string; refused: boolean; silent: boolean }> = [];

beforeEach(async () => {
	const seeded = await signedRequest(
		emulator(),
		'PATCH',
		'/sip?api-version=2023-03-01',
		JSON.stringify({
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'All', numberPattern: '^\\+1', trunks: ['sbc1.contoso.com'] }],
		}),
		'application/merge-patch+json',
	);
	expect(seeded.status).toBe(200);
	await emulator().control.clearRequestLog();
});

/**
 * Runs the node; n8n itself refuses a run whose typed-in parameters break the description's rules (required,
 * resource-locator format) with WorkflowHasIssuesError before the node starts: that counts as a refusal too.
 */
async function attempt(
	c: BadInput,
): Promise<{ refusal?: { name: string; text: string }; items: unknown[] }> {
	const run = c.node === 'phone' ? runPhone : runSip;
	try {
		const result = await run(emulator(), c.parameters);
		scan.collectRun(c.what, result);
		const error = result.error;
		return {
			items: result.items,
			refusal: error && {
				name: error.name ?? '',
				text: `${error.message} ${error.description ?? ''}`,
			},
		};
	} catch (error) {
		scan.collect(c.what, error);
		if ((error as Error).name !== 'WorkflowHasIssuesError') throw error;
		return { items: [], refusal: { name: 'NodeOperationError', text: (error as Error).message } };
	}
}

it.each(CASES.map((c) => [c.node, c.what, c] as const))(
	'%s: %s is refused with a clear error, nothing sent',
	async (_, what, c) => {
		const { refusal, items } = await attempt(c);
		const sent = await received(emulator());
		const text = refusal?.text ?? '';
		outcomes.push({
			what,
			refused: refusal !== undefined && c.error.test(text),
			silent: sent.length === (c.sends === 'read' ? 1 : 0),
		});
		expect(items).toEqual([]);
		expect(refusal?.name).toBe('NodeOperationError');
		expect(text).toMatch(c.error);
		expect(sent).toEqual(c.sends === 'read' ? ['GET /sip'] : []);
	},
);

it('tried at least 40 bad inputs, and reports the figures', () => {
	expect(outcomes.length).toBe(CASES.length);
	expect(CASES.length).toBeGreaterThanOrEqual(40);
	reportFigures('badInput', {
		seed,
		badInputsTried: outcomes.length,
		refusedClearly: outcomes.filter((o) => o.refused).length,
		refusedWithNothingSent: outcomes.filter((o) => o.refused && o.silent).length,
		notRefusedAsExpected: outcomes.filter((o) => !o.refused || !o.silent).map((o) => o.what),
	});
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});
