/** A secret the credentials registered is removed wherever it appears, with or without a marker around it. */
import { registerSecret, registerToken } from '../../../nodes/shared/acs/secretRegistry';
import { scrubDeep, scrubSecrets } from '../../../nodes/shared/transport/scrub';

const SIGNATURE = 'Zx9Qp2Lm8Rt4Vw6Yb1Nc3Kd5Hf7Jg0Ms2Pu4Ow6Ie8=';
const HEADER = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9';
const PAYLOAD = Buffer.from(
	JSON.stringify({ aud: 'https://communication.azure.com', oid: 'a'.repeat(120) }),
).toString('base64url');
const SIG = 'Tm90QVJlYWxTaWduYXR1cmVCdXRMb25nRW5vdWdoVG9Mb29rTGlrZU9uZQ';
const TOKEN = `${HEADER}.${PAYLOAD}.${SIG}`;

beforeAll(() => {
	registerSecret(SIGNATURE);
	registerToken(TOKEN);
});

const base64 = (text: string) => Buffer.from(text).toString('base64');
const wrap = (text: string, width: number) =>
	text.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n');

describe('scrubSecrets: registered values', () => {
	it.each<[string, string, string]>([
		[
			'Azure Storage wording',
			`The MAC signature found in the HTTP request '${SIGNATURE}' is not the same as any computed signature.`,
			SIGNATURE,
		],
		['bare, as a target', SIGNATURE, SIGNATURE],
		['after prose', `Signature is ${SIGNATURE}`, SIGNATURE],
		['after a zero-width space', `Signature\u200b=${SIGNATURE}`, SIGNATURE],
		['after a full-width equals sign', `Signature\uff1d${SIGNATURE}`, SIGNATURE],
		[
			'base64 of the bare signature',
			`echo ${base64(SIGNATURE)} end`,
			base64(SIGNATURE).slice(8, 40),
		],
		[
			'base64 of the signature behind one glued character',
			`x${base64(`Signature=${SIGNATURE}`)}`,
			base64(`Signature=${SIGNATURE}`).slice(8, 40),
		],
		[
			'base64 of the signature behind two glued characters',
			`ab${base64(SIGNATURE)}`,
			base64(SIGNATURE).slice(8, 40),
		],
		[
			'base64 of the signature behind three glued characters',
			`abc${base64(SIGNATURE)}`,
			base64(SIGNATURE).slice(8, 40),
		],
		['glued to other characters', `xyz${SIGNATURE}abc`, SIGNATURE],
		['percent-encoded', `q=${encodeURIComponent(SIGNATURE)}`, SIGNATURE],
		['JWT segments separated by spaces', `parts: ${HEADER} ${PAYLOAD} ${SIG}`, SIG],
		['JWT payload and signature without the header', `${PAYLOAD}.${SIG}`, PAYLOAD],
		['JWT line-wrapped at 76 characters', wrap(TOKEN, 76), PAYLOAD.slice(0, 40)],
	])('%s', (_name, text, secret) => {
		const scrubbed = scrubSecrets(text);
		expect(scrubbed).not.toContain(secret);
		expect(scrubbed.replace(/\s/g, '')).not.toContain(secret.slice(0, 32));
	});

	it('a line-wrapped JWT keeps no fragment of 16 characters', () => {
		const scrubbed = scrubSecrets(wrap(TOKEN, 76));
		for (const line of scrubbed.split('\n'))
			expect(line.replace('[redacted]', '').length).toBeLessThan(16);
	});

	it('any 16-character fragment of a registered value is redacted, at any offset in the text', () => {
		for (let from = 0; from + 16 <= SIGNATURE.length; from++) {
			for (const prefix of ['', 'a', 'ab ', 'abc-', 'x y z ', '1234567', '12345678']) {
				expect(scrubSecrets(`${prefix}${SIGNATURE.slice(from, from + 16)}!`)).not.toContain(
					SIGNATURE.slice(from, from + 16),
				);
			}
		}
	});

	it('also inside data', () => {
		expect(
			JSON.stringify(scrubDeep({ error: { target: SIGNATURE, details: [{ message: SIG }] } })),
		).not.toMatch(/Zx9Qp2|Tm90QVJl/);
	});

	it('text without a registered value is left as it is', () => {
		const text = 'Operation purchase_5f3a2c1e-0000-4000-8000-000000000000 finished';
		expect(scrubSecrets(text)).toBe(text);
	});
});
