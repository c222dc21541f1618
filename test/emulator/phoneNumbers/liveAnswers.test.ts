/**
 * Answers recorded from the live service (docs/acs-service-notes.md), pinned raw: status, exact error body,
 * the keys present, the Content-Type of errors.
 */
import { buyNumbers, phoneNumbersKit } from './phoneNumbersTestKit';

const kit = phoneNumbersKit();

const V = 'api-version=2025-06-01';
const RESERVATION_ID = '3f0c2b1a-5d4e-4f60-8a7b-9c0d1e2f3a4b';

describe('operator information: one number per request, every key present', () => {
	it('refuses more than one number with 400 BadRequest', async () => {
		const response = await kit.raw('POST', `/operatorInformation/:search?${V}`, {
			body: { phoneNumbers: ['+14255550123', '+14255550124'] },
		});
		expect(response.status).toBe(400);
		expect(response.body).toEqual({
			error: { code: 'BadRequest', message: 'Can only accept one phoneNumber' },
		});
	});

	it('without details still answers every key, the detail keys null', async () => {
		const response = await kit.raw('POST', `/operatorInformation/:search?${V}`, {
			body: {
				phoneNumbers: ['+14255550123'],
				options: { includeAdditionalOperatorDetails: false },
			},
		});
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			values: [
				{
					phoneNumber: '+14255550123',
					nationalFormat: '+1 (425) 555-0123',
					internationalFormat: '+1 425 555 0123',
					isoCountryCode: null,
					numberType: null,
					operatorDetails: null,
				},
			],
		});
	});

	it('with details answers operatorDetails with all three keys (null network codes for a fixed line)', async () => {
		const response = await kit.raw('POST', `/operatorInformation/:search?${V}`, {
			body: { phoneNumbers: ['+14255550123'], options: { includeAdditionalOperatorDetails: true } },
		});
		expect(response.body.values[0]).toEqual({
			phoneNumber: '+14255550123',
			nationalFormat: '+1 (425) 555-0123',
			internationalFormat: '+1 425 555 0123',
			isoCountryCode: 'US',
			numberType: 'geographic',
			operatorDetails: {
				name: expect.any(String),
				mobileNetworkCode: null,
				mobileCountryCode: null,
			},
		});
	});
});

describe('purchased numbers the resource does not have', () => {
	it('GET of an unknown number: 404 NotFound, target phonenumber', async () => {
		const response = await kit.raw('GET', `/phoneNumbers/%2B14155550100?${V}`);
		expect(response.status).toBe(404);
		expect(response.body).toEqual({
			error: {
				code: 'NotFound',
				target: 'phonenumber',
				message: 'Input phoneNumber +14155550100 cannot be found.',
			},
		});
	});

	it.each([
		['not owned', '%2B14155550100'],
		['invalid', 'not-a-number'],
	])('PATCH capabilities of a %s number: 403 InsufficientPermissions', async (_label, segment) => {
		const response = await kit.raw('PATCH', `/phoneNumbers/${segment}/capabilities?${V}`, {
			body: { calling: 'inbound' },
			headers: { 'content-type': 'application/merge-patch+json' },
		});
		expect(response.status).toBe(403);
		expect(response.body).toEqual({
			error: {
				code: 'InsufficientPermissions',
				target: 'phonenumber',
				message: 'Phone number not owned by this resource.',
			},
		});
	});
});

describe('searches', () => {
	const unknownSearch = '0c9e3f3a-0000-4000-8000-000000000001';
	const notFound = {
		error: {
			code: 'NotFound',
			target: 'searchid',
			message: `Input searchId ${unknownSearch} cannot be found.`,
		},
	};

	it('the result of an unknown search: 404 NotFound, target searchid', async () => {
		const response = await kit.raw(
			'GET',
			`/availablePhoneNumbers/searchResults/${unknownSearch}?${V}`,
		);
		expect(response.status).toBe(404);
		expect(response.body).toEqual(notFound);
	});

	it('the purchase of an unknown search: 404 NotFound, target searchid', async () => {
		const response = await kit.raw('POST', `/availablePhoneNumbers/:purchase?${V}`, {
			body: { searchId: unknownSearch },
		});
		expect(response.status).toBe(404);
		expect(response.body).toEqual(notFound);
	});

	it.each([
		[
			'toll-free for a person',
			{
				phoneNumberType: 'tollFree',
				assignmentType: 'person',
				capabilities: { calling: 'outbound', sms: 'none' },
			},
		],
		[
			'geographic with sms',
			{
				phoneNumberType: 'geographic',
				assignmentType: 'person',
				capabilities: { calling: 'none', sms: 'outbound' },
			},
		],
	])(
		'a search no offering can satisfy (%s): 400 InternalError with inner BadRequest',
		async (_label, body) => {
			const response = await kit.raw('POST', `/availablePhoneNumbers/countries/US/:search?${V}`, {
				body,
			});
			expect(response.status).toBe(400);
			expect(response.body).toEqual({
				error: {
					code: 'InternalError',
					message: 'The server encountered an internal error.',
					innererror: { code: 'BadRequest' },
				},
			});
		},
	);
});

