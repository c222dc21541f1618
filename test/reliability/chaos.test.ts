/**
 * Chaos run: more than 1,000 operations across both nodes through the real n8n engine while the
 * emulator faults more than 10% of requests (429 with and without Retry-After, 500/502/503/504, connection
 * resets, slow answers within and past the timeout, HTML error pages) and some LROs (also reservation purchases)
 * fail or never finish. Every execution uses continueOnFail, so every item ends in a success or an error item.
 * The service also acts after the client gave up: purchase (and search) requests reset or answered 500 are processed
 * anyway, at once or 1-30 s later, and purchase operations become visible late or their look-ups fail for a while.
 * Invariants (from the emulator's ledger and state, read once every late request was processed): nothing bought
 * twice; every purchase item says `purchased`, and by id: false => not bought, true => bought once, null => either,
 * naming its operation; every release agrees with the state; every error names what happened; no execution runs
 * past its time bound; the final phone-number and SIP state matches what the items reported.
 * A last phase runs single-item executions one at a time, so that each faulted request is tied to the item it
 * hit: "faults survived" is measured there. Seeded: RELIABILITY_SEED replays the same faults and choices.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RunningEmulator } from '../../emulator';
import { requestLogWhen, withEmulator } from '../support/emulator';
import { TOLL_FREE_NUMBERS as TOLL_FREE } from '../support/fixtures';
import { reportFigures } from './support/figures';
import { pick, reliabilitySeed, seededRandom } from './support/seed';
import {
	ledgerMismatches,
	purchaseReport,
	releaseVerdictOf,
	searchIdOf,
	type PurchaseReport,
} from './support/moneyAccounting';
import { phoneControl, runPhone, runSip } from './support/nodes';
import { SipModel, type DesiredSip } from './support/sipModel';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('chaos');
const random = seededRandom(seed);
const emulator = withEmulator({ seed });
const scan = new SecretScan();

const ROUNDS = 10;
const LRO_TIMEOUT_S = 3;
/** Polls are bounded by Wait for Completion's Timeout (the transport's deadline): this is past it. */
const PAST_TIMEOUT_MS = LRO_TIMEOUT_S * 1000 + 600;
const ACCOUNTING_EXECUTIONS = 90;
const ROUTE_PATTERN = '^\\+1425[0-9]{7}$';
const LIMITS = { maxMonthlyCostPerNumber: 10, maxTotalMonthlyCost: 100, costCurrency: 'USD' };
const ACS_PATHS = '^/(phoneNumbers|availablePhoneNumbers|operatorInformation|sip)';
const PURCHASE_POSTS = '^/availablePhoneNumbers/(:purchase|reservations/[^/]+/:purchase)$';
const PURCHASE_OPERATIONS = '^/phoneNumbers/operations/(purchase|reservationPurchase)_';
const PURCHASE_KINDS = ['purchaseSearch', 'searchAndPurchase', 'reservationPurchase'];
const SEARCHES_PER_ROUND = 3;
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
	{
		type: 'delay',
		delayMs: PAST_TIMEOUT_MS,
		ratio: 0.02,
		method: 'GET',
		path: '^/phoneNumbers/operations/',
	},
	// The service processes the request although the client got a reset or an error: at once, or 1-30 s later.
	...[0, 1000, 6000, 30_000].map((processAfterMs) => ({
		type: 'reset',
		processAfterMs,
		ratio: 0.04,
		method: 'POST',
		path: PURCHASE_POSTS,
	})),
	...[0, 12_000].map((processAfterMs) => ({
		type: 'status',
		status: 500,
		code: 'InternalServerError',
		processAfterMs,
		ratio: 0.04,
		method: 'POST',
		path: PURCHASE_POSTS,
	})),
	{ type: 'reset', processAfterMs: 2000, ratio: 0.03, method: 'POST', path: '/:search$' },
	// Purchase operations that become visible late, or whose look-ups fail for a while (past the Timeout).
	{
		type: 'status',
		status: 404,
		code: 'NotFound',
		message: 'The operation was not found.',
		forMs: 1000,
		ratio: 0.1,
		method: 'GET',
		path: PURCHASE_OPERATIONS,
	},
	{
		type: 'status',
		status: 500,
		code: 'InternalServerError',
		forMs: 4000,
		ratio: 0.05,
		method: 'GET',
		path: PURCHASE_OPERATIONS,
	},
] as const;
/** Every late request has been processed once the virtual clock has moved past the latest (30 s). */
const LATE_FLUSH_MS = 31_000;

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
const sip = new SipModel();

