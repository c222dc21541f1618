/** A server nesting the Authorization value deeper than the scrubber walks: it reaches no output, for both credentials. */
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { runSip, type Auth } from './support/nodes';
import { everythingIn } from './support/secrets';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

const emulator = withEmulator({ seed: reliabilitySeed('deepSecretEcho') });
const nest = (depth: number, leaf: unknown): unknown =>
	depth === 0 ? leaf : { x: nest(depth - 1, leaf) };
let proxy: RewritingProxy;
let lastAuthorization = '';
let depth = 70;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) => {
		const authorization = answer.requestHeaders.authorization;
		if (!authorization || answer.method !== 'GET' || !/^\/sip(\?|$)/.test(answer.url))
			return undefined;
		lastAuthorization = authorization;
		const trunk = { sipSignalingPort: 5061, enabled: true, note: nest(depth, authorization) };
		const routes = [{ name: 'r', numberPattern: '^\\+1\\d{10}$', trunks: ['sbc.contoso.com'] }];
		return {
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ trunks: { 'sbc.contoso.com': trunk }, routes }),
		};
	});
});
afterAll(() => proxy.close());

describe.each<Auth>(['connectionString', 'entraId'])('%s', (auth) => {
	it.each([60, 70, 200])(
		'Authorization nested %i deep in a trunk of the SIP configuration',
		async (nesting) => {
			depth = nesting;
			const result = await runSip(
				emulator(),
				{ resource: 'configuration', operation: 'get' },
				{ auth, endpoint: proxy.endpoint },
			);
			const text =
				JSON.stringify(result.items) +
				JSON.stringify(result.runData ?? {}) +
				everythingIn(result.error);
			const secret =
				/Signature=(\S+)$/.exec(lastAuthorization)?.[1] ??
				lastAuthorization.replace(/^Bearer /, '');
			expect(text).not.toContain(secret);
		},
	);
});