describe('browse', () => {
	it.each(['2025-04-01', '2025-06-01'])(
		'a country code that cannot be parsed (api-version %s): 400 InvalidInput, target countrycode',
		async (version) => {
			for (const country of ['U1', 'USA']) {
				const response = await kit.raw(
					'POST',
					`/availablePhoneNumbers/countries/${country}/:browse?api-version=${version}`,
					{
						body: { phoneNumberType: 'geographic' },
					},
				);
				expect(response.status).toBe(400);
				expect(response.body).toEqual({
					error: {
						code: 'InvalidInput',
						target: 'countrycode',
						message: 'Unable to parse country code.',
					},
				});
			}
		},
	);
});

describe('reservation purchase', () => {
	it('without the do-not-resell agreement where required: 400 BadRequest, no target', async () => {
		const browsed = await kit
			.client()
			.browseAvailablePhoneNumbers(
				{ countryCode: 'FR', phoneNumberType: 'geographic' },
				{ assignmentType: 'application' },
			);
		const [french] = browsed.phoneNumbers;
		await kit
			.client()
			.createOrUpdateReservation({ reservationId: RESERVATION_ID }, { add: [french] });
		const response = await kit.raw(
			'POST',
			`/availablePhoneNumbers/reservations/${RESERVATION_ID}/:purchase?${V}`,
		);
		expect(response.status).toBe(400);
		expect(response.body).toEqual({
			error: {
				code: 'BadRequest',
				message: 'Do not resell agreement was not provided and it is required for this purchase.',
			},
		});
	});
});

describe('lists and error answers', () => {
	it('the last page of every list has no nextLink key', async () => {
		await kit.control('POST', '/seed', {
			count: 3,
			countryCode: 'US',
			phoneNumberType: 'geographic',
		});
		await kit.client().createOrUpdateReservation({ reservationId: RESERVATION_ID }, {});
		const lastPages = [
			'/availablePhoneNumbers/countries',
			'/availablePhoneNumbers/countries/US/localities?skip=6&maxPageSize=3',
			'/availablePhoneNumbers/countries/US/areaCodes?phoneNumberType=tollFree',
			'/availablePhoneNumbers/countries/US/offerings',
			'/phoneNumbers?skip=2&top=2',
			'/availablePhoneNumbers/reservations',
		];
		for (const path of lastPages) {
			const response = await kit.raw('GET', `${path}${path.includes('?') ? '&' : '?'}${V}`);
			expect(response.status).toBe(200);
			expect(Object.keys(response.body)).not.toContain('nextLink');
		}
		const notLast = await kit.raw('GET', `/phoneNumbers?top=2&${V}`);
		expect(notLast.body.nextLink).toBe(`/phoneNumbers?skip=2&top=2&${V}`);
	});

	it('error answers are application/json without a charset, on both APIs; success answers keep theirs', async () => {
		const [number] = await buyNumbers(kit.client());
		const errors = [
			await kit.raw('GET', `/phoneNumbers/%2B14155550100?${V}`),
			await kit.raw('GET', '/phoneNumbers'),
			await kit.raw('GET', `/phoneNumbers/${encodeURIComponent(number)}?${V}`, {
				headers: {
					authorization:
						'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=AAAA',
				},
			}),
			await kit.raw('GET', `/no/such/route?${V}`),
			await kit.raw('GET', '/sip'),
			await kit.raw('PATCH', '/sip?api-version=2023-03-01', {
				body: { trunks: { 'bad fqdn': { sipSignalingPort: 5061 } } },
				headers: { 'content-type': 'application/merge-patch+json' },
			}),
		];
		expect(errors.map((response) => response.status)).toEqual([404, 400, 401, 404, 400, 422]);
		for (const response of errors)
			expect(response.headers.get('content-type')).toBe('application/json');
		const found = await kit.raw('GET', `/phoneNumbers/${encodeURIComponent(number)}?${V}`);
		expect(found.headers.get('content-type')).toBe('application/json; charset=utf-8');
	});
});
