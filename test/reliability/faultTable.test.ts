/**
 * Fault table: one test per fault class and operation kind, each asserting the exact outcome:
 * retried and succeeded (and how many requests reached the service), or which error. Faults come from the
 * emulator's fault injection (they strike before the service handles the request, so a faulted purchase did
 * not happen; faults the service processes anyway, late, are in lateProcessing.test.ts); LRO failures and
 * never-ending LROs from its LRO plans.
 */
import type { RunningEmulator } from '../../emulator';
import type { FaultSpec } from '../../emulator/core/faults';
import { purchase } from '../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/purchase';
import { unknownSummary } from '../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/purchaseOutcome';
import { acsRequest, reservationPurchaseOperationId } from '../../nodes/shared/transport';
import { requestLogWhen, withEmulator } from '../support/emulator';
import { TOLL_FREE_NUMBERS as TOLL_FREE } from '../support/fixtures';
import { createExecuteContext, type RunNodeResult } from '../support/engine';
import { reportFigures } from './support/figures';
import { reliabilitySeed } from './support/seed';
import {
	credentialsFor,
	phoneControl,
	received,
	runPhone,
	runSip,
	TOLL_FREE_SEARCH as SEARCH,
} from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('faultTable');
const emulator = withEmulator({ seed });
const scan = new SecretScan();
let faultsInjected = 0;
let faultsSurvived = 0;

type FaultClass =
	| '429 + Retry-After'
	| '429'
	| '500'
	| '502'
	| '503'
	| '504'
	| 'connection reset'
	| 'HTML error page';
const CLASSES: Record<FaultClass, Omit<FaultSpec, 'path' | 'method'>> = {
	'429 + Retry-After': { type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 1 },
	'429': { type: 'status', status: 429, code: 'TooManyRequests' },
	'500': { type: 'status', status: 500, code: 'InternalServerError' },
	'502': { type: 'status', status: 502, code: 'BadGateway' },
	'503': { type: 'status', status: 503 },
	'504': { type: 'status', status: 504, code: 'GatewayTimeout' },
	'connection reset': { type: 'reset' },
	'HTML error page': { type: 'html' },
};
const CLASS_NAMES = Object.keys(CLASSES) as FaultClass[];

const LIMITS = { maxMonthlyCostPerNumber: 10, maxTotalMonthlyCost: 100, costCurrency: 'USD' };
let reservationCounter = 0;

