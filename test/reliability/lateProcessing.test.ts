/**
 * The service acts after the client gave up: a purchase whose connection was reset (or answered 500) is processed
 * anyway, later; its operation becomes visible late; its look-ups fail. Each test runs the node through the real n8n
 * engine and checks the item's `purchased` against the emulator's ledger once every late request has been processed
 * (the virtual clock is moved past them): false => not bought, true => bought once, null => either, naming the
 * operation id and the safe next step.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { RunningEmulator } from '../../emulator';
import type { RequestLogEntry } from '../../emulator/core/requestLog';
import { requestLogWhen, withEmulator } from '../support/emulator';
import { TOLL_FREE_NUMBERS as TOLL_FREE } from '../support/fixtures';
import { reliabilitySeed } from './support/seed';
import { phoneControl, runPhone } from './support/nodes';
import { startRewritingProxy } from './support/servers';

const seed = reliabilitySeed('lateProcessing');
const emulator = withEmulator({ seed });

const LIMITS = { maxMonthlyCostPerNumber: 10, maxTotalMonthlyCost: 100, costCurrency: 'USD' };
const SEARCH_PURCHASE_POST = '^/availablePhoneNumbers/:purchase$';
const RESERVATION_PURCHASE_POST = '^/availablePhoneNumbers/reservations/[^/]+/:purchase$';
/** Every purchase output carries these, whatever happened. */
const PURCHASE_FIELDS = [
	'purchased',
	'operationId',
	'phoneNumbers',
	'phoneNumberCount',
	'totalMonthlyCost',
	'highestMonthlyCost',
	'currencyCode',
	'costByCurrency',
	'expiresAt',
	'operationStatus',
	'completed',
	'refusedBecause',
	'nextStep',
];
let reservationCounter = 0;

