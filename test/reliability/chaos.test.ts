/**
 * Chaos run (issue 8.1): more than 1,000 operations across both nodes through the real n8n engine while the
 * emulator faults more than 10% of requests (429 with and without Retry-After, 500/502/503/504, connection
 * resets, slow answers, HTML error pages) and some LROs fail or never finish. Every execution uses
 * continueOnFail, so every item ends in a success or an error item. Invariants (from the emulator's ledger and
 * state): nothing bought twice; every error names what happened; no execution runs past its time bound; the
 * final state matches what the items reported. Seeded: RELIABILITY_SEED replays the same faults and choices.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RunningEmulator } from '../../emulator';
import { withEmulator } from '../support/emulator';
import { reportFigures } from './support/figures';
import { pick, reliabilitySeed, seededRandom } from './support/seed';
import { phoneControl, runPhone, runSip } from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('chaos');
const random = seededRandom(seed);
const emulator = withEmulator({ seed });
const scan = new SecretScan();

const ROUNDS = 10;
const LRO_TIMEOUT_S = 3;
const LIMITS = { maxMonthlyCostPerNumber: 10, maxTotalMonthlyCost: 100, costCurrency: 'USD' };
const TOLL_FREE = { countryCode: 'US', phoneNumberType: 'tollFree', assignmentType: 'application', callingCapability: 'outbound', smsCapability: 'none' };
const ACS_PATHS = '^/(phoneNumbers|availablePhoneNumbers|operatorInformation|sip)';
const FAULTS = [
	{ type: 'status', status: 429, code: 'TooManyRequests', ratio: 0.03 },
	{ type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 1, ratio: 0.01 },
	{ type: 'status', status: 500, code: 'InternalServerError', ratio: 0.02 },
	{ type: 'status', status: 502, code: 'BadGateway', ratio: 0.02 },
	{ type: 'status', status: 503, ratio: 0.02 },
	{ type: 'status', status: 504, code: 'GatewayTimeout', ratio: 0.02 },
	{ type: 'reset', ratio: 0.015 },
	{ type: 'html', ratio: 0.015 },
	{ type: 'delay', delayMs: 400, ratio: 0.02 },
] as const;

/** An error item names what happened: an HTTP status, an ACS or network code, a timeout, or a purchase verdict. */
const SPECIFIC_ERROR =
	/\b(429|50[0234])\b|ECONNRESET|ECONNREFUSED|socket|HTML|did not finish within|Not purchased|not sent again|Gave up|ChaosFailure|[A-Z][A-Za-z]+: |timed? ?out/;

interface ExecutionRecord {
	kind: string;
	items: IDataObject[];
	inputs: IDataObject[];
	ms: number;
	boundMs: number;
}
const executions: ExecutionRecord[] = [];
let requests = 0;
let faulted = 0;

async function execute(kind: string, run: () => Promise<{ items: Array<{ json: IDataObject }>; error?: unknown }>, inputs: IDataObject[], boundMs: number) {
	const started = Date.now();
	const result = await run();
	scan.collectRun(kind, result as never);
	const record: ExecutionRecord = { kind, items: result.items.map((item) => item.json), inputs, ms: Date.now() - started, boundMs };
	if (result.error) record.items = [{ error: `execution failed: ${(result.error as Error).message}` }];
	executions.push(record);
	return record;
}

const perItemBound = (lro: boolean) => (lro ? (LRO_TIMEOUT_S + 12) * 1000 : 10_000);

async function countRequests(emu: RunningEmulator): Promise<void> {
	const log = await emu.control.requestLog();
	requests += log.length;
	faulted += log.filter((entry) => (entry as { fault?: string }).fault).length;
	await emu.control.clearRequestLog();
}