beforeEach(async () => {
	await phoneControl(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
});

async function inject(
	emu: RunningEmulator,
	method: string,
	path: string,
	faultClass: FaultClass,
): Promise<void> {
	await emu.control.addFault({ method, path, count: 1, ...CLASSES[faultClass] });
	await emu.control.clearRequestLog();
}

async function faultHits(emu: RunningEmulator): Promise<number> {
	return (await emu.control.requestLog()).filter((entry) => (entry as { fault?: string }).fault)
		.length;
}

function outcomeOf(where: string, result: RunNodeResult) {
	scan.collectRun(where, result);
	return {
		error: result.error,
		text: `${result.error?.message ?? ''}\n${result.error?.description ?? ''}`,
		items: result.items.map((item) => item.json),
	};
}

async function searchedAndHeld(emu: RunningEmulator): Promise<string> {
	const result = await runPhone(emu, SEARCH);
	expect(result.error).toBeUndefined();
	return result.items[0].json.searchId as string;
}

/** A fresh active reservation holding two browsed toll-free numbers; the request log is cleared afterwards. */
async function reservedAndHeld(emu: RunningEmulator): Promise<string> {
	const browsed = await runPhone(emu, {
		resource: 'availableNumber',
		operation: 'browse',
		...TOLL_FREE,
	});
	expect(browsed.error).toBeUndefined();
	const numbers = browsed.items.slice(0, 2).map((item) => item.json.phoneNumber as string);
	const reservationId = `7e57f00d-0000-4000-8000-${String(++reservationCounter).padStart(12, '0')}`;
	const reserved = await runPhone(emu, {
		resource: 'reservation',
		operation: 'createOrUpdate',
		reservationId,
		numbersSource: 'list',
		phoneNumbersToAdd: numbers.join(', '),
		...TOLL_FREE,
	});
	expect(reserved.error).toBeUndefined();
	await emu.control.clearRequestLog();
	return reservationId;
}

const purchaseReservation = (emu: RunningEmulator, reservationId: string, timeoutSeconds = 20) =>
	runPhone(
		emu,
		{
			resource: 'reservation',
			operation: 'purchase',
			reservationId,
			...LIMITS,
			waitForCompletion: true,
			timeoutSeconds,
		},
		{ continueOnFail: true },
	);

async function ownedNumber(emu: RunningEmulator): Promise<string> {
	const seeded = await phoneControl<{ phoneNumbers: string[] }>(emu, 'POST', '/seed', {
		count: 1,
		phoneNumberType: 'tollFree',
		assignmentType: 'application',
		capabilities: { calling: 'outbound', sms: 'none' },
	});
	return seeded.phoneNumbers[0];
}

/** Operation kinds whose requests are idempotent: every transient fault is retried and the item succeeds. */
const IDEMPOTENT_KINDS: Array<{
	kind: string;
	method: string;
	path: string;
	run: (emu: RunningEmulator) => Promise<RunNodeResult>;
	check: (items: Record<string, unknown>[]) => void;
}> = [
	{
		kind: 'list purchased numbers (GET)',
		method: 'GET',
		path: '^/phoneNumbers$',
		run: (emu) => runPhone(emu, { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
		check: (items) => expect(items).toHaveLength(2),
	},
	{
		kind: 'poll a search (GET operation)',
		method: 'GET',
		path: '^/phoneNumbers/operations/',
		run: (emu) => runPhone(emu, SEARCH),
		check: (items) => expect(items[0]).toMatchObject({ completed: true, phoneNumberCount: 1 }),
	},
	{
		kind: 'release a number (DELETE start)',
		method: 'DELETE',
		path: '^/phoneNumbers/',
		run: async (emu) =>
			runPhone(emu, {
				resource: 'phoneNumber',
				operation: 'release',
				phoneNumber: { __rl: true, mode: 'id', value: await ownedNumber(emu) },
				waitForCompletion: true,
				timeoutSeconds: 20,
			}),
		check: (items) =>
			expect(items[0]).toMatchObject({ released: true, operationStatus: 'succeeded' }),
	},
	{
		kind: 'create a trunk (SIP PATCH)',
		method: 'PATCH',
		path: '^/sip$',
		run: (emu) =>
			runSip(emu, {
				resource: 'trunk',
				operation: 'createOrUpdate',
				fqdn: 'sbc1.contoso.com',
				sipSignalingPort: 5061,
			}),
		check: (items) =>
			expect(items[0]).toMatchObject({ fqdn: 'sbc1.contoso.com', change: 'created' }),
	},
];

describe.each(IDEMPOTENT_KINDS)('$kind', ({ method, path, run, check }) => {
	it.each(CLASS_NAMES)('%s: retried once and succeeded', async (faultClass) => {
		const emu = emulator();
		await phoneControl(emu, 'POST', '/seed', { count: 2 });
		const pattern = new RegExp(path);
		const prepared = { go: () => run(emu) };
		// The fault is armed just before the node runs; release needs a number first (its own seed call).
		if (method !== 'DELETE') await inject(emu, method, path, faultClass);
		else await emu.control.addFault({ method, path, count: 1, ...CLASSES[faultClass] });
		const outcome = outcomeOf(`${path} ${faultClass}`, await prepared.go());
		expect(outcome.text.trim()).toBe('');
		check(outcome.items);
		const hits = await faultHits(emu);
		expect(hits).toBe(1);
		const sameRequests = (await emu.control.requestLog()).filter(
			(entry) => entry.method === method && pattern.test(entry.path),
		);
		expect(sameRequests.length).toBeGreaterThanOrEqual(2);
		if (faultClass === '429 + Retry-After') {
			// The service's log, not the test's clock: the retry arrived at least Retry-After (1 s) after the 429.
			const [refused, retried] = sameRequests.map((entry) => Date.parse(entry.time));
			expect(retried - refused).toBeGreaterThanOrEqual(1000);
		}
		faultsInjected += hits;
		faultsSurvived += hits;
	});
});

describe('start a search (POST, not idempotent, no known operation id)', () => {
	it.each(CLASS_NAMES)('%s', async (faultClass) => {
		const emu = emulator();
		await inject(emu, 'POST', '/:search$', faultClass);
		const outcome = outcomeOf(`search ${faultClass}`, await runPhone(emu, SEARCH));
		const posts = (await received(emu)).filter((line) => line.startsWith('POST'));
		faultsInjected++;
		if (faultClass.startsWith('429')) {
			expect(outcome.error).toBeUndefined();
			expect(outcome.items[0]).toMatchObject({ completed: true, phoneNumberCount: 1 });
			expect(posts).toHaveLength(2);
			faultsSurvived++;
			return;
		}
		// Not re-sent on a guess: one POST, an error that says what happened and that it was not repeated.
		expect(posts).toHaveLength(1);
		expect(outcome.error?.context?.acs).toMatchObject({ ambiguous: true });
		if (faultClass === 'connection reset') expect(outcome.text).toMatch(/ECONNRESET|connection/i);
		else if (faultClass === 'HTML error page') expect(outcome.text).toMatch(/HTML/);
		else expect(outcome.text).toContain(faultClass);
		expect(outcome.text).toMatch(/not (re-)?sent again|was not sent again|not idempotent/i);
	});
});

describe('purchase a search (POST with the known operation id purchase_<searchId>)', () => {
	it.each(CLASS_NAMES)('%s', async (faultClass) => {
		const emu = emulator();
		const searchId = await searchedAndHeld(emu);
		await inject(emu, 'POST', '^/availablePhoneNumbers/:purchase$', faultClass);
		const outcome = outcomeOf(
			`purchase ${faultClass}`,
			await runPhone(emu, {
				resource: 'availableNumber',
				operation: 'purchaseSearch',
				searchId,
				...LIMITS,
				waitForCompletion: true,
				timeoutSeconds: 20,
			}),
		);
		const ledger = await phoneControl(emu, 'GET', '/ledger');
		const posts = (await received(emu)).filter(
			(line) => line === 'POST /availablePhoneNumbers/:purchase',
		);
		faultsInjected++;
		expect(ledger.boughtMoreThanOnce).toEqual([]);
		// 429: re-sent by the transport; a reset, 5xx or HTML page leaves it unknown whether the service got it, so the
		// same purchase is sent again (the service buys a search at most once): 202, bought once.
		expect(outcome.error).toBeUndefined();
		expect(outcome.items[0]).toMatchObject({
			purchased: true,
			operationId: `purchase_${searchId}`,
			operationStatus: 'succeeded',
		});
		expect(posts).toHaveLength(2);
		expect(ledger.searches[searchId]).toBe(1);
		faultsSurvived++;
	});
});

describe('purchase a reservation (POST with the known operation id reservationPurchase_<reservationId>)', () => {
	const PURCHASE_POST = (id: string) => `POST /availablePhoneNumbers/reservations/${id}/:purchase`;

	it.each(CLASS_NAMES)('%s', async (faultClass) => {
		const emu = emulator();
		const reservationId = await reservedAndHeld(emu);
		await emu.control.addFault({
			method: 'POST',
			path: '^/availablePhoneNumbers/reservations/[^/]+/:purchase$',
			count: 1,
			...CLASSES[faultClass],
		});
		const outcome = outcomeOf(
			`reservation purchase ${faultClass}`,
			await purchaseReservation(emu, reservationId),
		);
		const item = outcome.items[0];
		const ledger = await phoneControl(emu, 'GET', '/ledger');
		const log = await received(emu);
		const posts = log.filter((line) => line === PURCHASE_POST(reservationId));
		const lookUps = log.filter(
			(line) => line === `GET /phoneNumbers/operations/reservationPurchase_${reservationId}`,
		);
		faultsInjected++;
		expect(ledger.boughtMoreThanOnce).toEqual([]);
		expect(item.error).toBeUndefined();
		expect(item).toMatchObject({
			purchased: true,
			reservationId,
			operationId: `reservationPurchase_${reservationId}`,
			operationStatus: 'succeeded',
		});
		// Sent again at once (429 by the transport, the others by the purchase: the service buys a reservation at most once).
		expect(posts).toHaveLength(2);
		const between = log.slice(
			log.indexOf(PURCHASE_POST(reservationId)) + 1,
			log.lastIndexOf(PURCHASE_POST(reservationId)),
		);
		expect(between).toEqual([]);
		expect(lookUps.length).toBeGreaterThanOrEqual(1);
		expect(ledger.reservations[reservationId]).toBe(1);
		faultsSurvived++;
	});

	it('answered after its per-attempt timeout: sent again; whichever send the service takes first buys it, once (purchased: true)', async () => {
		const emu = emulator();
		const reservationId = await reservedAndHeld(emu);
		await emu.control.addFault({
			method: 'POST',
			path: '^/availablePhoneNumbers/reservations/[^/]+/:purchase$',
			type: 'delay',
			delayMs: 900,
			count: 1,
		});
		const { context } = createExecuteContext({
			nodeType: 'azureCommunicationPhoneNumbers',
			parameters: {
				authentication: 'connectionString',
				waitForCompletion: true,
				timeoutSeconds: 20,
			},
			credentials: credentialsFor(emu),
		});
		// The node's own purchase step, with a per-attempt timeout shorter than the service's answer.
		const item = await purchase.call(context, 0, {
			start: {
				method: 'POST',
				path: `/availablePhoneNumbers/reservations/${reservationId}/:purchase`,
				api: 'phoneNumbers',
				body: { agreeToNotResell: false },
				idempotent: false,
				knownOperationId: reservationPurchaseOperationId(reservationId),
				timeoutMs: 400,
			},
			summary: unknownSummary({ reservationId }),
		});
		faultsInjected++;
		faultsSurvived++;
		// The slowed first send is logged when the emulator answers it.
		const log = (
			await requestLogWhen(
				emu,
				(entries) => entries.filter((entry) => entry.method === 'POST').length >= 2,
			)
		).map((entry) => `${entry.method} ${entry.path}`);
		const ledger = await phoneControl(emu, 'GET', '/ledger');
		expect(item).toMatchObject({
			purchased: true,
			reservationId,
			operationId: `reservationPurchase_${reservationId}`,
			operationStatus: 'succeeded',
		});
		expect(log.filter((line) => line.startsWith('POST'))).toHaveLength(2);
		expect(ledger.reservations[reservationId]).toBe(1);
		expect(ledger.boughtMoreThanOnce).toEqual([]);
	});
});

type LroType =
	| 'search'
	| 'purchase'
	| 'reservationPurchase'
	| 'releasePhoneNumber'
	| 'updatePhoneNumberCapabilities';
const LRO_KINDS: Array<{ type: LroType; run: (emu: RunningEmulator) => Promise<RunNodeResult> }> = [
	{ type: 'search', run: (emu) => runPhone(emu, { ...SEARCH, timeoutSeconds: 1 }) },
	{
		type: 'purchase',
		run: async (emu) =>
			runPhone(emu, {
				resource: 'availableNumber',
				operation: 'purchaseSearch',
				searchId: await searchedAndHeld(emu),
				...LIMITS,
				waitForCompletion: true,
				timeoutSeconds: 1,
			}),
	},
	{
		type: 'reservationPurchase',
		run: async (emu) =>
			runPhone(emu, {
				resource: 'reservation',
				operation: 'purchase',
				reservationId: await reservedAndHeld(emu),
				...LIMITS,
				waitForCompletion: true,
				timeoutSeconds: 1,
			}),
	},
	{
		type: 'releasePhoneNumber',
		run: async (emu) =>
			runPhone(emu, {
				resource: 'phoneNumber',
				operation: 'release',
				phoneNumber: { __rl: true, mode: 'id', value: await ownedNumber(emu) },
				waitForCompletion: true,
				timeoutSeconds: 1,
			}),
	},
	{
		type: 'updatePhoneNumberCapabilities',
		run: async (emu) =>
			runPhone(emu, {
				resource: 'phoneNumber',
				operation: 'updateCapabilities',
				phoneNumber: { __rl: true, mode: 'id', value: await ownedNumber(emu) },
				callingCapability: 'inbound',
				smsCapability: 'none',
				waitForCompletion: true,
				timeoutSeconds: 1,
			}),
	},
];

describe.each(LRO_KINDS)('long-running $type', ({ type, run }) => {
	it('fails: the item fails with the operation error code and message', async () => {
		const emu = emulator();
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: type,
			count: 1,
			notStartedMs: 0,
			runningMs: 20,
			outcome: 'fail',
			error: { code: 'FaultTableFailure', message: 'Injected by the fault table.' },
		});
		const outcome = outcomeOf(`lro fail ${type}`, await run(emu));
		faultsInjected++;
		expect(outcome.text).toContain('FaultTableFailure');
		expect(outcome.text).toContain('Injected by the fault table.');
		const ledger = await phoneControl(emu, 'GET', '/ledger');
		if (type === 'purchase') expect(ledger.totals.searches).toBe(0);
		if (type === 'reservationPurchase') {
			expect(ledger.totals.reservations).toBe(0);
			expect(outcome.text).toMatch(/reservationPurchase_/);
			expect(outcome.items).toEqual([]);
		}
	});

	it('never finishes: the item fails at its timeout, naming the operation id and how to resume', async () => {
		const emu = emulator();
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: type,
			count: 1,
			outcome: 'never',
		});
		const outcome = outcomeOf(`lro never ${type}`, await run(emu));
		faultsInjected++;
		expect(outcome.text).toMatch(/did not finish within 1 s/);
		expect(outcome.text).toMatch(/Wait for Completion/);
		expect(outcome.text).toMatch(
			new RegExp(
				`${type === 'releasePhoneNumber' ? 'release' : type === 'updatePhoneNumberCapabilities' ? 'capabilit' : type}`,
				'i',
			),
		);
		// The service's log: no status poll arrived after the 1 s timeout plus one poll interval (at most 1 s here).
		const polls = (await emu.control.requestLog()).filter((entry) =>
			/^\/phoneNumbers\/operations\//.test(entry.path),
		);
		const lroRequests = (await emu.control.requestLog()).filter(
			(entry) => entry.method !== 'GET' || /^\/phoneNumbers\/operations\//.test(entry.path),
		);
		const startedAt = Date.parse(lroRequests[0].time);
		expect(polls.length).toBeGreaterThan(0);
		for (const poll of polls) expect(Date.parse(poll.time) - startedAt).toBeLessThanOrEqual(2000);
		if (type === 'reservationPurchase') {
			// Still running on the service: the error names the operation to resume and nothing is bought yet.
			expect(outcome.text).toMatch(/reservationPurchase_[0-9a-f-]{36}/);
			expect(outcome.text).toMatch(/may still be running/);
			const ledger = await phoneControl(emu, 'GET', '/ledger');
			expect(ledger.totals.reservations).toBe(0);
			expect(ledger.boughtMoreThanOnce).toEqual([]);
		}
	});
});

