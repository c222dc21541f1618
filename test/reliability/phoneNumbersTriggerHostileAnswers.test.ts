/**
 * The Phone Numbers Trigger behind a proxy that makes the emulator's answers hostile: a `Date` header years off
 * (or a few minutes off, back and forth) and reservation lists with 1 MB strings or values of the wrong type. The
 * trigger reports each expiry once, on time, and keeps its state and its events small.
 */
import type { IDataObject } from 'n8n-workflow';

import { withEmulator } from '../support/emulator';
import { PollingTrigger, polledEvents, polledItems } from '../support/engine/pollTrigger';
import { credentialsFor } from '../support/fixtures';
import { PhoneNumbersWorld } from '../support/phoneNumbersWorld';
import { reliabilitySeed } from './support/seed';
import {
	startRewritingProxy,
	type Rewrite,
	type RewritingProxy,
	type UpstreamAnswer,
} from './support/servers';

const emulator = withEmulator({ seed: reliabilitySeed('phoneNumbersTriggerHostileAnswers') });

const MINUTE = 60_000;
const YEARS = 5 * 365 * 24 * 60 * MINUTE;
const MEGABYTE = 1024 * 1024;
/** The list each path answers, by its items field. */
const LISTS: Array<[string, 'reservations' | 'phoneNumbers']> = [
	['/availablePhoneNumbers/reservations?', 'reservations'],
	['/phoneNumbers?', 'phoneNumbers'],
];

/** What the proxy does to the answers of the next polls: the Date moved, entries added to the lists. */
let dateShiftMs = 0;
let added: Record<'reservations' | 'phoneNumbers', IDataObject[]>;
let proxy: RewritingProxy;
let world: PhoneNumbersWorld;

function rewrite(answer: UpstreamAnswer): ReturnType<Rewrite> {
	const date = Date.parse(String(answer.headers.date));
	const headers = { ...answer.headers, date: new Date(date + dateShiftMs).toUTCString() };
	const field = LISTS.find(([path]) => answer.url.startsWith(path))?.[1];
	if (field === undefined || added[field].length === 0) return { headers };
	const list = JSON.parse(answer.body) as Record<string, IDataObject[]>;
	return { headers, body: JSON.stringify({ ...list, [field]: [...list[field], ...added[field]] }) };
}

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, rewrite);
});
afterAll(async () => {
	await proxy.close();
});
beforeEach(async () => {
	dateShiftMs = 0;
	added = { reservations: [], phoneNumbers: [] };
	world = new PhoneNumbersWorld(emulator());
	await world.finishOperationsAtOnce();
});

function trigger(
	events = ['reservationExpiringSoon', 'reservationExpired', 'reservationPurchased'],
): PollingTrigger {
	return new PollingTrigger({
		nodeType: 'azureCommunicationPhoneNumbersTrigger',
		parameters: {
			authentication: 'connectionString',
			events,
			leadTimeMinutes: 5,
		},
		credentials: credentialsFor(emulator(), 'connectionString', proxy.endpoint),
		clockOf: emulator(),
	});
}

describe('a Date header far from this machine`s clock', () => {
	it('years ahead or behind changes nothing: each event comes once, when it is due', async () => {
		const emu = emulator();
		const watcher = trigger();
		const { id } = await world.reserve();
		expect(polledEvents(await watcher.poll())).toEqual([]);
		dateShiftMs = YEARS;
		expect(polledEvents(await watcher.poll())).toEqual([]);
		dateShiftMs = -YEARS;
		expect(polledEvents(await watcher.poll())).toEqual([]);
		await emu.control.advanceClock({ minutes: 11 });
		expect(polledEvents(await watcher.poll())).toEqual([`reservationExpiringSoon:${id}`]);
		dateShiftMs = YEARS;
		expect(polledEvents(await watcher.poll())).toEqual([]);
		dateShiftMs = 0;
		await emu.control.advanceClock({ minutes: 5 });
		expect(polledEvents(await watcher.poll())).toEqual([`reservationExpired:${id}`]);
		dateShiftMs = -YEARS;
		expect(polledEvents(await watcher.poll())).toEqual([]);
	});

	it('a few minutes ahead, then back: the expiry it showed is reported once, and no warning follows it', async () => {
		const emu = emulator();
		const watcher = trigger();
		const { id } = await world.reserve();
		expect(polledEvents(await watcher.poll())).toEqual([]);
		await emu.control.advanceClock({ minutes: 11 });
		// The service's clock runs 10 minutes ahead (within what is believed): the reservation has expired by it.
		dateShiftMs = 10 * MINUTE;
		expect(polledEvents(await watcher.poll())).toEqual([`reservationExpired:${id}`]);
		dateShiftMs = 0;
		expect(polledEvents(await watcher.poll())).toEqual([]);
		await emu.control.advanceClock({ minutes: 5 });
		expect(polledEvents(await watcher.poll())).toEqual([]);
	});
});