beforeEach(async () => {
	await phoneControl(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
});

interface Target {
	kind: 'search' | 'reservation';
	id: string;
	operationId: string;
	postPath: string;
	run(emu: RunningEmulator, extra?: INodeParameters, endpoint?: string): Promise<IDataObject>;
}

async function searchTarget(emu: RunningEmulator): Promise<Target> {
	const searched = await runPhone(emu, {
		resource: 'availableNumber',
		operation: 'search',
		...TOLL_FREE,
		quantity: 1,
		waitForCompletion: true,
		timeoutSeconds: 20,
	});
	expect(searched.error).toBeUndefined();
	const id = searched.items[0].json.searchId as string;
	await emu.control.clearRequestLog();
	return {
		kind: 'search',
		id,
		operationId: `purchase_${id}`,
		postPath: SEARCH_PURCHASE_POST,
		run: async (target, extra = {}, endpoint) =>
			itemOf(
				await runPhone(
					target,
					{
						resource: 'availableNumber',
						operation: 'purchaseSearch',
						searchId: id,
						...LIMITS,
						waitForCompletion: true,
						timeoutSeconds: 20,
						...extra,
					},
					{ continueOnFail: true, endpoint },
				),
			),
	};
}

async function reservationTarget(emu: RunningEmulator): Promise<Target> {
	const browsed = await runPhone(emu, {
		resource: 'availableNumber',
		operation: 'browse',
		...TOLL_FREE,
	});
	expect(browsed.error).toBeUndefined();
	const numbers = browsed.items.slice(0, 2).map((item) => item.json.phoneNumber as string);
	const id = `1a7e0000-0000-4000-8000-${String(++reservationCounter).padStart(12, '0')}`;
	const reserved = await runPhone(emu, {
		resource: 'reservation',
		operation: 'createOrUpdate',
		reservationId: id,
		numbersSource: 'list',
		phoneNumbersToAdd: numbers.join(', '),
		...TOLL_FREE,
	});
	expect(reserved.error).toBeUndefined();
	await emu.control.clearRequestLog();
	return {
		kind: 'reservation',
		id,
		operationId: `reservationPurchase_${id}`,
		postPath: RESERVATION_PURCHASE_POST,
		run: async (target, extra = {}, endpoint) =>
			itemOf(
				await runPhone(
					target,
					{
						resource: 'reservation',
						operation: 'purchase',
						reservationId: id,
						...LIMITS,
						waitForCompletion: true,
						timeoutSeconds: 20,
						...extra,
					},
					{ continueOnFail: true, endpoint },
				),
			),
	};
}

const TARGETS = [
	{ name: 'Available Number → Purchase Search', make: searchTarget },
	{ name: 'Reservation → Purchase', make: reservationTarget },
];

function itemOf(result: { items: Array<{ json: IDataObject }>; error?: unknown }): IDataObject {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	return result.items[0].json;
}

/** Moves the virtual clock past every late request (and the operations they start), then reads how often the id was bought. */
async function boughtCount(emu: RunningEmulator, target: Target, lateMs = 31_000): Promise<number> {
	await emu.control.advanceClock({ ms: lateMs });
	await emu.control.advanceClock({ ms: 1000 });
	const ledger = await phoneControl(emu, 'GET', '/ledger');
	expect(ledger.boughtMoreThanOnce).toEqual([]);
	const table = target.kind === 'search' ? ledger.searches : ledger.reservations;
	return table[target.id] ?? 0;
}

/** The hard rule: false => not bought; true => bought once; null => either, naming the operation and the next step. */
function expectAgrees(item: IDataObject, bought: number, target: Target): void {
	expect(item).toHaveProperty(target.kind === 'search' ? 'searchId' : 'reservationId', target.id);
	for (const field of PURCHASE_FIELDS) expect(item).toHaveProperty(field);
	if (item.purchased === false) expect(bought).toBe(0);
	else if (item.purchased === true) expect(bought).toBe(1);
	else {
		expect(item.purchased).toBeNull();
		expect(item.operationId).toBe(target.operationId);
		expect(String(item.nextStep)).toContain(target.operationId);
		// It may warn against Search and Purchase (a new search buys other numbers), never advise it.
		expect(`${item.nextStep}`.replace(/never Search and Purchase/g, '')).not.toMatch(
			/Search and Purchase/,
		);
	}
}

const posts = (log: RequestLogEntry[], target: Target) =>
	log.filter((entry) => entry.method === 'POST' && new RegExp(target.postPath).test(entry.path));

describe.each(TARGETS)('$name', ({ make }) => {
	it('case 1: reset, processed 6 s later: the purchase is settled by sending it again (at most once): bought, once', async () => {
		const emu = emulator();
		const target = await make(emu);
		const fault = await emu.control.addFault({
			method: 'POST',
			path: target.postPath,
			type: 'reset',
			processAfterMs: 6000,
			count: 1,
		});
		const item = await target.run(emu);
		expect(item).toMatchObject({
			purchased: true,
			operationId: target.operationId,
			operationStatus: 'succeeded',
			completed: true,
			nextStep: null,
		});
		const bought = await boughtCount(emu, target, 7000);
		expectAgrees(item, bought, target);
		expect(bought).toBe(1);
		// The reset request was processed late, after the second send had bought it: refused then.
		const late = (await emu.control.requestLog()).filter((entry) => entry.late);
		expect(late).toEqual([expect.objectContaining({ method: 'POST', fault: fault.id })]);
		expect(late[0].status).toBeGreaterThanOrEqual(400);
	});

	it('case 2: 500 after the service accepted it, operation visible only after more than 4 s: followed until it is, bought', async () => {
		const emu = emulator();
		const target = await make(emu);
		await emu.control.addFault({
			method: 'POST',
			path: target.postPath,
			type: 'status',
			status: 500,
			code: 'InternalServerError',
			processAfterMs: 0,
			count: 1,
		});
		await emu.control.addFault({
			method: 'GET',
			path: `^/phoneNumbers/operations/${target.operationId}$`,
			type: 'status',
			status: 404,
			code: 'NotFound',
			message: 'Operation not found.',
			forMs: 4500,
		});
		const running = target.run(emu);
		// The node looks the operation up and is told it does not exist: now let the virtual clock pass the lag.
		await requestLogWhen(emu, (log) =>
			log.some(
				(entry) =>
					entry.path === `/phoneNumbers/operations/${target.operationId}` && entry.status === 404,
			),
		);
		await emu.control.advanceClock({ ms: 4500 });
		const item = await running;
		const bought = await boughtCount(emu, target);
		expectAgrees(item, bought, target);
		expect(item).toMatchObject({
			purchased: true,
			operationId: target.operationId,
			operationStatus: 'succeeded',
		});
		expect(bought).toBe(1);
	});

	it('case 3: reset after acceptance while look-ups answer 500: unknown (null), naming the operation; Wait for Completion then settles it', async () => {
		const emu = emulator();
		const target = await make(emu);
		await emu.control.addFault({
			method: 'POST',
			path: target.postPath,
			type: 'reset',
			processAfterMs: 0,
			count: 1,
		});
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/operations/',
			type: 'status',
			status: 500,
			code: 'InternalServerError',
		});
		const item = await target.run(emu, { timeoutSeconds: 3 });
		expect(item).toMatchObject({ purchased: null, operationId: target.operationId });
		expect(item.nextStep).toMatch(
			new RegExp(`Long-Running Operation → Wait for Completion with ${target.operationId}`),
		);
		await emu.control.clearFaults();
		const bought = await boughtCount(emu, target);
		expectAgrees(item, bought, target);
		expect(bought).toBe(1);
		const resumed = itemOf(
			await runPhone(emu, {
				resource: 'operation',
				operation: 'waitForCompletion',
				operationId: target.operationId,
				timeoutSeconds: 10,
			}),
		);
		expect(resumed).toMatchObject({
			operationId: target.operationId,
			operationStatus: 'succeeded',
			completed: true,
		});
	});

	it('case 4: 202 whose Operation-Location has a malformed escape and no operation-id: followed through the known operation id', async () => {
		const emu = emulator();
		const target = await make(emu);
		const proxy = await startRewritingProxy(emu.endpoint, (answer) => {
			if (answer.method !== 'POST' || !answer.url.includes(':purchase') || answer.status !== 202)
				return;
			const headers: Record<string, string | string[] | undefined> = {
				...answer.headers,
				'operation-location': '/phoneNumbers/operations/purchase_%E0%A4%A?api-version=2025-06-01',
			};
			delete headers['operation-id'];
			return { headers };
		});
		try {
			const item = await target.run(emu, {}, proxy.endpoint);
			expect(proxy.rewritten).toBe(1);
			const bought = await boughtCount(emu, target);
			expectAgrees(item, bought, target);
			expect(item).toMatchObject({
				purchased: true,
				operationId: target.operationId,
				operationStatus: 'succeeded',
			});
			expect(item.error).toBeUndefined();
		} finally {
			await proxy.close();
		}
	});

	it('a send still in flight makes a failed operation inconclusive: null, not false (the late send buys it)', async () => {
		const emu = emulator();
		const target = await make(emu);
		await emu.control.addFault({
			method: 'POST',
			path: target.postPath,
			type: 'reset',
			processAfterMs: 10_000,
			count: 1,
		});
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: target.kind === 'search' ? 'purchase' : 'reservationPurchase',
			count: 1,
			notStartedMs: 0,
			runningMs: 20,
			outcome: 'fail',
			error: { code: 'PurchaseFailed', message: 'Failed on purpose.' },
		});
		const item = await target.run(emu);
		expect(item).toMatchObject({
			purchased: null,
			operationId: target.operationId,
			operationStatus: 'failed',
		});
		expect(item.nextStep).toMatch(/at most once/);
		const bought = await boughtCount(emu, target, 11_000);
		expectAgrees(item, bought, target);
		expect(bought).toBe(1);
		expect(
			posts(await emu.control.requestLog(), target)
				.filter((entry) => entry.late)
				.map((entry) => entry.status),
		).toEqual([202]);
	});

	it('a purchase operation that fails (nothing in flight): not bought (false), with every purchase field', async () => {
		const emu = emulator();
		const target = await make(emu);
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: target.kind === 'search' ? 'purchase' : 'reservationPurchase',
			count: 1,
			notStartedMs: 0,
			runningMs: 20,
			outcome: 'fail',
			error: { code: 'PurchaseFailed', message: 'Failed on purpose.' },
		});
		const item = await target.run(emu);
		expect(item).toMatchObject({
			purchased: false,
			operationId: target.operationId,
			operationStatus: 'failed',
			completed: true,
			refusedBecause: 'operationFailed',
		});
		expect(item.error).toMatch(/PurchaseFailed/);
		expectAgrees(item, await boughtCount(emu, target), target);
	});

	it('a refusal of the first and only send (4xx): not bought (false)', async () => {
		const emu = emulator();
		const target = await make(emu);
		await emu.control.addFault({
			method: 'POST',
			path: target.postPath,
			type: 'status',
			status: 400,
			code: 'BadRequest',
			message: 'Refused on purpose.',
			count: 1,
		});
		const item = await target.run(emu);
		expect(item).toMatchObject({
			purchased: false,
			operationId: target.operationId,
			refusedBecause: 'serviceRefused',
		});
		expect(posts(await emu.control.requestLog(), target)).toHaveLength(1);
		expectAgrees(item, await boughtCount(emu, target), target);
	});

	it.each([302, 501, 520])(
		'an answer %s after the service accepted the purchase is no evidence: bought or unknown, never "not purchased"',
		async (status) => {
			const emu = emulator();
			const target = await make(emu);
			await emu.control.addFault({
				method: 'POST',
				path: target.postPath,
				type: 'status',
				status,
				code: 'Odd',
				message: 'An odd answer.',
				processAfterMs: 0,
				count: 1,
			});
			const item = await target.run(emu);
			expect(item.purchased).not.toBe(false);
			const bought = await boughtCount(emu, target);
			expectAgrees(item, bought, target);
			expect(bought).toBe(1);
		},
	);

	it('repeating the purchase after it was bought: the service refuses the second send; the item follows the first and says bought', async () => {
		const emu = emulator();
		const target = await make(emu);
		expect(await target.run(emu)).toMatchObject({ purchased: true });
		const again = await target.run(emu);
		expect(again).toMatchObject({
			purchased: true,
			operationId: target.operationId,
			operationStatus: 'succeeded',
		});
		expectAgrees(again, await boughtCount(emu, target), target);
	});
});