describe('slow responses past the timeout', () => {
	function context(emu: RunningEmulator) {
		return createExecuteContext({
			nodeType: 'azureCommunicationPhoneNumbers',
			parameters: { authentication: 'connectionString' },
			credentials: credentialsFor(emu),
		}).context;
	}

	it('a GET answered after its per-attempt timeout is retried and succeeds', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers$',
			type: 'delay',
			delayMs: 1500,
			count: 1,
		});
		const response = await acsRequest.call(context(emu), {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			timeoutMs: 400,
		});
		faultsInjected++;
		faultsSurvived++;
		expect(response.statusCode).toBe(200);
		// The slowed first attempt is logged when the emulator answers it: then both attempts are in the log.
		await requestLogWhen(
			emu,
			(entries) => entries.filter((entry) => entry.fault !== undefined).length === 1,
		);
		expect((await received(emu)).filter((line) => line === 'GET /phoneNumbers')).toHaveLength(2);
	});

	it('a POST that times out is not re-sent and is reported as ambiguous', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'POST',
			path: '/:search$',
			type: 'delay',
			delayMs: 1500,
			count: 1,
		});
		await emu.control.clearRequestLog();
		const error = await acsRequest
			.call(context(emu), {
				method: 'POST',
				path: '/availablePhoneNumbers/countries/US/:search',
				api: 'phoneNumbers',
				timeoutMs: 400,
				body: {
					phoneNumberType: 'tollFree',
					assignmentType: 'application',
					capabilities: { calling: 'outbound', sms: 'none' },
					quantity: 1,
				},
			})
			.then(
				() => undefined,
				(thrown: unknown) =>
					thrown as {
						message: string;
						description?: string;
						context: { acs?: { ambiguous?: boolean } };
					},
			);
		faultsInjected++;
		scan.collect('slow POST', error);
		expect(error?.context.acs?.ambiguous).toBe(true);
		// The call has returned, so every send of it was made; the slowed one is logged when the emulator answers it.
		await requestLogWhen(emu, (entries) => entries.some((entry) => entry.fault !== undefined));
		expect((await received(emu)).filter((line) => line.startsWith('POST'))).toHaveLength(1);
	});

	it('a poll that hangs does not keep the node past its Wait for Completion timeout (+2 s)', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/operations/',
			type: 'delay',
			delayMs: 8000,
			count: 1,
		});
		const outcome = outcomeOf(
			'hanging poll',
			await runPhone(emu, { ...SEARCH, timeoutSeconds: 2 }),
		);
		faultsInjected++;
		// The emulator logs the hanging poll when it answers it, 8 s after it arrived: not logged yet means the node
		// ended without that answer (however slow the machine).
		expect((await emu.control.requestLog()).filter((entry) => entry.fault !== undefined)).toEqual(
			[],
		);
		expect(outcome.text).toMatch(/did not finish within 2 s|Wait for Completion/);
	});
});

