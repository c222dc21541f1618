/** A server quoting the bare signature or token, with no marker around it: it reaches no output or error. */
import type { INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { runPhone, type Auth } from './support/nodes';
import { everythingIn } from './support/secrets';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

type Answer = { status: number; headers: Record<string, string>; body: string };
const emulator = withEmulator({ seed: reliabilitySeed('bareSecretEcho') });
const NUMBER = '+18005550100';
const GET: INodeParameters = {
	resource: 'phoneNumber',
	operation: 'get',
	phoneNumber: { __rl: true, mode: 'id', value: NUMBER },
};
const JSON_TYPE = { 'content-type': 'application/json' };
let proxy: RewritingProxy;
let lastAuthorization = '';
let form: (secret: string) => Answer;

const bare = (authorization: string) =>
	/Signature=(\S+)$/.exec(authorization)?.[1] ?? authorization.replace(/^Bearer /, '');
const lastPart = (secret: string) => secret.split('.').pop() as string;
const error = (
	status: number,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Answer => ({
	status,
	headers: { ...JSON_TYPE, ...headers },
	body: JSON.stringify({ error: { code: 'AuthenticationFailed', message: 'bad', ...fields } }),
});

const FORMS: Array<[string, (secret: string) => Answer]> = [
	[
		'the MAC-signature wording',
		(s) =>
			error(403, {
				message: `The MAC signature found in the HTTP request '${s}' is not the same as any computed signature.`,
			}),
	],
	['as error.target and a header', (s) => error(400, { target: s }, { 'x-ms-request-id': s })],
	['after "Signature is"', (s) => error(400, { message: `Signature is ${s}` })],
	[
		'base64 of the bare value',
		(s) => error(400, { message: `echo ${Buffer.from(s).toString('base64')}` }),
	],
	[
		'split on dots, joined by spaces',
		(s) => error(400, { message: `parts: ${s.split('.').join(' ')}` }),
	],
	[
		'in a 2xx body field',
		(s) => ({
			status: 200,
			headers: JSON_TYPE,
			body: JSON.stringify({ id: NUMBER, phoneNumber: NUMBER, note: `sig ${s}` }),
		}),
	],
];

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) => {
		const authorization = answer.requestHeaders.authorization;
		if (!authorization || !answer.url.startsWith('/phoneNumbers/%2B')) return undefined;
		lastAuthorization = authorization;
		return form(bare(authorization));
	});
});
afterAll(() => proxy.close());

describe.each<Auth>(['connectionString', 'entraId'])('%s', (auth) => {
	it.each(FORMS)('%s', async (_name, answerWith) => {
		form = answerWith;
		for (const continueOnFail of [false, true]) {
			const result = await runPhone(emulator(), GET, {
				auth,
				endpoint: proxy.endpoint,
				continueOnFail,
			});
			const text = everythingIn({
				items: result.items,
				error: result.error,
				runData: result.runData,
			});
			expect(text).not.toContain(lastPart(bare(lastAuthorization)));
		}
	});
});