async function execute(
	kind: string,
	run: () => Promise<{ items: Array<{ json: IDataObject }>; error?: unknown }>,
	inputs: IDataObject[],
	boundMs: number,
) {
	const started = Date.now();
	const result = await run();
	scan.collectRun(kind, result as never);
	const record: ExecutionRecord = {
		kind,
		items: result.items.map((item) => item.json),
		inputs,
		ms: Date.now() - started,
		boundMs,
	};
	if (result.error)
		record.items = [{ error: `execution failed: ${(result.error as Error).message}` }];
	executions.push(record);
	return record;
}

const perItemBound = (lro: boolean) => (lro ? (LRO_TIMEOUT_S + 12) * 1000 : 10_000);

const ok = (item: IDataObject | undefined) => item !== undefined && item.error === undefined;

/** SIP changes of one round, one execution after the other (each reads and patches the whole configuration). */
async function sipChanges(emu: RunningEmulator, index: number): Promise<void> {
	const trunkItems = Array.from({ length: 10 }, (_, i) => ({
		fqdn: `sbc${i}.round${index}.contoso.com`,
		port: 5000 + Math.floor(random() * 1000),
	}));
	const trunks = await execute(
		'trunk',
		() =>
			runSip(
				emu,
				{
					resource: 'trunk',
					operation: 'createOrUpdate',
					fqdn: '={{ $json.fqdn }}',
					sipSignalingPort: '={{ $json.port }}',
				},
				{ continueOnFail: true, inputItems: trunkItems },
			),
		trunkItems,
		trunkItems.length * perItemBound(false),
	);
	trunkItems.forEach((input, i) => sip.trunkUpserted(input.fqdn, input.port, ok(trunks.items[i])));
	const usable = trunkItems.filter((_, i) => ok(trunks.items[i])).map((input) => input.fqdn);
	if (usable.length === 0) return;

	const routeItems = ['a', 'b'].map((suffix) => ({
		name: `r${index}${suffix}`,
		trunks: usable.slice(0, 2).join(', '),
	}));
	const routes = await execute(
		'routeCreate',
		() =>
			runSip(
				emu,
				{
					resource: 'route',
					operation: 'createOrUpdate',
					name: '={{ $json.name }}',
					numberPattern: ROUTE_PATTERN,
					trunks: '={{ $json.trunks }}',
					position: 'last',
				},
				{ continueOnFail: true, inputItems: routeItems },
			),
		routeItems,
		routeItems.length * perItemBound(false),
	);
	routeItems.forEach((input, i) =>
		sip.routeUpserted(input.name, ROUTE_PATTERN, ok(routes.items[i])),
	);

	const deleteItems = [{ name: `r${index}b` }, { name: `never${index}` }];
	const deletes = await execute(
		'routeDelete',
		() =>
			runSip(
				emu,
				{
					resource: 'route',
					operation: 'delete',
					route: { __rl: true, mode: 'name', value: '={{ $json.name }}' },
				},
				{ continueOnFail: true, inputItems: deleteItems },
			),
		deleteItems,
		deleteItems.length * perItemBound(false),
	);
	deleteItems.forEach((input, i) =>
		sip.routeDeleted(
			input.name,
			ok(deletes.items[i]) ? (deletes.items[i].deleted as boolean) : undefined,
		),
	);

	if (index % 2 === 0) return;
	// Apply Desired State: this round's stored trunks plus one more, one route to it plus route a if stored.
	const desired: DesiredSip = { trunks: {}, routes: [] };
	for (const [fqdn, port] of sip.knownTrunks())
		if (fqdn.endsWith(`.round${index}.contoso.com`))
			desired.trunks[fqdn] = { sipSignalingPort: port };
	desired.trunks[`desired${index}.contoso.com`] = { sipSignalingPort: 5061 };
	desired.routes.push({
		name: `desired${index}`,
		numberPattern: ROUTE_PATTERN,
		trunks: [`desired${index}.contoso.com`],
	});
	const routeA = sip.routes.get(`r${index}a`);
	if (typeof routeA === 'object')
		desired.routes.push({
			name: `r${index}a`,
			numberPattern: ROUTE_PATTERN,
			trunks: usable.slice(0, 2).filter((fqdn) => fqdn in desired.trunks),
		});
	const applied = await execute(
		'applyDesiredState',
		() =>
			runSip(
				emu,
				{
					resource: 'configuration',
					operation: 'applyDesiredState',
					desiredState: JSON.stringify(desired),
					dryRun: false,
				},
				{ continueOnFail: true },
			),
		[{ desired }],
		perItemBound(false) * 2,
	);
	sip.desiredStateApplied(desired, ok(applied.items[0]) && applied.items[0].applied === true);
}

