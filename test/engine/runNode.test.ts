import { credentialStore, runNode } from '../support/engine';
import { FIXTURE_API_KEY, FIXTURE_CLIENT_SECRET } from '../support/engine/fixtures';
import { useFixtureServer } from './useFixtureServer';

const fixtures = useFixtureServer();
const fixtureType = fixtures.fixtureType;
beforeEach(() => {
	fixtures.server.requests.length = 0;
});

const tokenCredentials = () => ({
	fixtureTokenApi: { baseUrl: fixtures.server.baseUrl, clientSecret: FIXTURE_CLIENT_SECRET },
});

describe('runNode through the real engine', () => {
	it('passes input items through and keeps pairedItem', async () => {
		const inputItems = [{ n: 1 }, { n: 2 }, { n: 3 }];
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl, path: '/echo' },
			credentials: tokenCredentials(),
			inputItems,
		});

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.received)).toEqual(inputItems);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.executionOrder).toEqual(['Start', 'Node under test']);
		expect(fixtures.server.requests.filter((request) => request.path === '/echo')).toHaveLength(3);
	});

	it('resolves expressions in parameters per item', async () => {
		const result = await runNode({
			nodeType: fixtureType,
			parameters: { baseUrl: fixtures.server.baseUrl, path: '={{ "/echo?n=" + $json.n }}' },
			credentials: tokenCredentials(),
			inputItems: [{ n: 7 }, { n: 8 }],
		});

		expect(result.items.map((item) => item.json.path)).toEqual(['/echo?n=7', '/echo?n=8']);
	});

	it('with continueOnFail, a failing item becomes an error item and the others go on', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl, path: '={{ $json.path }}' },
			credentials: tokenCredentials(),
			inputItems: [{ path: '/echo' }, { path: '/status/404' }, { path: '/echo' }],
			continueOnFail: true,
		});

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json.error).toEqual(expect.any(String));
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[2].json.received).toEqual({ path: '/echo' });
	});

	it('without continueOnFail, reports the NodeApiError of the failing request', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl, path: '/status/404' },
			credentials: tokenCredentials(),
		});

		expect(result.status).toBe('error');
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(result.error?.description).toBe('Answered 404');
	});

	it('reports a NodeOperationError with its description', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl, path: 'no-slash' },
			credentials: tokenCredentials(),
		});

		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Path must start with /',
			description: 'Fix the Path parameter',
		});
		expect(fixtures.server.requests).toEqual([]);
	});

	it('rejects a node type that does not exist', async () => {
		await expect(runNode({ nodeType: 'noSuchNode' })).rejects.toThrow(
			'Unknown node type "noSuchNode"',
		);
	});
});

describe('credentials: authenticate', () => {
	it('applies a generic authenticate object with the resolved $credentials expression', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl },
			credentials: tokenCredentials(),
		});

		expect(result.items[0].json.auth).toBe('bearer');
		const echo = fixtures.server.requests.find((request) => request.path === '/echo');
		expect(echo?.headers.authorization).toMatch(/^Bearer fixture-token-\d+$/);
	});

	it('applies an authenticate function (signature checked by the server)', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { authentication: 'signed', baseUrl: fixtures.server.baseUrl, path: '/echo?x=1' },
			credentials: {
				fixtureSignedApi: { baseUrl: fixtures.server.baseUrl, apiKey: FIXTURE_API_KEY },
			},
		});

		expect(result.items[0].json).toMatchObject({ auth: 'signed', path: '/echo?x=1' });
	});

	it('a wrong key is refused by the server and surfaces as a 401 NodeApiError', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { authentication: 'signed', baseUrl: fixtures.server.baseUrl },
			credentials: { fixtureSignedApi: { baseUrl: fixtures.server.baseUrl, apiKey: 'wrong-key' } },
		});

		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
	});
});

describe('credentials: preAuthentication', () => {
	it('fetches one token for many items and stores it', async () => {
		const issuedBefore = fixtures.server.tokensIssued();
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl },
			credentials: tokenCredentials(),
			inputItems: [{}, {}, {}, {}, {}],
		});

		expect(result.items).toHaveLength(5);
		expect(result.preAuthenticationCount('fixtureTokenApi')).toBe(1);
		expect(fixtures.server.tokensIssued() - issuedBefore).toBe(1);
		const tokens = new Set(
			fixtures.server.requests
				.filter((r) => r.path === '/echo')
				.map((r) => r.headers.authorization),
		);
		expect(tokens.size).toBe(1);
		expect(result.credentials.dataOfType('fixtureTokenApi')?.accessToken).toBe(
			`fixture-token-${fixtures.server.tokensIssued()}`,
		);
	});

	it('reuses a stored token across runs and fetches a new one after a 401', async () => {
		const store = credentialStore();
		const run = async () =>
			await runNode({
				nodeType: 'engineFixture',
				parameters: { baseUrl: fixtures.server.baseUrl },
				credentials: tokenCredentials(),
				credentialStore: store,
			});

		const first = await run();
		expect(first.preAuthenticationCount('fixtureTokenApi')).toBe(1);
		const firstToken = store.dataOfType('fixtureTokenApi')?.accessToken;

		fixtures.server.revokeTokens();
		fixtures.server.requests.length = 0;
		const second = await runNodeWithStoredToken(store, firstToken as string);

		expect(second.status).toBe('success');
		expect(second.preAuthenticationCount('fixtureTokenApi')).toBe(1);
		const echoes = fixtures.server.requests.filter((request) => request.path === '/echo');
		expect(echoes.map((request) => request.status)).toEqual([401, 200]);
		expect(echoes[0].headers.authorization).toBe(`Bearer ${firstToken as string}`);
		expect(echoes[1].headers.authorization).not.toBe(`Bearer ${firstToken as string}`);
	});

	it('does not run preAuthentication while the stored token is accepted', async () => {
		const store = credentialStore();
		await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl },
			credentials: tokenCredentials(),
			credentialStore: store,
		});
		const token = store.dataOfType('fixtureTokenApi')?.accessToken as string;

		const again = await runNodeWithStoredToken(store, token);

		expect(again.status).toBe('success');
		expect(again.preAuthenticationCount('fixtureTokenApi')).toBe(0);
	});
});

/** Runs with a credential that already holds a token, as a saved n8n credential would. */
async function runNodeWithStoredToken(
	store: ReturnType<typeof credentialStore>,
	accessToken: string,
) {
	return await runNode({
		nodeType: 'engineFixture',
		parameters: { baseUrl: fixtures.server.baseUrl },
		credentials: { fixtureTokenApi: { ...tokenCredentials().fixtureTokenApi, accessToken } },
		credentialStore: store,
	});
}

describe('cancellation', () => {
	it('aborting the signal stops a node sleeping with getExecutionCancelSignal()', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 200);

		// An hour: only the cancellation can end it within the test's timeout.
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { operation: 'sleep', sleepMs: 3_600_000 },
			credentials: tokenCredentials(),
			signal: controller.signal,
		});

		expect(result.status).toBe('canceled');
		expect(result.cancelled).toBe(true);
		expect(result.items).toEqual([]);
	});

	it('a node that sleeps without being cancelled finishes normally', async () => {
		const result = await runNode({
			nodeType: 'engineFixture',
			parameters: { operation: 'sleep', sleepMs: 50 },
			credentials: tokenCredentials(),
		});

		expect(result.status).toBe('success');
		expect(result.items[0].json).toEqual({ slept: true });
	});
});
