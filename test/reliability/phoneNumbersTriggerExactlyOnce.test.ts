/**
 * Exactly once under faults: 40 polls of the Phone Numbers Trigger against the emulator while numbers are bought,
 * released and change capabilities, and reservations are made, extended, bought, deleted and expire (the emulator's
 * virtual clock moves 3 minutes per poll). Some polls meet throttling (Retry-After), 5xx, resets, timeouts, HTML
 * pages and, with Entra ID, rejected and expired tokens. Every failed poll must emit nothing, say why, and keep the
 * state; every good poll must emit exactly what changed since the last good one (an oracle kept by this test from
 * the changes it made), and over the run the emitted events must equal the changes made.
 */
import type { FaultSpec } from '../../emulator/core/faults';
import { withEmulator } from '../support/emulator';
import { PollingTrigger, type PollOutcome } from '../support/engine/pollTrigger';
import { credentialsFor, type Auth } from '../support/fixtures';
import { PhoneNumbersWorld } from '../support/phoneNumbersWorld';
import { pick, reliabilitySeed, seededRandom } from './support/seed';

const seed = reliabilitySeed('phoneNumbersTriggerExactlyOnce');
const emulator = withEmulator({ seed });

const POLLS = 40;
const MINUTE = 60_000;
const STEP_MINUTES = 3;
const LEAD_MINUTES = 5;
const POLL_TIMEOUT_SECONDS = 5;
const MAX_FAILED_IN_A_ROW = 2;
const LISTS = ['^/phoneNumbers$', '^/availablePhoneNumbers/reservations$'];
const OUTBOUND = { calling: 'outbound', sms: 'none' };
const BOTH_WAYS = { calling: 'inbound+outbound', sms: 'none' };

type FaultKind = { name: string; fails: boolean; spec: Omit<FaultSpec, 'path'> };
const FAULTS: FaultKind[] = [
	{
		name: '429 beyond the retry budget',
		fails: true,
		spec: { type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 60, count: 1 },
	},
	{
		name: '429 with Retry-After 1 s',
		fails: false,
		spec: { type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 1, count: 1 },
	},
	{
		name: '503 until retries run out',
		fails: true,
		spec: { type: 'status', status: 503, count: 3 },
	},
	{ name: 'one 503', fails: false, spec: { type: 'status', status: 503, count: 1 } },
	{ name: 'connection resets', fails: true, spec: { type: 'reset', count: 3 } },
	{ name: 'HTML gateway pages', fails: true, spec: { type: 'html', count: 3 } },
	{
		name: 'no answer within the poll timeout',
		fails: true,
		spec: { type: 'delay', delayMs: POLL_TIMEOUT_SECONDS * 1000 + 1500, count: 3 },
	},
];
const REJECTED_TOKEN: FaultKind = {
	name: 'token rejected (401) twice',
	fails: true,
	spec: {
		type: 'status',
		status: 401,
		code: 'Denied',
		message: 'The access token is invalid.',
		count: 2,
	},
};

/** What this test knows it did: the truth the trigger must report. */
interface NumberTruth {
	calling: string;
	generation: number;
}
interface ReservationTruth {
	expiresAt: string;
	state: 'active' | 'completed' | 'deleted';
}
interface ReservationSeen {
	status: string;
	expiresAt: string;
	warnedFor?: string;
}

class Oracle {
	numbers = new Map<string, NumberTruth>();
	reservations = new Map<string, ReservationTruth>();
	private generations = new Map<string, number>();
	seenNumbers = new Map<string, NumberTruth>();
	seenReservations = new Map<string, ReservationSeen>();

	bought(phoneNumber: string, calling: string): void {
		const generation = (this.generations.get(phoneNumber) ?? 0) + 1;
		this.generations.set(phoneNumber, generation);
		this.numbers.set(phoneNumber, { calling, generation });
	}

	private status(truth: ReservationTruth, now: number): string {
		if (truth.state !== 'active') return truth.state;
		return now >= Date.parse(truth.expiresAt) ? 'expired' : 'active';
	}

