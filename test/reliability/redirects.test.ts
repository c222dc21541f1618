/**
 * Redirects: a 3xx from the service is an error naming its status, never followed, on every request path n8n has
 * for our credentials: our nodes (httpRequestWithAuthentication), and the legacy `requestWithAuthentication` that
 * n8n's HTTP Request node uses with a predefined credential type (that node is not a dependency here, so the test
 * calls the helper with the options the node's versions pass). The endpoint is `localhost:<port>`; it redirects to
 * `evil.localhost` on the same port (a subdomain: redirect libraries keep the Authorization header there) or to
 * `127.0.0.1` (another host). Nothing may reach the other name.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import { createExecuteContext } from '../support/engine';
import { credentialsFor, runPhone, type Auth } from './support/nodes';
import { resolveLocalhostSubdomains } from './support/localhostNames';
import { SecretScan } from './support/secrets';
import { startRedirectServer, type RedirectServer } from './support/servers';

const emulator = withEmulator();
const scan = new SecretScan();
const AUTHS: Auth[] = ['connectionString', 'entraId'];
const CREDENTIAL_TYPE: Record<Auth, string> = {
	connectionString: 'azureCommunicationServicesApi',
	entraId: 'azureCommunicationServicesEntraApi',
};
const TARGETS = [
	['a subdomain of the endpoint', 'http://evil.localhost:PORT/stolen'],
	['another host', 'http://127.0.0.1:PORT/stolen'],
	['a relative path on the same host', '/stolen'],
];

const LIST_URL = '/phoneNumbers?api-version=2025-06-01';

let server: RedirectServer;
let names: { restore(): void };

beforeAll(async () => {
	names = resolveLocalhostSubdomains();
	server = await startRedirectServer();
});
beforeEach(() => {
	server.atEndpoint.length = 0;
	server.elsewhere.length = 0;
	server.status = 302;
});
afterAll(async () => {
	await server.close();
	names.restore();
});

describe.each(AUTHS)('our nodes (%s)', (auth) => {
	it.each(
		TARGETS.flatMap(([what, location]) =>
			[301, 302, 303, 307, 308].map((status) => [status, what, location] as const),
		),
	)(
		'Get answered %i to %s: an error naming the status, nothing sent there',
		async (status, _what, location) => {
			server.status = status;
			server.location = location;
			const result = await runPhone(
				emulator(),
				{
					resource: 'phoneNumber',
					operation: 'get',
					phoneNumber: { __rl: true, mode: 'id', value: '+18005550100' },
				},
				{ auth, endpoint: server.endpoint },
			);
			scan.collectRun(`Get ${status} ${auth}`, result);
			expect(result.items).toEqual([]);
			expect(result.error?.message).toContain(`HTTP ${status}`);
			expect(result.error?.message).toMatch(/redirect/i);
			expect(result.error?.httpCode).toBe(String(status));
			expect(server.atEndpoint).toHaveLength(1);
			expect(server.elsewhere).toEqual([]);
		},
	);

	it('a list answered 302: an error, not an empty list', async () => {
		const result = await runPhone(
			emulator(),
			{ resource: 'phoneNumber', operation: 'getAll', returnAll: true },
			{ auth, endpoint: server.endpoint },
		);
		scan.collectRun(`list 302 ${auth}`, result);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toContain('HTTP 302');
		expect(server.elsewhere).toEqual([]);
	});

	it('with continueOnFail, a 302 is an error item, not an item of nulls', async () => {
		const result = await runPhone(
			emulator(),
			{
				resource: 'phoneNumber',
				operation: 'get',
				phoneNumber: { __rl: true, mode: 'id', value: '+18005550100' },
			},
			{ auth, endpoint: server.endpoint, continueOnFail: true },
		);
		scan.collectRun(`Get 302 continueOnFail ${auth}`, result);
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ error: expect.stringContaining('HTTP 302'), httpCode: '302' }),
		]);
		expect(server.elsewhere).toEqual([]);
	});
});

/** What n8n's HTTP Request node passes to `requestWithAuthentication` (v1/v2 defaults, v3 "follow redirects"). */
const LEGACY_OPTIONS: Array<[string, IDataObject]> = [
	['v1/v2 defaults (follow GET redirects)', {}],
	['v1/v2 with Follow All Redirects', { followRedirect: true, followAllRedirects: true }],
	[
		'v3 with Follow Redirects (21)',
		{ followRedirect: true, followAllRedirects: true, maxRedirects: 21 },
	],
];

function contextFor(auth: Auth): IExecuteFunctions {
	return createExecuteContext({
		nodeType: 'azureCommunicationPhoneNumbers',
		parameters: { authentication: auth },
		credentials: credentialsFor(emulator(), auth, server.endpoint),
	}).context;
}

async function settle(
	promise: Promise<unknown>,
): Promise<{ statusCode?: number; error?: unknown }> {
	try {
		const response = (await promise) as { statusCode?: number };
		return { statusCode: response?.statusCode };
	} catch (error) {
		return { error };
	}
}

describe.each(AUTHS)("n8n's other request paths with the credential (%s)", (auth) => {
	describe.each(TARGETS)('redirect to %s', (_what, location) => {
		it.each(
			LEGACY_OPTIONS.flatMap(([label, options]) =>
				(['GET', 'POST'] as const).map((method) => [label, method, options] as const),
			),
		)(
			'legacy requestWithAuthentication, HTTP Request node %s, %s: not followed',
			async (_label, method, options) => {
				server.location = location;
				const context = contextFor(auth);
				const outcome = await settle(
					context.helpers.requestWithAuthentication.call(
						context,
						CREDENTIAL_TYPE[auth],
						{
							method,
							uri: `${server.origin}${LIST_URL}`,
							headers: {},
							json: true,
							gzip: true,
							rejectUnauthorized: true,
							resolveWithFullResponse: true,
							...(method === 'POST' ? { body: { quantity: 1 } } : {}),
							...options,
						},
						undefined,
						0,
					),
				);
				scan.collect(`legacy ${auth} ${method}`, outcome);
				// n8n's legacy helper sends once more after refreshing an Entra token when a request fails.
				expect(new Set(server.atEndpoint.map((request) => request.url))).toEqual(
					new Set([LIST_URL]),
				);
				expect(server.elsewhere).toEqual([]);
			},
		);

		it.each([method('GET'), method('POST')])(
			'httpRequestWithAuthentication asked to follow redirects (%s): not followed',
			async (request) => {
				server.location = location;
				const context = contextFor(auth);
				const outcome = await settle(
					context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE[auth], {
						...request,
						url: `${server.origin}${LIST_URL}`,
						json: true,
						returnFullResponse: true,
						disableFollowRedirect: false,
						maxRedirects: 21,
						sendCredentialsOnCrossOriginRedirect: true,
					}),
				);
				scan.collect(`httpRequestWithAuthentication ${auth}`, outcome);
				expect(server.atEndpoint.map((request) => request.url)).toEqual([LIST_URL]);
				expect(server.elsewhere).toEqual([]);
			},
		);
	});
});

function method(name: 'GET' | 'POST') {
	return { method: name, ...(name === 'POST' ? { body: { quantity: 1 } } : {}) } as const;
}

it('leaks no secret in any output, error or log line of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	for (const request of server.atEndpoint)
		scan.addSecret('Authorization header', request.headers.authorization);
	expect(scan.collectedCount()).toBeGreaterThan(20);
	expect(await scan.scan([emulator()])).toEqual([]);
});
