/**
 * Azure Communication Phone Numbers Trigger against the emulator, polled through n8n-core's PollContext: the
 * baseline, each event with its output, Fetch Test Event, parameters refused before any request, and the size of
 * the state kept for a large inventory.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../../../emulator/core/faults';
import { requestLogWhen, withEmulator } from '../../support/emulator';
import { PollingTrigger, polledEvents, polledItems } from '../../support/engine/pollTrigger';
import { credentialsFor } from '../../support/fixtures';
import { PhoneNumbersWorld } from '../../support/phoneNumbersWorld';

const ALL_EVENTS = [
	'numberPurchased',
	'numberReleased',
	'capabilitiesChanged',
	'reservationExpiringSoon',
	'reservationExpired',
	'reservationPurchased',
	'reservationDeleted',
];

const emulator = withEmulator();
let world: PhoneNumbersWorld;

beforeEach(async () => {
	world = new PhoneNumbersWorld(emulator());
	await world.finishOperationsAtOnce();
});

function trigger(
	parameters: INodeParameters = {},
	auth: 'connectionString' | 'entraId' = 'connectionString',
) {
	return new PollingTrigger({
		nodeType: 'azureCommunicationPhoneNumbersTrigger',
		parameters: { authentication: auth, events: ALL_EVENTS, ...parameters },
		credentials: credentialsFor(emulator(), auth),
		clockOf: emulator(),
	});
}

/** A fault on reads of the purchased numbers list. */
async function faultListReads(fault: Omit<FaultSpec, 'path' | 'method'>): Promise<void> {
	await emulator().control.addFault({ method: 'GET', path: '^/phoneNumbers$', ...fault });
}

async function acsRequestCount(): Promise<number> {
	return (await emulator().control.requestLog()).length;
}

describe('baseline', () => {
	it('the first poll records what exists and emits nothing; the next reports only what changed since', async () => {
		const [kept, released] = await world.buy(2);
		await world.reserve();
		const watcher = trigger();
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		await world.release(released);
		const [bought] = await world.buy(1);
		expect(polledEvents(await watcher.poll())).toEqual([
			`numberPurchased:${bought}`,
			`numberReleased:${released}`,
		]);
		expect(kept).toBeDefined();
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
	});
});

describe('number events', () => {
	it('Number Purchased carries the number as listed; Number Released what was kept about it', async () => {
		const watcher = trigger();
		await watcher.poll();
		const [number] = await world.buy(1, { calling: 'outbound', sms: 'none' });
		const [purchased] = polledItems(await watcher.poll());
		expect(purchased).toMatchObject({
			event: 'numberPurchased',
			subjectType: 'phoneNumber',
			subject: number,
			after: {
				phoneNumber: number,
				countryCode: 'US',
				phoneNumberType: 'tollFree',
				capabilities: { calling: 'outbound', sms: 'none' },
			},
		});
		expect(purchased.before).toBeUndefined();
		const { now } = await emulator().control.getClock();
		expect(Math.abs(Date.parse(String(purchased.detectedAt)) - Date.parse(now))).toBeLessThan(
			60_000,
		);

		await world.release(number);
		const [released] = polledItems(await watcher.poll());
		expect(released).toEqual({
			event: 'numberReleased',
			subjectType: 'phoneNumber',
			subject: number,
			before: {
				phoneNumber: number,
				capabilities: { calling: 'outbound', sms: 'none' },
				purchaseDate: (purchased.after as IDataObject).purchaseDate,
			},
			detectedAt: expect.any(String),
		});
	});

	it('Capabilities Changed has the capabilities before and after', async () => {
		const [number] = await world.buy(1, { calling: 'outbound', sms: 'none' });
		const watcher = trigger({ events: ['capabilitiesChanged'] });
		await watcher.poll();
		await world.setCapabilities(number, { calling: 'inbound+outbound', sms: 'inbound+outbound' });
		const [changed] = polledItems(await watcher.poll());
		expect(changed).toMatchObject({
			event: 'capabilitiesChanged',
			subject: number,
			before: { phoneNumber: number, capabilities: { calling: 'outbound', sms: 'none' } },
			after: {
				phoneNumber: number,
				capabilities: { calling: 'inbound+outbound', sms: 'inbound+outbound' },
			},
		});
	});

	it('emits only the chosen events, and keeps track of the others', async () => {
		const watcher = trigger({ events: ['numberReleased'] });
		await watcher.poll();
		const [number] = await world.buy(1);
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		await world.release(number);
		expect(polledEvents(await watcher.poll())).toEqual([`numberReleased:${number}`]);
	});

	it('reads every page of a long inventory', async () => {
		const watcher = trigger({ events: ['numberReleased'] });
		const numbers = await world.buy(250);
		await watcher.poll();
		await world.release(numbers[0]);
		await world.release(numbers[249]);
		expect(polledEvents(await watcher.poll())).toEqual(
			[`numberReleased:${numbers[0]}`, `numberReleased:${numbers[249]}`].sort(),
		);
	});
});

