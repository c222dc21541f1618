import { testCredential } from '../support/engine';
import { FIXTURE_API_KEY, FIXTURE_CLIENT_SECRET } from '../support/engine/fixtures';
import { useFixtureServer } from './useFixtureServer';

const fixtures = useFixtureServer();

describe('testCredential (the Test button)', () => {
	it('runs preAuthentication, then the test request with the token', async () => {
		const issuedBefore = fixtures.server.tokensIssued();

		const outcome = await testCredential('fixtureTokenApi', {
			baseUrl: fixtures.server.baseUrl,
			clientSecret: FIXTURE_CLIENT_SECRET,
		});

		expect(outcome).toMatchObject({
			status: 'OK',
			message: 'Connection successful!',
			preAuthenticationCount: 1,
		});
		expect(fixtures.server.tokensIssued() - issuedBefore).toBe(1);
		const whoami = fixtures.server.requests.filter((request) => request.path === '/whoami').pop();
		expect(whoami).toMatchObject({ status: 200 });
		expect(whoami?.headers.authorization).toBe(
			`Bearer fixture-token-${fixtures.server.tokensIssued()}`,
		);
	});

	it('fetches a fresh token even when a stale one is stored', async () => {
		const outcome = await testCredential('fixtureTokenApi', {
			baseUrl: fixtures.server.baseUrl,
			clientSecret: FIXTURE_CLIENT_SECRET,
			accessToken: 'stale-token',
		});

		expect(outcome).toMatchObject({ status: 'OK', preAuthenticationCount: 1 });
	});

	it('fails when the token endpoint refuses the secret', async () => {
		const outcome = await testCredential('fixtureTokenApi', {
			baseUrl: fixtures.server.baseUrl,
			clientSecret: 'wrong',
		});

		expect(outcome.status).toBe('Error');
	});

	it('proves an authenticate function: right key OK, wrong key refused with the status', async () => {
		const good = await testCredential('fixtureSignedApi', {
			baseUrl: fixtures.server.baseUrl,
			apiKey: FIXTURE_API_KEY,
		});
		const bad = await testCredential('fixtureSignedApi', {
			baseUrl: fixtures.server.baseUrl,
			apiKey: 'wrong-key',
		});

		expect(good.status).toBe('OK');
		expect(bad).toMatchObject({ status: 'Error', statusCode: 401 });
	});

	it('fails with the connection error code when nothing listens', async () => {
		const outcome = await testCredential('fixtureSignedApi', {
			baseUrl: 'http://127.0.0.1:1',
			apiKey: FIXTURE_API_KEY,
		});

		expect(outcome).toMatchObject({ status: 'Error', message: 'ECONNREFUSED' });
	});
});