	/** The events a good poll at `now` must emit; then what it saw becomes the last good state. */
	expectAt(now: number, baseline: boolean): string[] {
		const expected: string[] = [];
		for (const [phone, was] of this.seenNumbers) {
			const is = this.numbers.get(phone);
			if (!is || is.generation !== was.generation) expected.push(`numberReleased:${phone}`);
			else if (is.calling !== was.calling) expected.push(`capabilitiesChanged:${phone}`);
		}
		for (const [phone, is] of this.numbers) {
			const was = this.seenNumbers.get(phone);
			if (!was || was.generation !== is.generation) expected.push(`numberPurchased:${phone}`);
		}
		const seen = new Map<string, ReservationSeen>();
		for (const [id, truth] of this.reservations) {
			const was = this.seenReservations.get(id);
			const status = this.status(truth, now);
			if (status === 'deleted') {
				if (was?.status === 'active') expected.push(`reservationDeleted:${id}`);
				continue;
			}
			const next: ReservationSeen = { status, expiresAt: truth.expiresAt };
			if (was?.warnedFor === truth.expiresAt) next.warnedFor = truth.expiresAt;
			if (status === 'completed' && was?.status !== 'completed')
				expected.push(`reservationPurchased:${id}`);
			if (status === 'expired' && was?.status !== 'expired')
				expected.push(`reservationExpired:${id}`);
			if (status === 'active' && Date.parse(truth.expiresAt) - now <= LEAD_MINUTES * MINUTE) {
				if (next.warnedFor !== truth.expiresAt) expected.push(`reservationExpiringSoon:${id}`);
				next.warnedFor = truth.expiresAt;
			}
			seen.set(id, next);
		}
		this.seenNumbers = new Map([...this.numbers].map(([phone, truth]) => [phone, { ...truth }]));
		this.seenReservations = seen;
		return baseline ? [] : expected.sort();
	}
}

function eventsOf(outcome: PollOutcome): string[] {
	if (!outcome.ok) return [];
	return (outcome.items ?? []).map((item) => `${item.json.event}:${item.json.subject}`).sort();
}

function countOf(events: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const event of events) counts.set(event, (counts.get(event) ?? 0) + 1);
	return counts;
}

