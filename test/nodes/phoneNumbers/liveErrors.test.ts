/**
 * The live service's refusals (docs/acs-service-notes.md) reach the user with a hint that names the number or the
 * search id and says what to check; a search no offering can satisfy is sent once and explained.
 */
import {
	COST_LIMITS,
	LRO,
	TOLL_FREE_SEARCH,
	acsRequests,
	control,
	phoneNumbersEmulator,
	run,
} from './harness';

const UNKNOWN_NUMBER = '+14155550100';
const UNKNOWN_SEARCH = '0c9e3f3a-0000-4000-8000-000000000001';

describe('Phone Numbers node: live refusals get hints that name what was refused', () => {
	const emulator = phoneNumbersEmulator();

	it('Phone Number -> Get of a number the resource does not have (404 NotFound, target phonenumber)', async () => {
		const result = await run(emulator(), {
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumber: { mode: 'id', value: UNKNOWN_NUMBER },
		});
		expect(result.error?.message).toBe(
			`NotFound: Input phoneNumber ${UNKNOWN_NUMBER} cannot be found.`,
		);
		expect(result.error?.description).toContain(
			`Hint: ${UNKNOWN_NUMBER} is not in this resource's inventory: check Phone Number -> Get Many, and that the credential (connection string or endpoint) is for the resource that owns the number.`,
		);
	});

	it('Phone Number -> Update Capabilities of a number the resource does not own (403 InsufficientPermissions)', async () => {
		const result = await run(emulator(), {
			resource: 'phoneNumber',
			operation: 'updateCapabilities',
			phoneNumber: { mode: 'id', value: UNKNOWN_NUMBER },
			callingCapability: 'inbound',
			smsCapability: '',
			...LRO,
		});
		expect(result.error?.message).toBe(
			'InsufficientPermissions: Phone number not owned by this resource.',
		);
		expect(result.error?.description).toContain(
			`Hint: ${UNKNOWN_NUMBER} is not owned by this resource: it is not in its inventory (check Phone Number -> Get Many), or the credential (connection string or endpoint) is for another resource.`,
		);
		expect(result.error?.description).not.toContain('give the identity a role');
	});

	it.each([
		['Get Search Result', { operation: 'getSearchResult', searchId: UNKNOWN_SEARCH }],
		[
			'Purchase Search',
			{
				operation: 'purchaseSearch',
				searchId: UNKNOWN_SEARCH,
				agreeToNotResell: true,
				...COST_LIMITS,
				...LRO,
			},
		],
	])(
		'Available Number -> %s of a search id the resource does not know (404 NotFound, target searchid)',
		async (_name, parameters) => {
			const result = await run(emulator(), { resource: 'availableNumber', ...parameters });
			expect(result.error?.message).toBe(
				`NotFound: Input searchId ${UNKNOWN_SEARCH} cannot be found.`,
			);
			expect(result.error?.description).toContain(
				`Hint: Search ${UNKNOWN_SEARCH} is not known to this resource: it has expired (a search is held until its searchExpiresBy, about 16 minutes) or it was made with another resource. Search again with this credential and purchase before the search expires.`,
			);
		},
	);

	it('a search no offering can satisfy (400 InternalError) is sent once, not retried, and says what is likely wrong', async () => {
		const result = await run(emulator(), {
			resource: 'availableNumber',
			operation: 'search',
			...TOLL_FREE_SEARCH,
			assignmentType: 'person',
			...LRO,
		});
		expect(result.error?.message).toBe('InternalError: The server encountered an internal error.');
		expect(result.error?.description).toContain('Inner error: BadRequest');
		expect(result.error?.description).toContain(
			'Hint: No offering matches this search: the country does not offer this number type with this assignment type and these capabilities. Check Catalog -> List Offerings for what the country offers, then search for one of those.',
		);
		expect(result.error?.description).not.toContain('Try again later');
		expect(
			(await acsRequests(emulator())).map(
				(request) => `${request.method} ${request.path} ${request.status}`,
			),
		).toEqual(['POST /availablePhoneNumbers/countries/US/:search 400']);
		expect((await control(emulator(), 'GET', '/state')).searchCount).toBe(0);
	});
});
