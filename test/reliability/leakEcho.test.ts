/**
 * A hostile server that echoes the request's Authorization header (raw, percent-encoded, JSON-escaped, base64...)
 * into every field of every error shape (error code, message, target, nested inner errors, details, the error-code
 * and correlation headers, an HTML page, a failed operation's error) and into a 2xx body that reaches an output.
 * Both credentials, the real engine, continueOnFail on and off; then everything is scanned for every form of every
 * Authorization value the server saw. The server is a proxy in front of the emulator.
 */
import type { INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { testCredential } from '../support/engine';
import { echoFormsOf, echoOf, secretFormsOf } from './support/echo';
import { reliabilitySeed } from './support/seed';
import {
	credentialsFor,
	phoneControl,
	runPhone,
	TOLL_FREE_SEARCH as SEARCH,
	type Auth,
} from './support/nodes';
import { SecretScan } from './support/secrets';
import { startRewritingProxy, type RewritingProxy, type UpstreamAnswer } from './support/servers';

const seed = reliabilitySeed('leakEcho');
const emulator = withEmulator({ seed });
const scan = new SecretScan();
const AUTHS: Auth[] = ['connectionString', 'entraId'];
const NUMBER = '+18005550100';
const seenAuthorizations = new Set<string>();
let currentAuthorization = '';
let proxy: RewritingProxy;
type Hostile = (
	answer: UpstreamAnswer,
	echo: string,
) => { status?: number; headers?: UpstreamAnswer['headers']; body?: string } | void;

const ECHO_HEADERS = [
	'x-ms-error-code',
	'ms-cv',
	'x-ms-request-id',
	'x-ms-client-request-id',
	'x-azure-ref',
];
let headerRotation = 0;

/** One echo form per header, rotated from answer to answer so that every header carries every form in turn. */
function echoHeaders(contentType = 'application/json'): UpstreamAnswer['headers'] {
	const forms = echoFormsOf(currentAuthorization);
	headerRotation++;
	const headers: UpstreamAnswer['headers'] = { 'content-type': contentType };
	ECHO_HEADERS.forEach((name, index) => {
		headers[name] = forms[(index + headerRotation) % forms.length];
	});
	return headers;
}

function echoError(echo: string): Record<string, unknown> {
	const leaf = { code: echo, message: echo, target: echo };
	return {
		...leaf,
		innererror: { ...leaf, innererror: { ...leaf } },
		details: [leaf, { ...leaf, innererror: leaf }],
	};
}

const isGetNumber = (answer: UpstreamAnswer) =>
	answer.method === 'GET' && answer.url.startsWith('/phoneNumbers/%2B');
const isList = (answer: UpstreamAnswer) =>
	answer.method === 'GET' && /^\/phoneNumbers\?/.test(answer.url);
const isPoll = (answer: UpstreamAnswer) =>
	answer.method === 'GET' && answer.url.startsWith('/phoneNumbers/operations/');

const errorAnswer =
	(status: number, matches: (answer: UpstreamAnswer) => boolean): Hostile =>
	(answer, echo) =>
		matches(answer)
			? { status, headers: echoHeaders(), body: JSON.stringify({ error: echoError(echo) }) }
			: undefined;

const GET: INodeParameters = {
	resource: 'phoneNumber',
	operation: 'get',
	phoneNumber: { __rl: true, mode: 'id', value: NUMBER },
};
const LIST: INodeParameters = { resource: 'phoneNumber', operation: 'getAll', returnAll: true };

const CASES: Array<{
	what: string;
	parameters: INodeParameters;
	hostile: Hostile;
	fails: boolean;
}> = [
	{
		what: 'ACS error body and headers (400)',
		parameters: GET,
		hostile: errorAnswer(400, isGetNumber),
		fails: true,
	},
	{
		what: 'ACS error body and headers (401)',
		parameters: GET,
		hostile: errorAnswer(401, isGetNumber),
		fails: true,
	},
	{
		what: 'ACS error body and headers on a list (409)',
		parameters: LIST,
		hostile: errorAnswer(409, isList),
		fails: true,
	},
	{
		what: 'throttled (429, Retry-After 0) on every attempt',
		parameters: GET,
		hostile: (answer, echo) => {
			const hostile = errorAnswer(429, isGetNumber)(answer, echo);
			return hostile
				? { ...hostile, headers: { ...hostile.headers, 'retry-after': '0' } }
				: undefined;
		},
		fails: true,
	},
	{
		what: 'HTML error page (403)',
		parameters: GET,
		hostile: (answer, echo) =>
			isGetNumber(answer)
				? {
						status: 403,
						headers: echoHeaders('text/html'),
						body: `<html><body><h1>Forbidden</h1><p>${echo}</p></body></html>`,
					}
				: undefined,
		fails: true,
	},
	{
		what: "a failed operation's error",
		parameters: SEARCH,
		hostile: (answer, echo) => {
			if (!isPoll(answer) || answer.status !== 200) return undefined;
			const operation = JSON.parse(answer.body) as Record<string, unknown>;
			return {
				headers: { ...answer.headers, ...echoHeaders() },
				body: JSON.stringify({
					...operation,
					status: 'failed',
					resourceLocation: null,
					error: echoError(echo),
				}),
			};
		},
		fails: true,
	},
	{
		what: 'a 2xx body whose fields reach the output',
		parameters: GET,
		hostile: (answer, echo) =>
			isGetNumber(answer)
				? {
						status: 200,
						headers: echoHeaders(),
						body: JSON.stringify({
							id: NUMBER.slice(1),
							phoneNumber: NUMBER,
							countryCode: echo,
							phoneNumberType: echo,
							assignmentType: echo,
							capabilities: { calling: echo, sms: echo },
							purchaseDate: echo,
							cost: { amount: 2, currencyCode: echo, billingFrequency: echo },
						}),
					}
				: undefined,
		fails: false,
	},
];

let hostileAnswer: Hostile | undefined;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) => {
		const authorization = answer.requestHeaders.authorization;
		if (!authorization || !hostileAnswer) return undefined;
		seenAuthorizations.add(authorization);
		currentAuthorization = authorization;
		return hostileAnswer(answer, echoOf(authorization));
	});
});
beforeEach(async () => {
	await phoneControl(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
});
afterAll(async () => {
	await proxy.close();
});

describe.each(AUTHS)('a server echoing the Authorization header into every field (%s)', (auth) => {
	describe.each([false, true])('continueOnFail %s', (continueOnFail) => {
		it.each(CASES)('$what', async ({ parameters, hostile, fails }) => {
			hostileAnswer = hostile;
			const rewrittenBefore = proxy.rewritten;
			const result = await runPhone(emulator(), parameters, {
				auth,
				endpoint: proxy.endpoint,
				continueOnFail,
			});
			hostileAnswer = undefined;
			scan.collectRun(`${auth}, continueOnFail ${continueOnFail}`, result);
			expect(proxy.rewritten).toBeGreaterThan(rewrittenBefore);
			if (fails && continueOnFail) {
				expect(result.error).toBeUndefined();
				expect(result.items[0]?.json.error).toEqual(expect.any(String));
			} else if (fails) {
				expect(result.error?.message).toEqual(expect.any(String));
			} else {
				expect(result.error).toBeUndefined();
				expect(result.items[0]?.json.phoneNumber).toBe(NUMBER);
			}
		});
	});
});

it.each(AUTHS)("the credential's Test button against the same server (%s)", async (auth) => {
	hostileAnswer = errorAnswer(401, isList);
	const [[type, data]] = Object.entries(credentialsFor(emulator(), auth, proxy.endpoint));
	const outcome = await testCredential(type, data);
	hostileAnswer = undefined;
	// What the editor shows (the outcome also carries the test's own credential store, which holds the secrets).
	scan.collect(`credential test ${auth}`, {
		status: outcome.status,
		message: outcome.message,
		statusCode: outcome.statusCode,
	});
	expect(outcome.status).toBe('Error');
});

it('leaks no form of any Authorization value the server saw, nor any other secret', async () => {
	scan.addEmulatorSecrets(emulator());
	for (const authorization of seenAuthorizations) {
		for (const [label, value] of secretFormsOf(authorization)) scan.addSecret(label, value);
	}
	expect(seenAuthorizations.size).toBeGreaterThanOrEqual(AUTHS.length);
	expect(scan.collectedCount()).toBeGreaterThan(40);
	const leaks = await scan.scan([emulator()]);
	expect([...new Set(leaks.map((leak) => `${leak.secret} in ${leak.where}`))]).toEqual([]);
});