describe('hostile reservation entries', () => {
	const huge = 'x'.repeat(MEGABYTE);
	const soon = () => new Date(Date.now() + 60 * MINUTE).toISOString();

	it('1 MB strings and values of the wrong type are neither kept in the state nor put whole in an event', async () => {
		const watcher = trigger();
		await world.reserve();
		added.reservations = [
			{ id: 'long-status', status: `active${huge}`, expiresAt: soon() },
			{ id: 'long-expiry', status: 'active', expiresAt: `${soon()}${huge}` },
			{ id: `long-id-${huge}`, status: 'active', expiresAt: soon() },
			{ id: 'wrong-types', status: 12345, expiresAt: { at: soon() } },
		];
		expect(polledEvents(await watcher.poll())).toEqual([]);
		expect(watcher.staticDataBytes).toBeLessThan(2_000);

		added.reservations = [
			{ id: 'long-status', status: `completed${huge}`, expiresAt: soon() },
			{ id: 'long-expiry', status: 'completed', expiresAt: `${soon()}${huge}` },
			{ id: `long-id-${huge}`, status: 'completed', expiresAt: soon() },
			{ id: 'wrong-types', status: 'expired', expiresAt: { at: soon() } },
		];
		const outcome = await watcher.poll();
		expect(polledEvents(outcome)).toEqual([
			'reservationExpired:wrong-types',
			'reservationPurchased:long-expiry',
		]);
		for (const item of polledItems(outcome))
			expect(JSON.stringify(item).length).toBeLessThan(1_000);
		expect(watcher.staticDataBytes).toBeLessThan(2_000);
	});

	it('state another version kept with 1 MB strings is neither carried on nor put whole in an event', async () => {
		const watcher = trigger(['reservationExpiringSoon', 'reservationDeleted']);
		const { id } = await world.reserve();
		await watcher.poll();
		const kept = watcher.staticData.reservations as IDataObject;
		watcher.seedStaticData({
			reservations: {
				...kept,
				[id]: { ...(kept[id] as IDataObject), warnedFor: huge },
				[`gone-${huge}`]: { status: 'active', expiresAt: soon() },
				gone: { status: `active${huge}`, expiresAt: `${soon()}${huge}` },
			},
		});
		const outcome = await watcher.poll();
		expect(polledEvents(outcome)).toEqual(['reservationDeleted:gone']);
		for (const item of polledItems(outcome))
			expect(JSON.stringify(item).length).toBeLessThan(1_000);
		expect(watcher.staticDataBytes).toBeLessThan(2_000);
	});
});

describe('hostile purchased number entries', () => {
	it('1 MB numbers and capabilities are not kept in the state', async () => {
		const watcher = trigger(['numberPurchased', 'numberReleased', 'capabilitiesChanged']);
		await world.buy(1);
		const huge = '1'.repeat(MEGABYTE);
		const capabilities = { calling: 'outbound', sms: 'none' };
		added.phoneNumbers = [
			{ id: huge, phoneNumber: `+${huge}`, capabilities },
			{
				id: '18005550199',
				phoneNumber: '+18005550199',
				capabilities: { ...capabilities, calling: huge },
			},
		];
		expect(polledEvents(await watcher.poll())).toEqual([]);
		expect(Object.keys(watcher.staticData.inventory as IDataObject)).toHaveLength(2);
		expect(watcher.staticDataBytes).toBeLessThan(1_000);
	});
});