async function round(emu: RunningEmulator, index: number, owned: string[]): Promise<void> {
	// LROs that fail or never finish, for some operations of this round.
	await phoneControl(emu, 'POST', '/lro/next', {
		operationType: pick(random, [
			'search',
			'purchase',
			'updatePhoneNumberCapabilities',
			'releasePhoneNumber',
			'reservationPurchase',
		]),
		count: 1,
		outcome: 'fail',
		runningMs: 20,
		error: { code: 'ChaosFailure', message: 'The chaos run failed this operation.' },
	});
	await phoneControl(emu, 'POST', '/lro/next', {
		operationType: pick(random, ['search', 'updatePhoneNumberCapabilities', 'releasePhoneNumber']),
		count: 1,
		outcome: 'never',
	});
	if (index % 3 === 1)
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: 'reservationPurchase',
			count: 1,
			outcome: 'never',
		});

	const lookUps = Array.from({ length: 40 }, (_, i) => ({
		n: `+1425${String(5550000 + index * 100 + i)}`,
	}));
	const gets = owned.slice(index * 30, index * 30 + 30).map((n) => ({ n }));
	const capabilityItems = owned
		.slice(300 + index * 10, 300 + index * 10 + 10)
		.map((n) => ({ n, calling: pick(random, ['inbound', 'outbound', 'inbound+outbound']) }));
	const releaseItems = owned.slice(400 + index * 5, 400 + index * 5 + 5).map((n) => ({ n }));
	const fromItem = '={{ $json.n }}';

	const searchItems = Array.from({ length: SEARCHES_PER_ROUND }, () => ({}));
	const search = execute(
		'search',
		() =>
			runPhone(
				emu,
				{
					resource: 'availableNumber',
					operation: 'search',
					...TOLL_FREE,
					quantity: 1,
					waitForCompletion: true,
					timeoutSeconds: LRO_TIMEOUT_S,
				},
				{ continueOnFail: true, inputItems: searchItems },
			),
		searchItems,
		searchItems.length * perItemBound(true),
	);
	const browse = execute(
		'browse',
		() =>
			runPhone(
				emu,
				{ resource: 'availableNumber', operation: 'browse', ...TOLL_FREE },
				{ continueOnFail: true },
			),
		[{}],
		perItemBound(false),
	);
	await Promise.all([
		search,
		browse,
		execute(
			'lookUp',
			() =>
				runPhone(
					emu,
					{ resource: 'operatorInformation', operation: 'lookUp', phoneNumbers: fromItem },
					{ continueOnFail: true, inputItems: lookUps },
				),
			lookUps,
			lookUps.length * perItemBound(false),
		),
		execute(
			'get',
			() =>
				runPhone(
					emu,
					{
						resource: 'phoneNumber',
						operation: 'get',
						phoneNumber: { __rl: true, mode: 'id', value: fromItem },
					},
					{ continueOnFail: true, inputItems: gets },
				),
			gets,
			gets.length * perItemBound(false),
		),
		execute(
			'updateCapabilities',
			() =>
				runPhone(
					emu,
					{
						resource: 'phoneNumber',
						operation: 'updateCapabilities',
						phoneNumber: { __rl: true, mode: 'id', value: fromItem },
						callingCapability: '={{ $json.calling }}',
						smsCapability: 'none',
						waitForCompletion: true,
						timeoutSeconds: LRO_TIMEOUT_S,
					},
					{ continueOnFail: true, inputItems: capabilityItems },
				),
			capabilityItems,
			capabilityItems.length * perItemBound(true),
		),
		execute(
			'release',
			() =>
				runPhone(
					emu,
					{
						resource: 'phoneNumber',
						operation: 'release',
						phoneNumber: { __rl: true, mode: 'id', value: fromItem },
						waitForCompletion: true,
						timeoutSeconds: LRO_TIMEOUT_S,
					},
					{ continueOnFail: true, inputItems: releaseItems },
				),
			releaseItems,
			releaseItems.length * perItemBound(true),
		),
		execute(
			'searchAndPurchase',
			() =>
				runPhone(
					emu,
					{
						resource: 'availableNumber',
						operation: 'searchAndPurchase',
						...TOLL_FREE,
						quantity: 1,
						...LIMITS,
						waitForCompletion: true,
						timeoutSeconds: LRO_TIMEOUT_S,
					},
					{ continueOnFail: true, inputItems: searchItems },
				),
			searchItems,
			searchItems.length * 2 * perItemBound(true),
		),
		sipChanges(emu, index),
	]);

	const searched = (await search).items
		.filter((item) => typeof item.searchId === 'string' && item.completed === true)
		.map((item) => ({ searchId: item.searchId }));
	const browsed = (await browse).items
		.map((item) => item.phoneNumber)
		.filter((n): n is string => typeof n === 'string')
		.slice(0, 2);
	const reservationId = `0000${index.toString(16).padStart(4, '0')}-${seed.toString(16).padStart(8, '0').slice(0, 4)}-4000-8000-${Math.floor(
		random() * 2 ** 48,
	)
		.toString(16)
		.padStart(12, '0')}`;
	const buys: Array<Promise<unknown>> = [];
	if (searched.length > 0) {
		buys.push(
			execute(
				'purchaseSearch',
				() =>
					runPhone(
						emu,
						{
							resource: 'availableNumber',
							operation: 'purchaseSearch',
							searchId: '={{ $json.searchId }}',
							...LIMITS,
							waitForCompletion: true,
							timeoutSeconds: LRO_TIMEOUT_S,
						},
						{ continueOnFail: true, inputItems: searched },
					),
				searched,
				searched.length * perItemBound(true),
			),
		);
	}
	if (browsed.length > 0) {
		const reservation = await execute(
			'reservation',
			() =>
				runPhone(
					emu,
					{
						resource: 'reservation',
						operation: 'createOrUpdate',
						reservationId,
						numbersSource: 'list',
						phoneNumbersToAdd: browsed.join(', '),
						...TOLL_FREE,
					},
					{ continueOnFail: true },
				),
			[{ reservationId, numbers: browsed }],
			perItemBound(false),
		);
		if (!reservation.items[0]?.error) {
			buys.push(
				execute(
					'reservationPurchase',
					() =>
						runPhone(
							emu,
							{
								resource: 'reservation',
								operation: 'purchase',
								reservationId,
								...LIMITS,
								waitForCompletion: true,
								timeoutSeconds: LRO_TIMEOUT_S,
							},
							{ continueOnFail: true },
						),
					[{ reservationId }],
					perItemBound(true),
				),
			);
		}
	}
	await Promise.all(buys);
}

