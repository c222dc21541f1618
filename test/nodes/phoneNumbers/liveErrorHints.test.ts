/** hintForAcsError on the live refusals (pure): what names the number, and when a hint does not apply. */
import { hintForAcsError } from '../../../nodes/shared/acs/errorHints';

describe('hints for the live refusals', () => {
	it('names the number from the request path when the message does not', () => {
		const hint = hintForAcsError({
			status: 403,
			code: 'InsufficientPermissions',
			target: 'phonenumber',
			message: 'Phone number not owned by this resource.',
			requestPath: '/phoneNumbers/%2B14155550100/capabilities',
		});
		expect(hint).toMatch(/^\+14155550100 is not owned by this resource/);
		expect(
			hintForAcsError({
				status: 404,
				code: 'NotFound',
				target: 'PhoneNumber',
				requestPath: '/phoneNumbers/%2B442071234567',
			}),
		).toMatch(/^\+442071234567 is not in this resource's inventory/);
		expect(
			hintForAcsError({ status: 403, code: 'InsufficientPermissions', target: 'phonenumber' }),
		).toMatch(/^The number is not owned/);
	});

	it('keeps the role advice for a 403 that is not about a number', () => {
		expect(hintForAcsError({ status: 403, code: 'Forbidden' })).toMatch(/give the identity a role/);
	});

	it('explains a 400 InternalError only for a search; other InternalErrors stay server failures', () => {
		const search = { status: 400, code: 'InternalError', innerCode: 'BadRequest' };
		expect(
			hintForAcsError({ ...search, requestPath: '/availablePhoneNumbers/countries/US/:search' }),
		).toMatch(/Catalog -> List Offerings/);
		expect(
			hintForAcsError({ ...search, requestPath: '/availablePhoneNumbers/countries/US/%3Asearch' }),
		).toMatch(/Catalog -> List Offerings/);
		expect(hintForAcsError({ ...search, requestPath: '/phoneNumbers' })).toMatch(
			/failed internally/,
		);
		expect(hintForAcsError({ status: 500, code: 'InternalError' })).toMatch(/failed internally/);
	});

	it('names an unknown search id, or says "the search" when the message does not name it', () => {
		expect(
			hintForAcsError({
				status: 404,
				code: 'NotFound',
				target: 'searchid',
				message: 'Input searchId abc cannot be found.',
			}),
		).toMatch(/^Search abc is not known/);
		expect(hintForAcsError({ status: 404, code: 'NotFound', target: 'searchid' })).toMatch(
			/^The search is not known/,
		);
	});
});