async function round(emu: RunningEmulator, index: number, owned: string[]): Promise<void> {
	// LROs that fail or never finish, for some operations of this round.
	await phoneControl(emu, 'POST', '/lro/next', { operationType: pick(random, ['search', 'purchase', 'updatePhoneNumberCapabilities', 'releasePhoneNumber', 'reservationPurchase']), count: 1, outcome: 'fail', runningMs: 20, error: { code: 'ChaosFailure', message: 'The chaos run failed this operation.' } });
	await phoneControl(emu, 'POST', '/lro/next', { operationType: pick(random, ['search', 'updatePhoneNumberCapabilities', 'releasePhoneNumber']), count: 1, outcome: 'never' });

	const lookUps = Array.from({ length: 40 }, (_, i) => ({ n: `+1425${String(5550000 + index * 100 + i)}` }));
	const gets = owned.slice(index * 30, index * 30 + 30).map((n) => ({ n }));
	const capabilityItems = owned.slice(300 + index * 10, 300 + index * 10 + 10).map((n) => ({ n, calling: pick(random, ['inbound', 'outbound', 'inbound+outbound']) }));
	const releaseItems = owned.slice(400 + index * 5, 400 + index * 5 + 5).map((n) => ({ n }));
	const trunkItems = Array.from({ length: 10 }, (_, i) => ({ fqdn: `sbc${i}.round${index}.contoso.com`, port: 5000 + Math.floor(random() * 1000) }));
	const fromItem = '={{ $json.n }}';

	const search = execute('search', () => runPhone(emu, { resource: 'availableNumber', operation: 'search', ...TOLL_FREE, quantity: 1, waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true, inputItems: [{}, {}, {}] }), [{}, {}, {}], 3 * perItemBound(true));
	const browse = execute('browse', () => runPhone(emu, { resource: 'availableNumber', operation: 'browse', ...TOLL_FREE }, { continueOnFail: true }), [{}], perItemBound(false));
	await Promise.all([
		search,
		browse,
		execute('lookUp', () => runPhone(emu, { resource: 'operatorInformation', operation: 'lookUp', phoneNumbers: fromItem }, { continueOnFail: true, inputItems: lookUps }), lookUps, lookUps.length * perItemBound(false)),
		execute('get', () => runPhone(emu, { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: fromItem } }, { continueOnFail: true, inputItems: gets }), gets, gets.length * perItemBound(false)),
		execute('updateCapabilities', () => runPhone(emu, { resource: 'phoneNumber', operation: 'updateCapabilities', phoneNumber: { __rl: true, mode: 'id', value: fromItem }, callingCapability: '={{ $json.calling }}', smsCapability: 'none', waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true, inputItems: capabilityItems }), capabilityItems, capabilityItems.length * perItemBound(true)),
		execute('release', () => runPhone(emu, { resource: 'phoneNumber', operation: 'release', phoneNumber: { __rl: true, mode: 'id', value: fromItem }, waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true, inputItems: releaseItems }), releaseItems, releaseItems.length * perItemBound(true)),
		execute('searchAndPurchase', () => runPhone(emu, { resource: 'availableNumber', operation: 'searchAndPurchase', ...TOLL_FREE, quantity: 1, ...LIMITS, waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true, inputItems: [{}, {}, {}] }), [{}, {}, {}], 3 * 2 * perItemBound(true)),
		execute('trunk', () => runSip(emu, { resource: 'trunk', operation: 'createOrUpdate', fqdn: '={{ $json.fqdn }}', sipSignalingPort: '={{ $json.port }}' }, { continueOnFail: true, inputItems: trunkItems }), trunkItems, trunkItems.length * perItemBound(false)),
	]);

	const searched = (await search).items.filter((item) => typeof item.searchId === 'string' && item.completed === true).map((item) => ({ searchId: item.searchId }));
	const browsed = (await browse).items.map((item) => item.phoneNumber).filter((n): n is string => typeof n === 'string').slice(0, 2);
	const reservationId = `0000${index.toString(16).padStart(4, '0')}-${seed.toString(16).padStart(8, '0').slice(0, 4)}-4000-8000-${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}`;
	const buys: Array<Promise<unknown>> = [];
	if (searched.length > 0) {
		buys.push(execute('purchaseSearch', () => runPhone(emu, { resource: 'availableNumber', operation: 'purchaseSearch', searchId: '={{ $json.searchId }}', ...LIMITS, waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true, inputItems: searched }), searched, searched.length * perItemBound(true)));
	}
	if (browsed.length > 0) {
		const reservation = await execute('reservation', () => runPhone(emu, { resource: 'reservation', operation: 'createOrUpdate', reservationId, numbersSource: 'list', phoneNumbersToAdd: browsed.join(', '), ...TOLL_FREE }, { continueOnFail: true }), [{ reservationId, numbers: browsed }], perItemBound(false));
		if (!reservation.items[0]?.error) {
			buys.push(execute('reservationPurchase', () => runPhone(emu, { resource: 'reservation', operation: 'purchase', reservationId, ...LIMITS, waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_S }, { continueOnFail: true }), [{ reservationId }], perItemBound(true)));
		}
	}
	await Promise.all(buys);
	await countRequests(emu);
}