/**
 * Single-item executions one at a time: every request that arrives within an execution's time window belongs to
 * its one item, so each faulted request is known to have been survived (the item succeeded) or not.
 */
async function accountingPhase(
	emu: RunningEmulator,
	owned: string[],
): Promise<Array<{ kind: string; from: number; to: number; succeeded: boolean }>> {
	const windows: Array<{ kind: string; from: number; to: number; succeeded: boolean }> = [];
	for (let j = 0; j < ACCOUNTING_EXECUTIONS; j++) {
		const from = Date.now();
		let record: ExecutionRecord;
		switch (j % 5) {
			case 0:
				record = await execute(
					'lookUp',
					() =>
						runPhone(
							emu,
							{
								resource: 'operatorInformation',
								operation: 'lookUp',
								phoneNumbers: `+1425${6550000 + j}`,
							},
							{ continueOnFail: true },
						),
					[{}],
					perItemBound(false),
				);
				break;
			case 1:
				record = await execute(
					'get',
					() =>
						runPhone(
							emu,
							{
								resource: 'phoneNumber',
								operation: 'get',
								phoneNumber: { __rl: true, mode: 'id', value: owned[j] },
							},
							{ continueOnFail: true },
						),
					[{ n: owned[j] }],
					perItemBound(false),
				);
				break;
			case 2: {
				const input = {
					n: owned[450 + Math.floor(j / 5)],
					calling: pick(random, ['inbound', 'outbound', 'inbound+outbound']),
				};
				record = await execute(
					'updateCapabilities',
					() =>
						runPhone(
							emu,
							{
								resource: 'phoneNumber',
								operation: 'updateCapabilities',
								phoneNumber: { __rl: true, mode: 'id', value: input.n },
								callingCapability: input.calling,
								smsCapability: 'none',
								waitForCompletion: true,
								timeoutSeconds: LRO_TIMEOUT_S,
							},
							{ continueOnFail: true },
						),
					[input],
					perItemBound(true),
				);
				break;
			}
			case 3: {
				const input = { fqdn: `acct${j}.contoso.com`, port: 5000 + j };
				record = await execute(
					'trunk',
					() =>
						runSip(
							emu,
							{
								resource: 'trunk',
								operation: 'createOrUpdate',
								fqdn: input.fqdn,
								sipSignalingPort: input.port,
							},
							{ continueOnFail: true },
						),
					[input],
					perItemBound(false),
				);
				sip.trunkUpserted(input.fqdn, input.port, ok(record.items[0]));
				break;
			}
			default:
				record = await execute(
					'search',
					() =>
						runPhone(
							emu,
							{
								resource: 'availableNumber',
								operation: 'search',
								...TOLL_FREE,
								quantity: 1,
								waitForCompletion: true,
								timeoutSeconds: LRO_TIMEOUT_S,
							},
							{ continueOnFail: true },
						),
					[{}],
					perItemBound(true),
				);
		}
		windows.push({
			kind: record.kind,
			from,
			to: Date.now(),
			succeeded: record.items.length === 1 && ok(record.items[0]),
		});
	}
	return windows;
}

