/** Retry-After parsing: what the service asked for, or absent (then the caller's backoff applies). */
import { retryAfterMs } from '../../../nodes/shared/transport/retryPolicy';

const NOW = new Date('2026-03-01T12:00:00Z');
const at = (value: string, name = 'retry-after') => retryAfterMs({ [name]: value }, NOW);

describe('retryAfterMs', () => {
	it.each([
		['0', 0],
		['1', 1000],
		['120', 120_000],
		['1.5', 1500],
		[' 7 ', 7000],
		['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
		['Sunday, 01-Mar-26 12:00:30 GMT', 30_000],
		['Sun Mar  1 12:00:30 2026', 30_000],
	])('Retry-After %p is %p ms', (value, expected) => {
		expect(at(value)).toBe(expected);
	});

	it.each([
		'-5',
		'-0.5',
		'-1',
		'soon',
		'5 seconds',
		'1e3',
		'0x10',
		'NaN',
		'Infinity',
		'',
		'  ',
		'1,5',
		'+5',
		'5;',
		'null',
	])('Retry-After %p counts as absent', (value) => {
		expect(at(value)).toBeUndefined();
	});

	it.each([
		['a date in the past', 'Thu, 01 Jan 2001 00:00:00 GMT'],
		['a date a little in the past', 'Sun, 01 Mar 2026 11:59:00 GMT'],
		['a date more than a day ahead', 'Tue, 03 Mar 2026 12:00:00 GMT'],
		['an absurd date', 'Fri, 01 Jan 275760 00:00:00 GMT'],
		['seconds beyond a day', '86401'],
		['seconds beyond any number', '9'.repeat(400)],
	])('%s counts as absent', (_, value) => {
		expect(at(value)).toBeUndefined();
	});

	it.each([
		['retry-after-ms', '250', 250],
		['x-ms-retry-after-ms', '1200', 1200],
		['retry-after-ms', '-5', undefined],
		['retry-after-ms', 'junk', undefined],
		['retry-after-ms', '', undefined],
		['x-ms-retry-after-ms', '86400001', undefined],
	])('%s: %p is %p', (name, value, expected) => {
		expect(at(value, name)).toBe(expected);
	});

	it('an invalid retry-after-ms does not hide a valid Retry-After', () => {
		expect(retryAfterMs({ 'retry-after-ms': '-5', 'retry-after': '2' }, NOW)).toBe(2000);
	});
});