async function run(auth: Auth): Promise<void> {
	const emu = emulator();
	const random = seededRandom(seed + (auth === 'entraId' ? 1 : 0));
	const world = new PhoneNumbersWorld(emu);
	const oracle = new Oracle();
	await world.finishOperationsAtOnce();
	// Tokens live 10 virtual minutes: with Entra ID, every fourth poll or so meets an expired token.
	if (auth === 'entraId') await emu.control.setTokenLifetime(600);

	const changesMade: string[] = [];
	const emitted: string[] = [];
	const touched = new Set<string>();
	const failures: string[] = [];
	let failedInARow = 0;

	for (const phone of await world.buy(110, OUTBOUND)) oracle.bought(phone, OUTBOUND.calling);
	for (let index = 0; index < 3; index++) {
		const { id, expiresAt } = await world.reserve();
		oracle.reservations.set(id, { expiresAt, state: 'active' });
	}

	const watcher = new PollingTrigger({
		nodeType: 'azureCommunicationPhoneNumbersTrigger',
		parameters: {
			authentication: auth,
			events: [
				'numberPurchased',
				'numberReleased',
				'capabilitiesChanged',
				'reservationExpiringSoon',
				'reservationExpired',
				'reservationPurchased',
				'reservationDeleted',
			],
			leadTimeMinutes: LEAD_MINUTES,
			options: { pollTimeoutSeconds: POLL_TIMEOUT_SECONDS },
		},
		credentials: credentialsFor(emu, auth),
		clockOf: emu,
	});

	for (let poll = 0; poll <= POLLS; poll++) {
		const now = await world.now();
		const lastPoll = poll === POLLS;
		if (poll > 0) {
			// Change only what the trigger has seen since its last good poll, once: so the truth between two good polls
			// is one change per subject, and "what changed" is exactly what was done.
			const seenNumbers = [...oracle.seenNumbers.keys()].filter(
				(phone) => !touched.has(`${phone}#${oracle.seenNumbers.get(phone)!.generation}`),
			);
			const touch = (phone: string) =>
				touched.add(`${phone}#${oracle.numbers.get(phone)!.generation}`);
			for (let index = Math.floor(random() * 3); index > 0; index--) {
				const phone = pick(random, seenNumbers);
				const instance = phone && oracle.numbers.get(phone);
				if (!instance || touched.has(`${phone}#${instance.generation}`)) continue;
				touch(phone);
				if (random() < 0.5) {
					changesMade.push(await world.release(phone));
					oracle.numbers.delete(phone);
				} else {
					changesMade.push(await world.setCapabilities(phone, BOTH_WAYS));
					oracle.numbers.get(phone)!.calling = BOTH_WAYS.calling;
				}
			}
			for (const phone of await world.buy(
				Math.floor(random() * 3) + (random() < 0.3 ? 0 : 1),
				OUTBOUND,
			)) {
				oracle.bought(phone, OUTBOUND.calling);
				changesMade.push(`numberPurchased:${phone}`);
			}
			const activeSeen = [...oracle.seenReservations]
				.filter(([id, seen]) => seen.status === 'active' && !touched.has(id))
				.map(([id]) => id)
				.filter((id) => oracle.reservations.get(id)!.state === 'active');
			// Far enough from expiry that no run of failed polls can make a deletion look like an expiry.
			const safe = activeSeen.filter(
				(id) =>
					Date.parse(oracle.reservations.get(id)!.expiresAt) - now >
					(MAX_FAILED_IN_A_ROW + 1) * STEP_MINUTES * MINUTE + MINUTE,
			);
			const roll = random();
			const target = pick(random, safe);
			if (target && roll < 0.2) {
				touched.add(target);
				changesMade.push(await world.deleteReservation(target));
				oracle.reservations.get(target)!.state = 'deleted';
			} else if (target && roll < 0.45) {
				touched.add(target);
				const reservation = await world.getReservation(target);
				const events = await world.purchaseReservation(target);
				changesMade.push(...events);
				oracle.reservations.get(target)!.state = 'completed';
				for (const phone of reservation.phoneNumbers) oracle.bought(phone, reservation.calling);
			} else if (target && roll < 0.6) {
				const { expiresAt } = await world.reserve(target);
				oracle.reservations.get(target)!.expiresAt = expiresAt;
			}
			if (random() < 0.4) {
				const { id, expiresAt } = await world.reserve();
				oracle.reservations.set(id, { expiresAt, state: 'active' });
			}
			await emu.control.advanceClock({ minutes: STEP_MINUTES });
		}

		const fault =
			poll > 0 && !lastPoll && failedInARow < MAX_FAILED_IN_A_ROW && random() < 0.45
				? auth === 'entraId' && random() < 0.25
					? REJECTED_TOKEN
					: pick(random, FAULTS)
				: undefined;
		if (fault)
			await emu.control.addFault({ path: pick(random, LISTS), method: 'GET', ...fault.spec });
		const stateBefore = JSON.stringify(watcher.staticData);
		const outcome = await watcher.poll();
		await emu.control.clearFaults();

		if (!outcome.ok) {
			failedInARow += 1;
			failures.push(`${poll}: ${fault?.name ?? 'no fault'}: ${outcome.error.message}`);
			expect({ poll, fault: fault?.name, shouldFail: fault?.fails }).toEqual({
				poll,
				fault: fault?.name,
				shouldFail: true,
			});
			expect(outcome.error.message).toMatch(
				/429|TooManyRequests|503|ServiceUnavailable|502|HTML|reset|ECONN|time|401|Denied|answer/i,
			);
			expect(String(outcome.error.description)).toContain(
				'This poll reported nothing and kept the last good state',
			);
			expect(JSON.stringify(watcher.staticData)).toBe(stateBefore);
			continue;
		}
		failedInARow = 0;
		if (fault)
			expect({ poll, fault: fault.name, shouldFail: fault.fails }).toEqual({
				poll,
				fault: fault.name,
				shouldFail: false,
			});
		const pollNow = await world.now();
		const expected = oracle.expectAt(pollNow, poll === 0);
		const got = eventsOf(outcome);
		expect({ poll, events: got }).toEqual({ poll, events: expected });
		emitted.push(...got);
	}

	// Over the whole run: every change made was reported exactly once; expiries at most once per expiry time.
	const reported = emitted.filter(
		(event) =>
			!event.startsWith('reservationExpired:') && !event.startsWith('reservationExpiringSoon:'),
	);
	expect(countOf(reported)).toEqual(countOf(changesMade));
	const expiredTwice = [
		...countOf(emitted.filter((event) => event.startsWith('reservationExpired:'))),
	].filter(([, count]) => count > 1);
	expect(expiredTwice).toEqual([]);
	expect(failures.length).toBeGreaterThan(0);
	// Expired tokens were met and replaced (a token lives 10 virtual minutes; the run spans 2 hours).
	if (auth === 'entraId') expect((await emu.control.tokens()).issued).toBeGreaterThan(4);
	const kinds = [...countOf(emitted.map((event) => event.split(':')[0]))]
		.map(([kind, count]) => `${kind} ${count}`)
		.join(', ');
	// eslint-disable-next-line no-console
	console.log(
		`[reliability] ${auth}: ${POLLS} polls, ${failures.length} failed, ${changesMade.length} changes made, ${emitted.length} events (${kinds})\n  ${failures.join('\n  ')}`,
	);
}

it('connection string: every change reported exactly once through faults', async () => {
	await run('connectionString');
}, 600_000);

it('Entra ID: every change reported exactly once through faults, rejected and expired tokens', async () => {
	await run('entraId');
}, 600_000);
