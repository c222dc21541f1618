/** Ids and names taken from requests never resolve to Object.prototype members: unknown ids are 4xx, never 500. */
import { phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();
const HOSTILE = [
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'__defineGetter__',
	'valueOf',
];

describe.each(HOSTILE)('the id "%s"', (id) => {
	it('is an unknown operation: GET and DELETE answer 404', async () => {
		for (const method of ['GET', 'DELETE']) {
			const response = await kit.raw(
				method,
				`/phoneNumbers/operations/${id}?api-version=2025-06-01`,
			);
			expect(response.status).toBe(404);
			expect(response.body.error.code).toBe('NotFound');
		}
	});

	it('is an unknown search: its result is 404, its purchase is 404 and buys nothing', async () => {
		expect(
			(await kit.raw('GET', `/availablePhoneNumbers/searchResults/${id}?api-version=2025-06-01`))
				.status,
		).toBe(404);
		const purchase = await kit.raw(
			'POST',
			'/availablePhoneNumbers/:purchase?api-version=2025-06-01',
			{ body: { searchId: id } },
		);
		expect(purchase.status).toBe(404);
		expect((await kit.control('GET', '/ledger')).totals).toEqual({ searches: 0, reservations: 0 });
	});

	it('is no setting: PUT /settings refuses it and stores nothing', async () => {
		const before = await kit.control('GET', '/settings');
		const response = await kit
			.emu()
			.control.call('PUT', '/_emulator/phoneNumbers/settings', JSON.parse(`{"${id}": 5}`))
			.catch((error: Error) => error);
		expect(response).toBeInstanceOf(Error);
		const after = await kit.control('GET', '/settings');
		expect(after).toEqual(before);
		expect(Object.hasOwn(after, id)).toBe(false);
	});

	it('as Accept-Language falls back to English names', async () => {
		const response = await kit.raw(
			'GET',
			'/availablePhoneNumbers/countries?api-version=2025-06-01',
			{ headers: { 'accept-language': id } },
		);
		expect(response.status).toBe(200);
		expect(
			response.body.countries.find(
				(country: { countryCode: string }) => country.countryCode === 'US',
			),
		).toEqual({ countryCode: 'US', localizedName: 'United States' });
	});
});