describe('Available Number → Search and Purchase', () => {
	it('a purchase left unknown names Purchase Search with its search id, never Search and Purchase (which would buy other numbers)', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'POST',
			path: SEARCH_PURCHASE_POST,
			type: 'reset',
			processAfterMs: 20_000,
			count: 3,
		});
		const item = itemOf(
			await runPhone(
				emu,
				{
					resource: 'availableNumber',
					operation: 'searchAndPurchase',
					...TOLL_FREE,
					quantity: 1,
					...LIMITS,
					waitForCompletion: true,
					timeoutSeconds: 20,
				},
				{ continueOnFail: true },
			),
		);
		const searchId = item.searchId as string;
		expect(searchId).toMatch(/^[0-9a-f-]{36}$/);
		const target: Target = {
			kind: 'search',
			id: searchId,
			operationId: `purchase_${searchId}`,
			postPath: SEARCH_PURCHASE_POST,
			run: async () => item,
		};
		expect(item).toMatchObject({
			purchased: null,
			operationId: target.operationId,
			searchOperationId: `search_${searchId}`,
		});
		expect(item.nextStep).toMatch(new RegExp(`Purchase Search with search ID ${searchId}`));
		const bought = await boughtCount(emu, target, 22_000);
		expectAgrees(item, bought, target);
		expect(bought).toBe(1);
		expect(
			posts(await emu.control.requestLog(), target)
				.filter((entry) => entry.late)
				.map((entry) => entry.status),
		).toEqual([202, 409, 409]);
	});

	it('a failed search buys nothing: false, with every purchase field (no purchase operation)', async () => {
		const emu = emulator();
		await phoneControl(emu, 'POST', '/lro/next', {
			operationType: 'search',
			count: 1,
			notStartedMs: 0,
			runningMs: 20,
			outcome: 'fail',
			error: { code: 'SearchFailed', message: 'Failed on purpose.' },
		});
		const item = itemOf(
			await runPhone(
				emu,
				{
					resource: 'availableNumber',
					operation: 'searchAndPurchase',
					...TOLL_FREE,
					quantity: 1,
					...LIMITS,
					waitForCompletion: true,
					timeoutSeconds: 20,
				},
				{ continueOnFail: true },
			),
		);
		expect(item).toMatchObject({
			purchased: false,
			operationId: null,
			refusedBecause: 'searchFailed',
		});
		for (const field of PURCHASE_FIELDS) expect(item).toHaveProperty(field);
		expect((await phoneControl(emu, 'GET', '/ledger')).totals.searches).toBe(0);
	});
});
