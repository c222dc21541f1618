/**
 * The changes the trigger checks make on the emulator, as a user of the service would (HMAC-signed ACS calls) or as
 * the service itself would (trunk health, numbers bought elsewhere: the control API).
 */
import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '../../../emulator';
import { signedRequest } from '../../../test/reliability/support/signed';

const PHONE_NUMBERS_API = 'api-version=2025-06-01';
const SIP_API = 'api-version=2023-03-01';
const MERGE_PATCH = 'application/merge-patch+json';
/** How long after its last change a reservation expires (emulator/phoneNumbers/README.md). */
const RESERVATION_LIFETIME_MS = 15 * 60_000;

export const TRUNK = 'sbc1.trunks.example.com';
export const ROUTE = 'us-and-canada';

async function expectStatus(
	answer: Promise<{ status: number; text: string }>,
	what: string,
	ok: number[],
): Promise<void> {
	const { status, text } = await answer;
	if (!ok.includes(status)) throw new Error(`${what}: HTTP ${status} ${text.slice(0, 300)}`);
}

export async function buyNumbers(emulator: RunningEmulator, count: number): Promise<string[]> {
	const seeded = await emulator.control.phoneNumbers.seed({
		count,
		countryCode: 'US',
		phoneNumberType: 'geographic',
		capabilities: { calling: 'outbound', sms: 'none' },
	});
	return seeded.phoneNumbers;
}

export async function releaseNumber(emulator: RunningEmulator, phoneNumber: string): Promise<void> {
	await expectStatus(
		signedRequest(
			emulator,
			'DELETE',
			`/phoneNumbers/${encodeURIComponent(phoneNumber)}?${PHONE_NUMBERS_API}`,
		),
		`release ${phoneNumber}`,
		[202],
	);
}

export async function changeCapabilities(
	emulator: RunningEmulator,
	phoneNumber: string,
	calling: string,
): Promise<void> {
	await expectStatus(
		signedRequest(
			emulator,
			'PATCH',
			`/phoneNumbers/${encodeURIComponent(phoneNumber)}/capabilities?${PHONE_NUMBERS_API}`,
			JSON.stringify({ calling, sms: 'none' }),
			MERGE_PATCH,
		),
		`capabilities of ${phoneNumber}`,
		[202],
	);
}

/**
 * A reservation that expires `expiresInMs` from now: created with the emulator's clock turned back, so that its
 * 15 minutes run out sooner, then the clock is set right again.
 */
export async function reserveExpiringIn(
	emulator: RunningEmulator,
	expiresInMs: number,
): Promise<string> {
	const id = randomUUID();
	const { offsetMs } = await emulator.control.getClock();
	await emulator.control.setClock({ offsetMs: offsetMs - (RESERVATION_LIFETIME_MS - expiresInMs) });
	try {
		await expectStatus(
			signedRequest(
				emulator,
				'PATCH',
				`/availablePhoneNumbers/reservations/${id}?${PHONE_NUMBERS_API}`,
				JSON.stringify({ phoneNumbers: {} }),
				MERGE_PATCH,
			),
			'create a reservation',
			[200, 201],
		);
	} finally {
		await emulator.control.setClock({ offsetMs });
	}
	return id;
}

export async function patchSip(emulator: RunningEmulator, patch: object): Promise<void> {
	await expectStatus(
		signedRequest(emulator, 'PATCH', `/sip?${SIP_API}`, JSON.stringify(patch), MERGE_PATCH),
		'PATCH /sip',
		[200],
	);
}

/** One trunk, healthy, and one route through it. */
export async function setUpSip(emulator: RunningEmulator): Promise<void> {
	await patchSip(emulator, {
		trunks: { [TRUNK]: { sipSignalingPort: 5061 } },
		routes: [{ name: ROUTE, numberPattern: '^\\+1\\d{10}$', trunks: [TRUNK] }],
	});
	await setTrunkOverall(emulator, 'active');
}

export async function setTrunkOverall(
	emulator: RunningEmulator,
	status: 'active' | 'inactive',
): Promise<void> {
	await emulator.control.sip.setTrunkHealth(TRUNK, {
		tls: { status: status === 'active' ? 'ok' : 'certExpired' },
		ping: { status: status === 'active' ? 'ok' : 'error' },
		overall: { status },
	});
}