describe('429 limits', () => {
	it('a Retry-After beyond the retry budget ends the retries at once with a clear error', async () => {
		const emu = emulator();
		await inject(emu, 'GET', '^/phoneNumbers$', '429');
		await emu.control.clearFaults();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers$',
			type: 'status',
			status: 429,
			code: 'TooManyRequests',
			retryAfter: 3600,
			count: 1,
		});
		const outcome = outcomeOf(
			'429 beyond budget',
			await runPhone(emu, { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
		);
		faultsInjected++;
		// Retry-After is an hour: had the node waited for it, the test would have timed out instead.
		expect(outcome.error?.httpCode).toBe('429');
		expect(outcome.text).toMatch(/retry budget/);
		expect(await received(emu)).toEqual(['GET /phoneNumbers']);
	});

	it('503 five times in a row: gives up after 5 attempts, saying so', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers$',
			type: 'status',
			status: 503,
			count: 5,
		});
		await emu.control.clearRequestLog();
		const outcome = outcomeOf(
			'503 x5',
			await runPhone(emu, { resource: 'phoneNumber', operation: 'getAll', returnAll: true }),
		);
		faultsInjected += 5;
		expect(outcome.error?.httpCode).toBe('503');
		expect(outcome.text).toMatch(/Gave up after 5 attempts/);
		expect(await received(emu)).toHaveLength(5);
	});
});

it('reports the figures', () => {
	reportFigures('faultTable', { seed, faultsInjected, faultsSurvived });
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
	void signedRequest;
});
