/** Ordinary prose that shares a word with a credential marker is left as it is. */
import { scrubSecrets } from '../../../nodes/shared/transport/scrub';

describe('scrubSecrets: prose', () => {
	it.each([
		'Bearer traffic to Contoso SBC (primary)',
		'ISDN bearer capability: speech',
		'Route for signature: premium customers',
		'access_token: n/a',
		'client_secret = rotate-me',
		'accesskey=none; see portal',
		'Bearer Bearer Bearer',
	])('%s', (text) => {
		expect(scrubSecrets(text)).toBe(text);
	});

	it.each([
		[
			'Bearer with an opaque token',
			'Authorization: Bearer Zm9vYmFyYmF6cXV4cXV1eHF1',
			'Zm9vYmFyYmF6cXV4cXV1eHF1',
		],
		['Bearer with a short JWT', 'Bearer eyJhbGciOi.eyJhdWQ.c2ln', 'eyJhbGciOi'],
		['signature of credential length', 'signature: q0K3vX/7+9hZ2mN1pR4s', 'q0K3vX/7+9hZ2mN1pR4s'],
		[
			'access_token of credential length',
			'access_token=abcdefghijklmnopqrstuvwx',
			'abcdefghijklmnopqrstuvwx',
		],
		[
			'a JWT glued after a dash',
			'op-eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhY3MifQ.c2lnbmF0dXJlLXBhcnQ',
			'c2lnbmF0dXJlLXBhcnQ',
		],
		[
			'a JWT glued after letters',
			'xeyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhY3MifQ.c2lnbmF0dXJlLXBhcnQ',
			'c2lnbmF0dXJlLXBhcnQ',
		],
	])('still redacts %s', (_name, text, secret) => {
		expect(scrubSecrets(text)).not.toContain(secret);
	});
});
