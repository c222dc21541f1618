import * as v from '../../../nodes/shared/acs/validators';
import {
	decodePhoneNumberSegment,
	e164FromPhoneNumberId,
	encodePhoneNumber,
	explicitPhoneNumber,
	normaliseE164,
	phoneNumberIdFromE164,
} from '../../../nodes/shared/acs/phoneNumber';
import { hintForAcsError } from '../../../nodes/shared/acs/errorHints';

describe('validators', () => {
	test('E.164', () => {
		expect(v.validateE164('+14255550100')).toBeUndefined();
		expect(v.validateE164('+6831234')).toBeUndefined(); // 7 digits
		expect(v.validateE164('14255550100')).toMatch(/start with "\+"/);
		expect(v.validateE164('+1 425 555 0100')).toMatch(/spaces/);
		expect(v.validateE164('+0425')).toMatch(/cannot start with 0/);
		expect(v.validateE164('+1234567890123456')).toMatch(/16 digits/);
		expect(v.validateE164('+12345')).toMatch(/7 to 15/);
		expect(v.validateE164('')).toMatch(/empty/);
	});
	test('country, GUID, quantity, cost, currency', () => {
		expect(v.validateCountryCode('US')).toBeUndefined();
		expect(v.validateCountryCode('us')).toMatch(/upper case: US/);
		expect(v.validateCountryCode('XX')).toMatch(/not an assigned/);
		expect(v.validateCountryCode('USA')).toMatch(/two letters/);
		expect(v.validateGuid('3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBeUndefined();
		expect(v.validateGuid('3fa85f64')).toMatch(/8-4-4-4-12/);
		expect(v.validateQuantity(1)).toBeUndefined();
		expect(v.validateQuantity(0)).toMatch(/at least 1/);
		expect(v.validateQuantity(2.5)).toMatch(/whole number/);
		expect(v.validateQuantity(11, 10)).toMatch(/at most 10/);
		expect(v.validateCost(0)).toBeUndefined();
		expect(v.validateCost(-1)).toMatch(/negative/);
		expect(v.validateCost(Infinity)).toMatch(/finite/);
		expect(v.validateCurrencyCode('USD')).toBeUndefined();
		expect(v.validateCurrencyCode('usd')).toMatch(/ISO 4217/);
	});
	test('FQDN and port', () => {
		expect(v.validateFqdn('sbc.contoso.com')).toBeUndefined();
		expect(v.validateFqdn('-1')).toMatch(/fully qualified/);
		expect(v.validateFqdn('sbc')).toMatch(/fully qualified/);
		expect(v.validateFqdn('https://sbc.contoso.com')).toMatch(/host name only/);
		expect(v.validateFqdn('-sbc.contoso.com')).toMatch(/hyphen/);
		expect(v.validateFqdn('sbc..com')).toMatch(/empty label/);
		expect(v.validateFqdn('10.0.0.1')).toMatch(/IP address/);
		expect(v.validateFqdn(`${'a'.repeat(60)}.`.repeat(5) + 'com')).toMatch(/at most 249/);
		expect(v.validatePort(5061)).toBeUndefined();
		expect(v.validatePort(0)).toMatch(/1 to 65535/);
		expect(v.validatePort(65536)).toMatch(/1 to 65535/);
		expect(v.validatePort('5061')).toMatch(/whole number/);
	});
	test('route fields', () => {
		expect(v.validateRouteName('')).toMatch(/empty/);
		expect(v.validateRouteName('x'.repeat(257))).toMatch(/256/);
		expect(v.validateRouteNumberPatternLength('', 'R')).toMatch(/route "R" is empty/);
		expect(v.validateRouteDescription('x'.repeat(1025))).toMatch(/1024/);
	});
});

describe('phone numbers', () => {
	test.each([
		['+1 (425) 555-0100', '+14255550100'],
		['001 425 555 0100', '+14255550100'],
		['tel:+14255550100', '+14255550100'],
		['%2B14255550100', '+14255550100'],
		['14255550100', '+14255550100'],
	])('normalise %s', (input, expected) =>
		expect(normaliseE164(input)).toEqual({ value: expected }),
	);
	test('errors and conversions', () => {
		expect(normaliseE164('+1-abc').error).toBeDefined();
		expect(encodePhoneNumber('+14255550100')).toBe('%2B14255550100');
		expect(phoneNumberIdFromE164('+14255550100')).toBe('14255550100');
		expect(e164FromPhoneNumberId('14255550100')).toBe('+14255550100');
		expect(decodePhoneNumberSegment('%2b14255550100')).toBe('+14255550100');
		expect(decodePhoneNumberSegment(' 14255550100')).toBe('+14255550100');
	});
});

describe('a number for a destructive operation (explicitPhoneNumber)', () => {
	test.each([
		['+1 (425) 555-0100', { form: 'e164', e164: '+14255550100' }],
		['tel:+14255550100', { form: 'e164', e164: '+14255550100' }],
		['%2B14255550100', { form: 'e164', e164: '+14255550100' }],
		['14255550100', { form: 'id', e164: '+14255550100' }],
		[14255550100, { form: 'id', e164: '+14255550100' }],
	])('takes %p as %p', (input, expected) => expect(explicitPhoneNumber(input)).toEqual(expected));

	test.each([
		[
			'001 425 555 0100',
			'did you mean +14255550100? Numbers must be in E.164 form with a leading +',
		],
		['(425) 555-0100', 'did you mean +4255550100? Numbers must be in E.164 form with a leading +'],
		['425 555 0100', 'did you mean +4255550100?'],
		['0123', 'Numbers must be in E.164 form with a leading +'],
		['0014255550100', 'did you mean +14255550100? Numbers must be in E.164 form with a leading +'],
		['014255550100', 'Numbers must be in E.164 form with a leading +'],
		[14255550100.5, 'Numbers must be in E.164 form with a leading +'],
		['+1-425', '7 to 15 digits'],
		['', 'Phone number is empty'],
	])('refuses %p: %s', (input, message) => {
		const result = explicitPhoneNumber(input);
		expect('error' in result ? result.error : result).toEqual(expect.stringContaining(message));
	});
});

describe('error hints', () => {
	test.each([
		[
			{ status: 422, code: 'UnprocessableConfiguration', innerCode: 'MissingTrunk' },
			/Create trunks before/,
		],
		[{ status: 400, code: 'UnprocessableConfiguration', innerCode: 'DuplicatedRoute' }, /unique/],
		[{ status: 401, message: 'Invalid signature / date' }, /clock/],
		[{ status: 401 }, /Not authenticated/],
		[{ status: 403, message: 'Denied by the resource provider.' }, /role/],
		[{ status: 404, message: 'Input phoneNumber +1 cannot be found.' }, /Not found/],
		[{ status: 429 }, /throttling/],
		[{ status: 503, contentType: 'text/html', message: '<html>' }, /HTML page/],
		[{ code: 'OutOfStock' }, /available/],
		[{ code: 'FailedToReserveNumber' }, /reserve another/],
		[{ status: 400, message: 'The search has expired.' }, /expired/],
		[{ status: 415, code: 'UnsupportedMediaType' }, /Content-Type/],
	])('%j', (facts, expected) => expect(hintForAcsError(facts)).toMatch(expected));
	test('unknown client errors get no invented hint', () =>
		expect(hintForAcsError({ status: 400, code: 'Whatever' })).toBeUndefined());
});
