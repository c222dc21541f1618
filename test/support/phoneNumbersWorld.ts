/**
 * Changes a test makes to the emulator's phone numbers and reservations, the way another client of the resource
 * would (signed ACS calls; purchases through the control API's seed), with long-running operations set to finish
 * at once. Each change returns the trigger event it should cause, as `event:subject`.
 */
import { randomUUID } from 'node:crypto';

import type { RunningEmulator } from '../../emulator';
import { signedRequest } from '../reliability/support/signed';

const API = 'api-version=2025-06-01';
const TOLL_FREE = { phoneNumberType: 'tollFree', assignmentType: 'application' };
const MERGE_PATCH = 'application/merge-patch+json';

export interface Capabilities {
	calling: string;
	sms: string;
}

function expectStatus(what: string, status: number, wanted: number[], text: string): void {
	if (!wanted.includes(status)) throw new Error(`${what}: ${status} ${text}`);
}

export class PhoneNumbersWorld {
	constructor(private readonly emu: RunningEmulator) {}

	/** Long-running operations finish at once: their effect is visible to the next request. */
	async finishOperationsAtOnce(): Promise<void> {
		await this.emu.control.phoneNumbers.setLro({ notStartedMs: 0, runningMs: 0 });
	}

	async buy(count: number, capabilities?: Partial<Capabilities>): Promise<string[]> {
		if (count === 0) return [];
		const { phoneNumbers } = await this.emu.control.phoneNumbers.seed({
			count,
			countryCode: 'US',
			...TOLL_FREE,
			...(capabilities ? { capabilities } : {}),
		});
		return phoneNumbers;
	}

	async release(phoneNumber: string): Promise<string> {
		const answer = await signedRequest(
			this.emu,
			'DELETE',
			`/phoneNumbers/${encodeURIComponent(phoneNumber)}?${API}`,
		);
		expectStatus(`release ${phoneNumber}`, answer.status, [202], answer.text);
		return `numberReleased:${phoneNumber}`;
	}

	async setCapabilities(phoneNumber: string, capabilities: Capabilities): Promise<string> {
		const answer = await signedRequest(
			this.emu,
			'PATCH',
			`/phoneNumbers/${encodeURIComponent(phoneNumber)}/capabilities?${API}`,
			JSON.stringify(capabilities),
			MERGE_PATCH,
		);
		expectStatus(`capabilities of ${phoneNumber}`, answer.status, [202], answer.text);
		return `capabilitiesChanged:${phoneNumber}`;
	}

	/** A free toll-free number, not held by anyone. */
	private async availableNumber(): Promise<Record<string, unknown>> {
		const answer = await signedRequest(
			this.emu,
			'POST',
			`/availablePhoneNumbers/countries/US/:browse?${API}`,
			JSON.stringify({ ...TOLL_FREE, capabilities: { calling: 'outbound', sms: 'none' } }),
		);
		expectStatus('browse', answer.status, [200], answer.text);
		return answer.json.phoneNumbers[0];
	}

	/** Creates a reservation of one number, or adds one to an existing reservation (its expiry moves on). */
	async reserve(reservationId: string = randomUUID()): Promise<{ id: string; expiresAt: string }> {
		const number = await this.availableNumber();
		const answer = await signedRequest(
			this.emu,
			'PATCH',
			`/availablePhoneNumbers/reservations/${reservationId}?${API}`,
			JSON.stringify({ phoneNumbers: { [String(number.id)]: number } }),
			MERGE_PATCH,
		);
		expectStatus(`reserve in ${reservationId}`, answer.status, [200, 201], answer.text);
		return { id: reservationId, expiresAt: answer.json.expiresAt };
	}

	/** The numbers a reservation holds (E.164) and their calling capability. */
	async getReservation(
		reservationId: string,
	): Promise<{ phoneNumbers: string[]; calling: string }> {
		const answer = await signedRequest(
			this.emu,
			'GET',
			`/availablePhoneNumbers/reservations/${reservationId}?${API}`,
		);
		expectStatus(`get ${reservationId}`, answer.status, [200], answer.text);
		const numbers = Object.values(
			answer.json.phoneNumbers as Record<
				string,
				{ phoneNumber: string; capabilities: { calling: string } }
			>,
		);
		return {
			phoneNumbers: numbers.map((number) => number.phoneNumber),
			calling: numbers[0]?.capabilities.calling ?? '',
		};
	}

	/** Buys a reservation's numbers; the events: the reservation purchased and each of its numbers purchased. */
	async purchaseReservation(reservationId: string): Promise<string[]> {
		const { phoneNumbers } = await this.getReservation(reservationId);
		const answer = await signedRequest(
			this.emu,
			'POST',
			`/availablePhoneNumbers/reservations/${reservationId}/:purchase?${API}`,
			JSON.stringify({}),
		);
		expectStatus(`purchase ${reservationId}`, answer.status, [202], answer.text);
		return [
			`reservationPurchased:${reservationId}`,
			...phoneNumbers.map((phoneNumber) => `numberPurchased:${phoneNumber}`),
		];
	}

	async deleteReservation(reservationId: string): Promise<string> {
		const answer = await signedRequest(
			this.emu,
			'DELETE',
			`/availablePhoneNumbers/reservations/${reservationId}?${API}`,
		);
		expectStatus(`delete ${reservationId}`, answer.status, [204], answer.text);
		return `reservationDeleted:${reservationId}`;
	}

	/** The emulator's virtual time, in ms. */
	async now(): Promise<number> {
		return Date.parse((await this.emu.control.getClock()).now);
	}
}
