import {
	ConnectionStringError,
	parseConnectionString,
} from '../../../nodes/shared/acs/connectionString';

const KEY = 'c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=';

describe('parseConnectionString', () => {
	it('parses the portal form', () => {
		expect(
			parseConnectionString(`endpoint=https://x.communication.azure.com/;accesskey=${KEY}`),
		).toEqual({
			endpoint: 'https://x.communication.azure.com/',
			accessKey: KEY,
		});
	});

	it('is case-insensitive, order-free and tolerant of spaces and a trailing semicolon', () => {
		expect(parseConnectionString(` AccessKey=${KEY} ; ENDPOINT=http://127.0.0.1:4600/ ;`)).toEqual({
			endpoint: 'http://127.0.0.1:4600/',
			accessKey: KEY,
		});
	});

	it('keeps base64 padding (= inside the value)', () => {
		expect(
			parseConnectionString(`endpoint=https://x.communication.azure.com/;accesskey=QUJD`).accessKey,
		).toBe('QUJD');
		expect(
			parseConnectionString(`endpoint=https://x.communication.azure.com/;accesskey=QUI=`).accessKey,
		).toBe('QUI=');
	});

	it.each([
		['', /empty/],
		['   ', /empty/],
		[`accesskey=${KEY}`, /no endpoint/],
		['endpoint=https://x.communication.azure.com/', /no accesskey/],
		[`endpoint=https://x.communication.azure.com/;accesskey=`, /no accesskey/],
		[`endpoint=https://x.communication.azure.com/;accesskey=${KEY};accesskey=${KEY}`, /twice/],
		[`endpoint=https://x.communication.azure.com/;QUJD`, /Part 2 .*name=value/],
		[`endpoint=https://x.communication.azure.com/;${KEY}`, /Part 2 .*neither/],
		[`endpoint=https://x.communication.azure.com/;password=${KEY}`, /Part 2 .*neither/],
		[`endpoint=https://x.communication.azure.com/;accesskey=not base64!!`, /not valid base64/],
		[`endpoint=https://x.communication.azure.com/;accesskey=QUJDR`, /not valid base64/],
	])('refuses %j clearly', (input, message) => {
		expect(() => parseConnectionString(input)).toThrow(ConnectionStringError);
		expect(() => parseConnectionString(input)).toThrow(message);
	});

	it('never echoes the key or the input in its errors', () => {
		const secretish = 'c2VjcmV0LWtleQ$$';
		for (const input of [
			`endpoint=https://x.communication.azure.com/;accesskey=${secretish}`,
			`endpoint=https://x.communication.azure.com/;${KEY}`,
			`${KEY}`,
			`endpoint=https://x/;foo=${KEY}`,
		]) {
			try {
				parseConnectionString(input);
				throw new Error('expected a failure');
			} catch (error) {
				expect(error).toBeInstanceOf(ConnectionStringError);
				const text = `${(error as Error).message} ${(error as Error).stack}`;
				expect(text).not.toContain(secretish);
				expect(text).not.toContain(KEY);
			}
		}
	});

	it('refuses non-strings', () => {
		expect(() => parseConnectionString(undefined)).toThrow(ConnectionStringError);
		expect(() => parseConnectionString(42)).toThrow(ConnectionStringError);
	});
});