describe('a number released while the list is being read', () => {
	it('shifts the pages after it, and the number that slid past a page boundary is not reported released', async () => {
		const emu = emulator();
		const numbers = await world.buy(150);
		const watcher = trigger({ events: ['numberPurchased', 'numberReleased'] });
		await watcher.poll();
		await emu.control.clearRequestLog();
		// Page 1 is answered at once; the later pages wait, and meanwhile the first number of page 1 is released, so
		// page 2 (skip=100) starts one number later than it would have.
		await faultListReads({ type: 'delay', delayMs: 0, count: 1 });
		await faultListReads({ type: 'delay', delayMs: 1500, count: 2 });
		const polling = watcher.poll();
		await requestLogWhen(emu, (log) => log.some((entry) => entry.path === '/phoneNumbers'));
		await world.release(numbers[0]);
		// That read saw the released number on page 1 and missed the one that slid from page 2 to page 1: it reports
		// neither; the next read sees the release.
		const during = await polling;
		expect(during.ok && during.items).toBe(null);
		expect(polledEvents(await watcher.poll())).toEqual([`numberReleased:${numbers[0]}`]);
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
	});
});

describe('numbers missing from a reading', () => {
	it('are each read once to confirm the release', async () => {
		const emu = emulator();
		const numbers = await world.buy(3);
		const watcher = trigger({ events: ['numberReleased'] });
		await watcher.poll();
		await world.release(numbers[1]);
		await emu.control.clearRequestLog();
		expect(polledEvents(await watcher.poll())).toEqual([`numberReleased:${numbers[1]}`]);
		const gets = (await emu.control.requestLog()).map((entry) => `${entry.method} ${entry.path}`);
		expect(gets.filter((request) => request.startsWith('GET /phoneNumbers/'))).toEqual([
			`GET /phoneNumbers/${encodeURIComponent(numbers[1])}`,
		]);
	});

	it('are taken as released without reading each when more than 50 are gone at once', async () => {
		const emu = emulator();
		const numbers = await world.buy(60);
		const watcher = trigger({ events: ['numberReleased'] });
		await watcher.poll();
		for (const number of numbers) await world.release(number);
		await emu.control.clearRequestLog();
		expect(polledEvents(await watcher.poll())).toHaveLength(60);
		const paths = (await emu.control.requestLog()).map((entry) => entry.path);
		expect(paths.filter((path) => path.startsWith('/phoneNumbers/'))).toEqual([]);
	});

	it('fail the poll, keeping the state, when the confirmation cannot be read', async () => {
		const emu = emulator();
		const numbers = await world.buy(2);
		const watcher = trigger({ events: ['numberReleased'] });
		await watcher.poll();
		const kept = watcher.staticData;
		await world.release(numbers[0]);
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers/',
			type: 'status',
			status: 503,
			count: 3,
		});
		const failed = await watcher.poll();
		expect(!failed.ok && failed.error.message).toMatch(/ServiceUnavailable/);
		expect(watcher.staticData).toEqual(kept);
		expect(polledEvents(await watcher.poll())).toEqual([`numberReleased:${numbers[0]}`]);
	});
});