it('survives >= 1,000 operations with >= 10% of requests faulted, keeping every invariant', async () => {
	const emu = emulator();
	const started = Date.now();
	await phoneControl(emu, 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
	// Owned numbers (gets, capability updates, releases, the accounting phase's updates: each its own slice) are geographic (Seattle 206) while the run buys toll-free ones: a released number cannot be bought again.
	const owned = (
		await phoneControl<{ phoneNumbers: string[] }>(emu, 'POST', '/seed', {
			count: 450 + Math.ceil(ACCOUNTING_EXECUTIONS / 5),
			phoneNumberType: 'geographic',
			areaCode: '206',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'none' },
		})
	).phoneNumbers;
	for (const fault of FAULTS) await emu.control.addFault({ path: ACS_PATHS, ...fault } as never);
	await emu.control.clearRequestLog();

	for (let index = 0; index < ROUNDS; index++) await round(emu, index, owned);
	const windows = await accountingPhase(emu, owned);
	const slowed = (await emu.control.listFaults()).filter((fault) => fault.type === 'delay');
	await emu.control.clearFaults();
	const wallMs = Date.now() - started;
	// Requests slowed by a delay fault are logged when the emulator answers them: wait until every one it slowed is. Then
	// move the virtual clock past every late request, and past the operations they started.
	await requestLogWhen(emu, (entries) =>
		slowed.every(
			(fault) => entries.filter((entry) => entry.fault === fault.id).length >= fault.hits,
		),
	);
	await emu.control.advanceClock({ ms: LATE_FLUSH_MS });
	await emu.control.advanceClock({ ms: 1000 });
	const fullLog = await emu.control.requestLog();
	const lateProcessed = fullLog.filter((entry) => entry.late);
	// What the clients sent (a late processing is the service acting on a request already logged).
	const log = fullLog.filter((entry) => !entry.late);
	const isFaulted = (entry: { fault?: string }) => entry.fault !== undefined;
	const requests = log.length;
	const faulted = log.filter(isFaulted).length;
	const slowPastTimeout = log.filter(
		(entry) =>
			entry.fault !== undefined &&
			entry.path.startsWith('/phoneNumbers/operations/') &&
			entry.durationMs >= PAST_TIMEOUT_MS - 50,
	).length;

	// Faults survived, measured: faulted requests inside a single-item execution's window, by that item's outcome.
	const survival = { faulted: 0, survived: 0, fatal: 0, requests: 0 };
	for (const window of windows) {
		const inside = log.filter((entry) => {
			const at = Date.parse(entry.time);
			return at >= window.from && at <= window.to;
		});
		const hits = inside.filter(isFaulted).length;
		survival.requests += inside.length;
		survival.faulted += hits;
		if (window.succeeded) survival.survived += hits;
		else survival.fatal += hits;
	}

	// Every item ends in success or in an error naming what happened.
	const items = executions.flatMap((execution) =>
		execution.items.map((item) => ({ kind: execution.kind, item })),
	);
	const failedItems = items.filter(({ item }) => item.error !== undefined);
	const unspecific = failedItems.filter(
		({ item }) =>
			!SPECIFIC_ERROR.test(`${item.error} ${item.errorDescription ?? ''} ${item.httpCode ?? ''}`),
	);
	const operations = executions.reduce(
		(sum, execution) => sum + Math.max(execution.inputs.length, 1),
		0,
	);
	const overrun = executions
		.filter((execution) => execution.ms > execution.boundMs)
		.map((e) => `${e.kind}: ${e.ms} ms > ${e.boundMs} ms`);

	// Money: every purchase input and its item's verdict against the ledger, by id (also the items that failed).
	const ledger = await phoneControl(emu, 'GET', '/ledger');
	const state = (await phoneControl(emu, 'GET', '/state?detail=true')) as { state?: any } & Record<
		string,
		any
	>;
	const domain = state.state ?? state.detail ?? state;
	const purchased = new Set(Object.values(domain.purchased ?? {}).map((n: any) => n.phoneNumber));
	const reports: PurchaseReport[] = [];
	const report = (kind: PurchaseReport['kind'], id: string | undefined, item: IDataObject) => {
		if (id) reports.push(purchaseReport(kind, id, item));
	};
	for (const execution of executions) {
		execution.items.forEach((item, i) => {
			if (execution.kind === 'purchaseSearch')
				report('search', execution.inputs[i].searchId as string, item);
			if (execution.kind === 'searchAndPurchase') report('search', searchIdOf(item), item);
			if (execution.kind === 'reservationPurchase')
				report('reservation', execution.inputs[0].reservationId as string, item);
		});
	}
	const mismatches = ledgerMismatches(reports, ledger);
	// Also the purchase items without an id (a Search and Purchase whose search failed) say what they bought: nothing.
	for (const { kind, item } of items) {
		if (
			PURCHASE_KINDS.includes(kind) &&
			typeof item.purchased !== 'boolean' &&
			item.purchased !== null
		)
			mismatches.push(`${kind} item without purchased: ${String(item.error)}`);
		if (kind === 'searchAndPurchase' && !searchIdOf(item) && item.purchased !== false)
			mismatches.push(
				`searchAndPurchase without a search id says purchased=${String(item.purchased)}`,
			);
	}
	for (const { kind, item } of items) {
		if (PURCHASE_KINDS.includes(kind) && item.purchased === true) {
			for (const n of item.phoneNumbers as string[])
				if (!purchased.has(n)) mismatches.push(`${n} reported bought, not owned`);
		}
	}
	// Releases, also those that errored: owned numbers are geographic and the run buys toll-free, so none is bought back.
	const releases = { released: 0, notReleased: 0, unknown: 0, unknownButReleased: 0 };
	for (const execution of executions.filter((e) => e.kind === 'release')) {
		execution.items.forEach((item, i) => {
			const n = execution.inputs[i].n as string;
			const verdict = releaseVerdictOf(item);
			releases[verdict]++;
			if (verdict === 'released' && purchased.has(n))
				mismatches.push(`${n} reported released (${item.error ?? 'released: true'}), still owned`);
			if (verdict === 'notReleased' && !purchased.has(n))
				mismatches.push(`${n} reported not released (${item.error}), but gone`);
			if (verdict === 'unknown' && !purchased.has(n)) releases.unknownButReleased++;
		});
	}
	for (const execution of executions.filter((e) => e.kind === 'updateCapabilities')) {
		execution.items.forEach((item, i) => {
			const number = Object.values(domain.purchased ?? {}).find(
				(n: any) => n.phoneNumber === execution.inputs[i].n,
			) as any;
			if (
				item.completed === true &&
				number?.capabilities?.calling !== execution.inputs[i].calling
			) {
				mismatches.push(
					`${execution.inputs[i].n} reported calling=${execution.inputs[i].calling}, stored ${number?.capabilities?.calling}`,
				);
			}
		});
	}
	const storedSip = (await signedRequest(emu, 'GET', '/sip?api-version=2023-03-01')).json;
	mismatches.push(...sip.mismatches(storedSip));

	const count = (verdict: string) => reports.filter((r) => r.verdict === verdict).length;
	const unknownBought = reports.filter(
		(r) =>
			r.verdict === 'unknown' &&
			(r.kind === 'search' ? ledger.searches : ledger.reservations)[r.id] === 1,
	).length;
	const figures = {
		seed,
		operations,
		executions: executions.length,
		requests,
		faultsInjected: faulted,
		faultedShare: Number((faulted / Math.max(requests, 1)).toFixed(3)),
		slowPastTimeout,
		itemsSucceeded: items.length - failedItems.length,
		itemsFailedWithSpecificError: failedItems.length - unspecific.length,
		accounting: { executions: windows.length, ...survival },
		purchaseInputs: {
			total: reports.length,
			bought: count('bought'),
			notBought: count('notBought'),
			unknown: count('unknown'),
			unknownActuallyBought: unknownBought,
			reservations: reports.filter((r) => r.kind === 'reservation').length,
		},
		lateProcessed: {
			total: lateProcessed.length,
			purchases: lateProcessed.filter((entry) => new RegExp(PURCHASE_POSTS).test(entry.path))
				.length,
			accepted: lateProcessed.filter((entry) => entry.status === 202).length,
		},
		purchaseOperationLookUpsFaulted: log.filter(
			(entry) => isFaulted(entry) && new RegExp(PURCHASE_OPERATIONS).test(entry.path),
		).length,
		releases,
		sipChanges: executions
			.filter((e) => ['trunk', 'routeCreate', 'routeDelete', 'applyDesiredState'].includes(e.kind))
			.reduce((sum, e) => sum + e.inputs.length, 0),
		boughtMoreThanOnce: ledger.boughtMoreThanOnce.length,
		stateMismatches: mismatches.length,
		overruns: overrun.length,
		wallSeconds: Math.round(wallMs / 1000),
	};
	reportFigures('chaos', figures);

	expect(operations).toBeGreaterThanOrEqual(1000);
	expect(faulted / requests).toBeGreaterThanOrEqual(0.1);
	expect(slowPastTimeout).toBeGreaterThan(0);
	expect(survival.faulted).toBeGreaterThan(0);
	expect(survival.survived + survival.fatal).toBe(survival.faulted);
	expect(ledger.boughtMoreThanOnce).toEqual([]);
	expect(Object.values(ledger.searches).every((n) => n === 1)).toBe(true);
	expect(Object.values(ledger.reservations).every((n) => n === 1)).toBe(true);
	expect(reports.filter((r) => r.kind === 'reservation').length).toBeGreaterThan(0);
	expect(
		lateProcessed.filter((entry) => new RegExp(PURCHASE_POSTS).test(entry.path)).length,
	).toBeGreaterThan(0);
	expect(figures.purchaseOperationLookUpsFaulted).toBeGreaterThan(0);
	expect(
		executions.some((e) => e.kind === 'applyDesiredState' && e.items[0]?.applied === true),
	).toBe(true);
	expect(unspecific.map(({ kind, item }) => `${kind}: ${item.error}`)).toEqual([]);
	expect(overrun).toEqual([]);
	expect(mismatches).toEqual([]);
	expect(items.length - failedItems.length).toBeGreaterThan(operations / 2);
}, 600_000);

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});
