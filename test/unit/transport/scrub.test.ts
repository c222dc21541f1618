/** The one scrubber: every secret form a hostile or careless server could echo, in every encoding. */
import { scrubDeep, scrubSecrets } from '../../../nodes/shared/transport/scrub';

const SIGNATURE = 'q0K3vX/7+9hZ2mN1pR4sT6uW8yA0bC2dE4fG6hI8jK0=';
const HMAC = `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${SIGNATURE}`;
const TOKEN =
	'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2NvbW11bmljYXRpb24uYXp1cmUuY29tIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';
const BEARER = `Bearer ${TOKEN}`;
const OPAQUE_BEARER = 'Bearer Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6cXV1eg';

/** The pieces that must not survive, whatever the encoding. */
const PIECES = [
	SIGNATURE.slice(0, 40),
	TOKEN,
	'Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6cXV1eg',
	encodeURIComponent(SIGNATURE).slice(0, 24),
];

const jsonEscaped = (text: string) =>
	text.replace(/[&=+/<> ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

const FORMS: Array<[string, (value: string) => string]> = [
	['raw', (v) => v],
	['lower case', (v) => v.toLowerCase()],
	['upper case', (v) => v.toUpperCase()],
	['percent-encoded', encodeURIComponent],
	[
		'percent-encoded, lower-case hex',
		(v) => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
	],
	['double percent-encoded', (v) => encodeURIComponent(encodeURIComponent(v))],
	['form-encoded (+ for space)', (v) => new URLSearchParams({ a: v }).toString().slice(2)],
	['JSON-escaped (\\u)', jsonEscaped],
	['JSON string (quoted)', (v) => JSON.stringify({ header: v })],
	['base64', base64],
	['base64url', base64url],
	['base64 of percent-encoded', (v) => base64(encodeURIComponent(v))],
	['percent-encoded base64', (v) => encodeURIComponent(base64(v))],
	['as header line', (v) => `Authorization: ${v}`],
	['HTML entities', (v) => v.replace(/[&=]/g, (c) => `&#${c.charCodeAt(0)};`)],
];

describe('scrubSecrets: every encoding of an Authorization value', () => {
	it.each(
		FORMS.flatMap(([form, encode]) =>
			[HMAC, BEARER, OPAQUE_BEARER].map((value) => [form, value, encode] as const),
		),
	)('%s of %s', (_form, value, encode) => {
		const text = `The request failed (echo: ${encode(value)}) — try again`;
		const scrubbed = scrubSecrets(text);
		for (const piece of PIECES) {
			expect(scrubbed).not.toContain(piece);
			expect(scrubbed.toLowerCase()).not.toContain(piece.toLowerCase());
		}
		expect(scrubbed).not.toContain(encode(value).slice(-28, -4));
		expect(scrubbed).toMatch(/^The request failed/);
		expect(scrubbed).toMatch(/try again$/);
	});

	it('"authorization: HMAC-SHA256 ... Signature=" in any case and spacing', () => {
		for (const text of [
			`AUTHORIZATION: hmac-sha256 signedheaders=x-ms-date;host&signature=${SIGNATURE}`,
			`authorization=HMAC-SHA256%20SignedHeaders%3Dx-ms-date%3Bhost%26Signature%3D${encodeURIComponent(SIGNATURE)}`,
			`Signature = ${SIGNATURE}`,
			`"signature":"${SIGNATURE}"`,
		]) {
			expect(scrubSecrets(text)).not.toContain(SIGNATURE.slice(0, 12));
		}
	});

	it('leaves ordinary ACS text alone', () => {
		for (const text of [
			'BadRequest: The phone number +14255550100 is not valid',
			'Operation: purchase_5f3a2c1e-0000-4000-8000-000000000000 (purchase)',
			'ms-cv=CV1234abcd.0; x-ms-request-id=7f3c2b1a-1111-2222-3333-444455556666',
			'nextLink /phoneNumbers?skip=100&top=100&api-version=2025-06-01',
			'Hint: the signature of the request did not match: check the access key',
		]) {
			expect(scrubSecrets(text)).toBe(text);
		}
	});
});

describe('scrubDeep: every string and key of a value', () => {
	it('scrubs nested objects, arrays and keys, and keeps other values', () => {
		const value = {
			code: BEARER,
			count: 3,
			ok: true,
			none: null,
			details: [{ message: encodeURIComponent(HMAC) }, base64(HMAC)],
			innererror: { innererror: { target: jsonEscaped(HMAC) } },
			[BEARER]: 'key',
		};
		const scrubbed = scrubDeep(value);
		const text = JSON.stringify(scrubbed);
		for (const piece of PIECES) expect(text).not.toContain(piece);
		expect(scrubbed).toMatchObject({ count: 3, ok: true, none: null });
		expect(Object.keys(scrubbed)).toHaveLength(Object.keys(value).length);
	});

	it('returns the same value when there is nothing to scrub', () => {
		const value = {
			phoneNumber: '+14255550100',
			capabilities: { calling: 'inbound' },
			list: [1, 'a'],
		};
		expect(scrubDeep(value)).toEqual(value);
	});
});

describe('scrubbing a hostile answer stays bounded', () => {
	it('a 10 MB run of base64 characters neither overflows the regex stack nor survives whole', () => {
		const huge = `${'A'.repeat(10_000_000)}${BEARER}`;
		const scrubbed = scrubSecrets(huge);
		expect(scrubbed.length).toBeLessThan(70_000);
		expect(scrubbed).toContain('characters cut');
		for (const piece of PIECES) expect(scrubbed).not.toContain(piece);
	});

	it('a secret past the cut is gone with the rest of the text', () => {
		const scrubbed = scrubSecrets(`${'x '.repeat(40_000)}${encodeURIComponent(BEARER)}`);
		for (const piece of PIECES) expect(scrubbed).not.toContain(piece);
	});

	it('keeps unchanged objects and arrays as they are (no copy)', () => {
		const page = {
			phoneNumbers: [{ id: '14255550100', operatorId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' }],
		};
		expect(scrubDeep(page)).toBe(page);
		expect(scrubDeep(page.phoneNumbers)).toBe(page.phoneNumbers);
	});
});
