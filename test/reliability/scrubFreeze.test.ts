/**
 * One hostile answer (many 64 KiB fields of marker words repeated, escapes, base64 runs), as a success and as an
 * error, through the real engine: the event loop keeps turning (a 10 ms timer never waits 250 ms).
 */
import type { INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { withLongestGapUnder } from './support/eventLoopGap';
import { reliabilitySeed } from './support/seed';
import { runPhone } from './support/nodes';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

const emulator = withEmulator({ seed: reliabilitySeed('scrubFreeze') });
const NUMBER = '+18005550100';
const GET: INodeParameters = {
	resource: 'phoneNumber',
	operation: 'get',
	phoneNumber: { __rl: true, mode: 'id', value: NUMBER },
};
const FIELD = 65_535;
const FORMS = [
	'eyJ'.repeat(FIELD / 3),
	'Bearer '.repeat(FIELD / 7),
	'signature='.repeat(FIELD / 10),
	'%25'.repeat(FIELD / 3),
	'QUJD'.repeat(FIELD / 4),
];
const junk = Object.fromEntries(
	Array.from({ length: 20 }, (_, index) => [`f${index}`, FORMS[index % FORMS.length]]),
);
let status = 200;
let proxy: RewritingProxy;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) => {
		if (!answer.url.startsWith('/phoneNumbers/%2B')) return undefined;
		const body =
			status === 200
				? { ...JSON.parse(answer.body), ...junk }
				: { error: { code: 'BadRequest', message: 'x', ...junk } };
		return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
	});
});
afterAll(() => proxy.close());

it.each([200, 400])('status %i: the event loop is never held 250 ms', async (answerStatus) => {
	status = answerStatus;
	const { result, longestGapMs } = await withLongestGapUnder(250, () =>
		runPhone(emulator(), GET, { endpoint: proxy.endpoint, continueOnFail: true }),
	);
	expect(result.items).toHaveLength(1);
	expect(longestGapMs).toBeLessThan(250);
});