describe('reservation events', () => {
	it('Reservation Expiring Soon once per expiry time, on the service clock; again after a change moved it', async () => {
		const emu = emulator();
		const watcher = trigger({ events: ['reservationExpiringSoon'], leadTimeMinutes: 5 });
		const reservation = await world.reserve();
		await watcher.poll();
		await emu.control.advanceClock({ minutes: 9 });
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		await emu.control.advanceClock({ minutes: 2 });
		const [soon] = polledItems(await watcher.poll());
		expect(soon).toMatchObject({
			event: 'reservationExpiringSoon',
			subjectType: 'reservation',
			subject: reservation.id,
			after: { id: reservation.id, status: 'active', expiresAt: reservation.expiresAt },
		});
		expect(soon.after).toHaveProperty('expiresInSeconds');
		expect((soon.after as IDataObject).expiresInSeconds).toBeLessThanOrEqual(4 * 60);
		expect(await watcher.poll()).toEqual({ ok: true, items: null });

		const extended = await world.reserve(reservation.id);
		expect(Date.parse(extended.expiresAt)).toBeGreaterThan(Date.parse(reservation.expiresAt));
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		await emu.control.advanceClock({ minutes: 11 });
		expect(polledEvents(await watcher.poll())).toEqual([
			`reservationExpiringSoon:${reservation.id}`,
		]);
	});

	it('Reservation Expired, Purchased and Deleted, told apart', async () => {
		const emu = emulator();
		const watcher = trigger({
			events: ['reservationExpired', 'reservationPurchased', 'reservationDeleted'],
		});
		const expiring = await world.reserve();
		const bought = await world.reserve();
		const deleted = await world.reserve();
		await watcher.poll();
		await world.purchaseReservation(bought.id);
		await world.deleteReservation(deleted.id);
		expect(polledEvents(await watcher.poll())).toEqual(
			[`reservationPurchased:${bought.id}`, `reservationDeleted:${deleted.id}`].sort(),
		);
		await emu.control.advanceClock({ minutes: 16 });
		const [expired] = polledItems(await watcher.poll());
		expect(expired).toMatchObject({
			event: 'reservationExpired',
			subject: expiring.id,
			before: { id: expiring.id, status: 'active', expiresAt: expiring.expiresAt },
			after: { id: expiring.id, status: 'expired' },
		});
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
	});

	it('the purchase of a reservation also reports its numbers as purchased', async () => {
		const watcher = trigger({ events: ['numberPurchased', 'reservationPurchased'] });
		const reservation = await world.reserve();
		await watcher.poll();
		const expected = await world.purchaseReservation(reservation.id);
		expect(polledEvents(await watcher.poll())).toEqual([...expected].sort());
	});
});

describe('Fetch Test Event', () => {
	it('Number Purchased shows the most recently purchased number, and keeps no state', async () => {
		const emu = emulator();
		await world.buy(3);
		await emu.control.advanceClock({ minutes: 1 });
		const [latest] = await world.buy(1);
		const watcher = trigger({ events: ['numberPurchased'] });
		const sample = await watcher.fetchTestEvent();
		expect(polledEvents(sample)).toEqual([`numberPurchased:${latest}`]);
		expect(watcher.staticData).toEqual({});
	});

	it('says why there is nothing to show for events ACS keeps no history of', async () => {
		const watcher = trigger({
			events: ['numberReleased', 'capabilitiesChanged', 'reservationDeleted'],
		});
		await emulator().control.clearRequestLog();
		const sample = await watcher.fetchTestEvent();
		expect(sample.ok).toBe(false);
		expect(!sample.ok && sample.error.message).toBe('No test event to show');
		const description = !sample.ok ? String(sample.error.description) : '';
		expect(description).toContain('ACS keeps no history of released numbers');
		expect(description).toContain('capability changes');
		expect(description).toContain('deleted reservations');
		expect(await acsRequestCount()).toBe(0);
	});

	it('reservation events show a real reservation in that state, or why there is none', async () => {
		const emu = emulator();
		const watcher = trigger({
			events: ['reservationExpiringSoon', 'reservationExpired', 'reservationPurchased'],
			leadTimeMinutes: 5,
		});
		const none = await watcher.fetchTestEvent();
		expect(!none.ok && none.error.description).toContain(
			'No active reservation expires within the lead time (5 minutes)',
		);
		const old = await world.reserve();
		const bought = await world.reserve();
		await world.purchaseReservation(bought.id);
		await emu.control.advanceClock({ minutes: 16 });
		const soon = await world.reserve();
		await emu.control.advanceClock({ minutes: 11 });
		expect(polledEvents(await watcher.fetchTestEvent())).toEqual(
			[
				`reservationExpiringSoon:${soon.id}`,
				`reservationExpired:${old.id}`,
				`reservationPurchased:${bought.id}`,
			].sort(),
		);
	});
});

