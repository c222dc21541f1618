/** Browse and reservations: PATCH 201/200/207, null removes, expiry, list paging, delete, purchase. */
import type { AvailablePhoneNumber } from '@azure/communication-phone-numbers';
import { collect, POLL, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

const ID = '65c18c7f-8074-4efb-a572-e0df127a9964';
const OTHER_ID = '2b0a3c7e-1111-4a2b-9c3d-4e5f60718293';

async function browse(
	countryCode = 'US',
	prefixes?: string[],
	assignmentType: 'person' | 'application' = 'person',
): Promise<AvailablePhoneNumber[]> {
	const result = await kit.client().browseAvailablePhoneNumbers(
		{ countryCode, phoneNumberType: 'geographic' },
		{
			capabilities: { calling: 'outbound' },
			assignmentType,
			...(prefixes ? { phoneNumberPrefixes: prefixes } : {}),
		},
	);
	return result.phoneNumbers;
}

kit.forEachAuth('browse', () => {
	it('offers a random sample of free numbers matching prefixes and minimum capabilities', async () => {
		const numbers = await browse('US', ['1425', '1206']);
		expect(numbers.length).toBeGreaterThan(0);
		for (const number of numbers) {
			expect(number.phoneNumber).toMatch(/^\+1(425|206)\d{7}$/);
			expect(number).toMatchObject({
				status: 'available',
				countryCode: 'US',
				assignmentType: 'person',
				isAgreementToNotResellRequired: false,
			});
			expect(number.capabilities.calling).toBe('outbound');
			expect(number.cost).toEqual({ amount: 1, currencyCode: 'USD', billingFrequency: 'monthly' });
		}
		const again = await browse('US', ['1425', '1206']);
		expect(again.map((entry) => entry.id)).not.toEqual(numbers.map((entry) => entry.id));
	});

	it('validates the browse body', async () => {
		const response = await kit.raw(
			'POST',
			'/availablePhoneNumbers/countries/US/:browse?api-version=2025-06-01',
			{ body: {} },
		);
		expect(response.status).toBe(400);
		expect(response.body.error).toMatchObject({ code: 'InvalidInput', target: 'phoneNumberType' });
	});
});

kit.forEachAuth('reservations', () => {
	it('creates (201 + Location), updates (200), removes with null, reads and lists', async () => {
		const client = kit.client();
		const [first, second] = await browse();
		const created = await kit.raw(
			'PATCH',
			`/availablePhoneNumbers/reservations/${ID}?api-version=2025-06-01`,
			{
				body: { phoneNumbers: { [first.id!]: first } },
				headers: { 'content-type': 'application/merge-patch+json' },
			},
		);
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe(`/availablePhoneNumbers/reservations/${ID}`);
		expect(created.body).toMatchObject({
			id: ID,
			status: 'active',
			phoneNumbers: { [first.id!]: { status: 'reserved', phoneNumber: first.phoneNumber } },
		});

		const updated = await client.createOrUpdateReservation(
			{ reservationId: ID },
			{ add: [second] },
		);
		expect(Object.keys(updated.phoneNumbers!).sort()).toEqual([first.id, second.id].sort());

		const removed = await client.createOrUpdateReservation(
			{ reservationId: ID },
			{ remove: [first.id!, second.id!] },
		);
		expect(removed.phoneNumbers).toEqual({});

		const read = await client.getReservation(ID);
		expect(read).toMatchObject({ id: ID, status: 'active', phoneNumbers: {} });

		await client.createOrUpdateReservation({ reservationId: OTHER_ID }, { add: [first] });
		const listed = await collect(client.listReservations({ maxPageSize: 1 } as never));
		expect(listed.map((entry) => entry.id)).toEqual([ID, OTHER_ID]);
		expect(listed[0].phoneNumbers).toBeUndefined();
		const page = await kit.raw(
			'GET',
			'/availablePhoneNumbers/reservations?maxPageSize=1&api-version=2025-06-01',
		);
		expect(page.body.nextLink).toBe(
			'/availablePhoneNumbers/reservations?skip=1&maxPageSize=1&api-version=2025-06-01',
		);
	});

	it('answers 207 with per-number errors when some numbers cannot be reserved', async () => {
		const client = kit.client();
		const [free, taken] = await browse();
		await client.createOrUpdateReservation({ reservationId: OTHER_ID }, { add: [taken] });
		const invented = { ...free, id: '10000000000', phoneNumber: '+10000000000' };
		const response = await kit.raw(
			'PATCH',
			`/availablePhoneNumbers/reservations/${ID}?api-version=2025-06-01`,
			{
				body: { phoneNumbers: { [free.id!]: free, [taken.id!]: taken, [invented.id]: invented } },
				headers: { 'content-type': 'application/merge-patch+json' },
			},
		);
		expect(response.status).toBe(207);
		expect(response.body.phoneNumbers[free.id!].status).toBe('reserved');
		for (const id of [taken.id!, invented.id]) {
			expect(response.body.phoneNumbers[id]).toMatchObject({
				status: 'error',
				error: {
					code: 'FailedToReserveNumber',
					message: 'Failed to add the number to the reservation.',
				},
			});
		}
		const viaSdk = await client.createOrUpdateReservation({ reservationId: ID }, { add: [taken] });
		expect(viaSdk.phoneNumbers![taken.id!]!.status).toBe('error');
		expect(Object.keys((await client.getReservation(ID)).phoneNumbers!)).toEqual([free.id]);
	});

	it('checks the merge-patch content type and the reservation id', async () => {
		const wrongType = await kit.raw(
			'PATCH',
			`/availablePhoneNumbers/reservations/${ID}?api-version=2025-06-01`,
			{ body: { phoneNumbers: {} } },
		);
		expect(wrongType.status).toBe(415);
		expect(wrongType.body.error.code).toBe('UnsupportedMediaType');
		const badId = await kit.raw(
			'GET',
			'/availablePhoneNumbers/reservations/not-a-guid?api-version=2025-06-01',
		);
		expect(badId.status).toBe(400);
		await expect(kit.client().getReservation(OTHER_ID)).rejects.toMatchObject({ statusCode: 404 });
	});

	it('expires 15 minutes after the last change, capped at 2 hours, and frees its numbers', async () => {
		const client = kit.client();
		const clock = kit.emu().control;
		const [number, another] = await browse();
		const created = await client.createOrUpdateReservation(
			{ reservationId: ID },
			{ add: [number] },
		);
		const createdAt = created.expiresAt!.getTime() - 15 * 60_000;
		for (let step = 0; step < 8; step++) {
			await clock.advanceClock({ minutes: 14 });
			const again = await client.createOrUpdateReservation(
				{ reservationId: ID },
				{ add: step % 2 ? [another] : [], remove: step % 2 ? [] : [another.id!] },
			);
			expect(again.status).toBe('active');
		}
		const capped = await client.getReservation(ID);
		expect(Math.abs(capped.expiresAt!.getTime() - (createdAt + 120 * 60_000))).toBeLessThan(2000);
		await clock.advanceClock({ minutes: 9 });
		const expired = await client.getReservation(ID);
		expect(expired.status).toBe('expired');
		await expect(
			client.createOrUpdateReservation({ reservationId: ID }, { add: [another] }),
		).rejects.toMatchObject({ statusCode: 400 });
		await expect(client.deleteReservation(ID)).rejects.toMatchObject({ statusCode: 400 });
		const reuse = await client.createOrUpdateReservation(
			{ reservationId: OTHER_ID },
			{ add: [number] },
		);
		expect(reuse.phoneNumbers![number.id!]!.status).toBe('reserved');
	});

	it('deletes an active reservation (204) and frees its numbers', async () => {
		const client = kit.client();
		const [number] = await browse();
		await client.createOrUpdateReservation({ reservationId: ID }, { add: [number] });
		await client.deleteReservation(ID);
		await expect(client.getReservation(ID)).rejects.toMatchObject({ statusCode: 404 });
		const other = await client.createOrUpdateReservation(
			{ reservationId: OTHER_ID },
			{ add: [number] },
		);
		expect(other.phoneNumbers![number.id!]!.status).toBe('reserved');
	});

	it('purchases a reservation once: submitted, then completed, numbers purchased, ledger 1', async () => {
		const client = kit.client();
		const numbers = (await browse()).slice(0, 2);
		await client.createOrUpdateReservation({ reservationId: ID }, { add: numbers });
		const poller = await client.beginReservationPurchase(ID, POLL);
		await poller.pollUntilDone();
		const reservation = await client.getReservation(ID);
		expect(reservation.status).toBe('completed');
		expect(Object.values(reservation.phoneNumbers!).map((entry) => entry!.status)).toEqual([
			'purchased',
			'purchased',
		]);
		const bought = await client.getPurchasedPhoneNumber(numbers[0].phoneNumber!);
		expect(bought).toMatchObject({
			assignmentType: 'person',
			capabilities: numbers[0].capabilities,
		});
		await expect(client.beginReservationPurchase(ID, POLL)).rejects.toMatchObject({
			statusCode: 400,
		});
		expect((await kit.control('GET', '/ledger')).reservations).toEqual({ [ID]: 1 });

		const operation = await kit.raw(
			'GET',
			`/phoneNumbers/operations/reservationPurchase_${ID}?api-version=2025-06-01`,
		);
		expect(operation.body).toMatchObject({
			operationType: 'reservationPurchase',
			status: 'succeeded',
			resourceLocation: null,
		});
		expect(operation.headers.get('reservation-purchase-id')).toBe(ID);
	});

	it('refuses to purchase an empty reservation, and one without the agreement where it is required', async () => {
		const client = kit.client();
		await client.createOrUpdateReservation({ reservationId: ID }, {});
		await expect(client.beginReservationPurchase(ID, POLL)).rejects.toMatchObject({
			statusCode: 400,
		});
		const [french] = await browse('FR', undefined, 'application');
		expect(french.isAgreementToNotResellRequired).toBe(true);
		await client.createOrUpdateReservation({ reservationId: OTHER_ID }, { add: [french] });
		await expect(client.beginReservationPurchase(OTHER_ID, POLL)).rejects.toMatchObject({
			statusCode: 400,
			code: 'BadRequest',
		});
		await (
			await client.beginReservationPurchase(OTHER_ID, { ...POLL, agreeToNotResell: true } as never)
		).pollUntilDone();
		expect((await client.getReservation(OTHER_ID)).status).toBe('completed');
	});
});