it('survives >= 1,000 operations with >= 10% of requests faulted, keeping every invariant', async () => {
	const emu = emulator();
	const started = Date.now();
	await phoneControl(emu, 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
	// Owned numbers are geographic (Seattle 206) while the run buys toll-free ones: a released number cannot be bought again.
	const owned = (await phoneControl<{ phoneNumbers: string[] }>(emu, 'POST', '/seed', { count: 450, phoneNumberType: 'geographic', areaCode: '206', assignmentType: 'application', capabilities: { calling: 'outbound', sms: 'none' } })).phoneNumbers;
	for (const fault of FAULTS) await emu.control.addFault({ path: ACS_PATHS, ...fault } as never);
	await emu.control.clearRequestLog();

	for (let index = 0; index < ROUNDS; index++) await round(emu, index, owned);
	await emu.control.clearFaults();
	const wallMs = Date.now() - started;

	// Every item ends in success or in an error naming what happened.
	const items = executions.flatMap((execution) => execution.items.map((item) => ({ kind: execution.kind, item })));
	const failedItems = items.filter(({ item }) => item.error !== undefined);
	const unspecific = failedItems.filter(({ item }) => !SPECIFIC_ERROR.test(`${item.error} ${item.errorDescription ?? ''} ${item.httpCode ?? ''}`));
	const operations = executions.reduce((sum, execution) => sum + Math.max(execution.inputs.length, 1), 0);
	const overrun = executions.filter((execution) => execution.ms > execution.boundMs).map((e) => `${e.kind}: ${e.ms} ms > ${e.boundMs} ms`);

	// Money: nothing bought twice; no purchase the items called "not purchased" happened.
	const ledger = await phoneControl(emu, 'GET', '/ledger');
	const state = (await phoneControl(emu, 'GET', '/state?detail=true')) as { state?: any } & Record<string, any>;
	const domain = state.state ?? state.detail ?? state;
	const purchased = new Set(Object.values(domain.purchased ?? {}).map((n: any) => n.phoneNumber));
	// A released number is free again: a later search of this run may have bought it.
	const boughtBySearch = new Set(Object.values(domain.searches ?? {}).filter((s: any) => s.purchase === 'purchased').flatMap((s: any) => (s.phoneNumbers as string[]).map(toE164)));
	const boughtByReservation = new Set(Object.values(domain.reservations ?? {}).flatMap((r: any) => Object.values(r.phoneNumbers ?? {}).map((n: any) => n.phoneNumber ?? n)));
	const mismatches: string[] = [];
	for (const { kind, item } of items) {
		if ((kind === 'purchaseSearch' || kind === 'searchAndPurchase') && item.purchased === true) {
			if (ledger.searches[item.searchId as string] !== 1) mismatches.push(`search ${item.searchId} reported bought, ledger ${ledger.searches[item.searchId as string]}`);
			for (const n of item.phoneNumbers as string[]) if (!purchased.has(n)) mismatches.push(`${n} reported bought, not owned`);
		}
		if (item.purchased === false && item.searchId && ledger.searches[item.searchId as string]) mismatches.push(`search ${item.searchId} reported not purchased, but bought`);
		if (kind === 'reservationPurchase' && item.purchased === true && ledger.reservations[item.reservationId as string] !== 1) mismatches.push(`reservation ${item.reservationId} reported bought, ledger says otherwise`);
		if (item.purchased === false && item.reservationId && ledger.reservations[item.reservationId as string]) mismatches.push(`reservation ${item.reservationId} reported not purchased, but bought`);
		if (kind === 'release' && item.released === true && purchased.has(item.phoneNumber) && !boughtBySearch.has(item.phoneNumber as string) && !boughtByReservation.has(item.phoneNumber as string)) mismatches.push(`${item.phoneNumber} reported released, still owned: ${JSON.stringify(Object.values(domain.purchased).find((n: any) => n.phoneNumber === item.phoneNumber))}`);
	}
	for (const execution of executions.filter((e) => e.kind === 'updateCapabilities')) {
		execution.items.forEach((item, i) => {
			const number = Object.values(domain.purchased ?? {}).find((n: any) => n.phoneNumber === execution.inputs[i].n) as any;
			if (item.completed === true && number?.capabilities?.calling !== execution.inputs[i].calling) {
				mismatches.push(`${execution.inputs[i].n} reported calling=${execution.inputs[i].calling}, stored ${number?.capabilities?.calling}`);
			}
		});
	}
	const sip = (await signedRequest(emu, 'GET', '/sip?api-version=2023-03-01')).json;
	for (const execution of executions.filter((e) => e.kind === 'trunk')) {
		execution.items.forEach((item, i) => {
			if (item.error === undefined && sip.trunks[execution.inputs[i].fqdn as string]?.sipSignalingPort !== execution.inputs[i].port) {
				mismatches.push(`trunk ${execution.inputs[i].fqdn} reported ${item.change}, stored ${JSON.stringify(sip.trunks[execution.inputs[i].fqdn as string])}`);
			}
		});
	}

	const figures = {
		seed,
		operations,
		executions: executions.length,
		requests,
		faultsInjected: faulted,
		faultedShare: Number((faulted / Math.max(requests, 1)).toFixed(3)),
		itemsSucceeded: items.length - failedItems.length,
		itemsFailedWithSpecificError: failedItems.length - unspecific.length,
		faultsSurvivedAtLeast: Math.max(0, faulted - failedItems.length),
		boughtMoreThanOnce: ledger.boughtMoreThanOnce.length,
		stateMismatches: mismatches.length,
		overruns: overrun.length,
		wallSeconds: Math.round(wallMs / 1000),
	};
	reportFigures('chaos', figures);

	expect(operations).toBeGreaterThanOrEqual(1000);
	expect(faulted / requests).toBeGreaterThanOrEqual(0.1);
	expect(ledger.boughtMoreThanOnce).toEqual([]);
	expect(Object.values(ledger.searches).every((n) => n === 1)).toBe(true);
	expect(Object.values(ledger.reservations).every((n) => n === 1)).toBe(true);
	expect(unspecific.map(({ kind, item }) => `${kind}: ${item.error}`)).toEqual([]);
	expect(overrun).toEqual([]);
	expect(mismatches).toEqual([]);
	expect(items.length - failedItems.length).toBeGreaterThan(operations / 2);
}, 600_000);

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});

function toE164(number: string): string {
	return number.startsWith('+') ? number : `+${number}`;
}