describe('a failed poll', () => {
	async function listRequests(): Promise<number> {
		return (await emulator().control.requestLog()).filter((entry) => entry.path === '/phoneNumbers')
			.length;
	}

	it('gives up after 2 retries, emits nothing and says the next poll catches up', async () => {
		const emu = emulator();
		const watcher = trigger({ events: ['numberPurchased'] });
		await watcher.poll();
		await world.buy(1);
		await faultListReads({ type: 'status', status: 503 });
		await emu.control.clearRequestLog();
		const failed = await watcher.poll();
		expect(failed.ok).toBe(false);
		expect(!failed.ok && failed.error.message).toMatch(/^ServiceUnavailable/);
		expect(!failed.ok && failed.error.description).toContain(
			'This poll reported nothing and kept the last good state: the next successful poll reports every change since then, once.',
		);
		expect(await listRequests()).toBe(3);
	});

	it('does not wait for a Retry-After beyond its retry budget', async () => {
		const emu = emulator();
		const watcher = trigger({ events: ['numberPurchased'] });
		await faultListReads({ type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 30 });
		await emu.control.clearRequestLog();
		const failed = await watcher.poll();
		expect(!failed.ok && failed.error.description).toContain('retry budget of 10 s');
		expect(await listRequests()).toBe(1);
	});
});

describe('parameters', () => {
	it.each([
		[{ leadTimeMinutes: 0 }, '"Lead Time (Minutes)" must be a number from 1 to 120'],
		[{ leadTimeMinutes: 500 }, '"Lead Time (Minutes)" must be a number from 1 to 120'],
		[
			{ options: { pollTimeoutSeconds: 0 } },
			'"Poll Timeout (Seconds)" must be a number from 1 to 3600',
		],
		[{ events: ['numberPurchased', 'numberBought'] }, 'Unknown event "numberBought"'],
		[{ events: [] }, 'No event chosen'],
	])('%j is refused before any request', async (parameters, message) => {
		await emulator().control.clearRequestLog();
		const outcome = await trigger(parameters).poll();
		expect(!outcome.ok && outcome.error.message).toBe(message);
		expect(await acsRequestCount()).toBe(0);
	});
});

describe('Entra ID', () => {
	it('polls with a token as with the connection string', async () => {
		const watcher = trigger({ events: ['numberPurchased'] }, 'entraId');
		await watcher.poll();
		const [number] = await world.buy(1);
		expect(polledEvents(await watcher.poll())).toEqual([`numberPurchased:${number}`]);
	});
});

describe('state size', () => {
	it('stays under 1 MB for 20,000 purchased numbers', async () => {
		await world.buy(20_000);
		const watcher = trigger({
			events: ['numberPurchased', 'numberReleased', 'capabilitiesChanged'],
		});
		expect(await watcher.poll()).toEqual({ ok: true, items: null });
		expect(Object.keys(watcher.staticData.inventory as IDataObject)).toHaveLength(20_000);
		expect(watcher.staticDataBytes).toBeLessThan(1_000_000);
		process.stdout.write(`static data for 20,000 numbers: ${watcher.staticDataBytes} bytes\n`);
	}, 120_000);
});
