/**
 * Reservation → Create or Update with "Numbers to Add From: Input Items" takes the reservation and its numbers from
 * what Reservation → Get outputs. Fed its own reservation back at its defaults, it changes nothing: no PATCH (which
 * would also push the expiry out), the stored reservation stays as it was, and the item says "unchanged".
 */
import type { IDataObject } from 'n8n-workflow';

import { readThenWrite } from '../roundTrip';
import { acsRequests, jsonOf, NODE_TYPE, phoneNumbersEmulator, run } from './harness';

const emulator = phoneNumbersEmulator();

async function reservationOfTwo(): Promise<string> {
	const emu = emulator();
	const browsed = jsonOf(
		await run(emu, {
			resource: 'availableNumber',
			operation: 'browse',
			countryCode: 'US',
			phoneNumberType: 'geographic',
			assignmentType: 'application',
		}),
	).slice(0, 2);
	const [reservation] = jsonOf(
		await run(
			emu,
			{ resource: 'reservation', operation: 'createOrUpdate', numbersSource: 'inputItems' },
			{ inputItems: browsed },
		),
	);
	await emu.control.clearRequestLog();
	return reservation.reservationId as string;
}

async function stored(reservationId: string): Promise<IDataObject> {
	const [reservation] = jsonOf(
		await run(emulator(), { resource: 'reservation', operation: 'get', reservationId }),
	);
	const { expiresInSeconds: _changesWithTheClock, ...rest } = reservation;
	return rest;
}

const patches = async () =>
	(await acsRequests(emulator())).filter((request) => request.method === 'PATCH');

describe('Reservation round trip: Get -> Create or Update (Input Items) with defaults', () => {
	it('changes nothing and sends no PATCH', async () => {
		const reservationId = await reservationOfTwo();
		const before = await stored(reservationId);
		expect(before.phoneNumberCount).toBe(2);

		const outcome = await readThenWrite(
			emulator(),
			NODE_TYPE,
			{ resource: 'reservation', operation: 'get', reservationId },
			{ resource: 'reservation', operation: 'createOrUpdate' },
		);
		expect(outcome.error).toBeUndefined();
		expect(outcome.written).toEqual([
			expect.objectContaining({
				reservationId,
				change: 'unchanged',
				created: false,
				phoneNumberCount: 2,
			}),
		]);
		expect(await patches()).toEqual([]);
		expect(await stored(reservationId)).toEqual(before);
	});

	it('adds only the numbers the reservation does not hold yet', async () => {
		const reservationId = await reservationOfTwo();
		const [held] = jsonOf(
			await run(emulator(), { resource: 'reservation', operation: 'get', reservationId }),
		);
		const numbers = held.numbers as IDataObject[];
		const browsed = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'browse',
				countryCode: 'US',
				phoneNumberType: 'geographic',
				assignmentType: 'application',
			}),
		);
		const extra = browsed.find(
			(number) => !numbers.some((heldNumber) => heldNumber.phoneNumber === number.phoneNumber),
		) as IDataObject;
		await emulator().control.clearRequestLog();

		const result = await run(
			emulator(),
			{ resource: 'reservation', operation: 'createOrUpdate' },
			{ inputItems: [held, { ...extra, reservationId }] },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ reservationId, change: 'updated', phoneNumberCount: 3 }),
		]);
		expect((await patches()).length).toBe(1);
	});

	it('creates the reservation the items name when it does not exist yet', async () => {
		const reservationId = '65c18c7f-8074-4efb-a572-e0df127a9964';
		const [number] = jsonOf(
			await run(emulator(), {
				resource: 'availableNumber',
				operation: 'browse',
				countryCode: 'US',
				phoneNumberType: 'geographic',
				assignmentType: 'application',
			}),
		);
		const result = await run(
			emulator(),
			{ resource: 'reservation', operation: 'createOrUpdate' },
			{ inputItems: [{ ...number, reservationId }] },
		);
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				reservationId,
				change: 'created',
				created: true,
				phoneNumberCount: 1,
			}),
		]);
	});

	it('refuses input items that name two different reservations, before any request', async () => {
		const result = await run(
			emulator(),
			{ resource: 'reservation', operation: 'createOrUpdate' },
			{
				inputItems: [
					{ reservationId: '65c18c7f-8074-4efb-a572-e0df127a9964', numbers: [] },
					{ reservationId: '75c18c7f-8074-4efb-a572-e0df127a9964', numbers: [] },
				],
			},
		);
		expect(result.error?.message).toBe(
			'Invalid "Reservation ID": input items name 2 reservations (65c18c7f-8074-4efb-a572-e0df127a9964, 75c18c7f-8074-4efb-a572-e0df127a9964)',
		);
		expect(await acsRequests(emulator())).toEqual([]);
	});
});
