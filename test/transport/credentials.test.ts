/** Both credentials end to end: real n8n-core request pipeline, real HTTP, the emulator verifying. */
import { generateKeyPairSync, createSign } from 'node:crypto';
import { AzureCommunicationServicesApi } from '../../credentials/AzureCommunicationServicesApi.credentials';
import { clearEntraTokenCache } from '../../credentials/common/entraToken';
import { signAcsRequest } from '../../nodes/shared/acs/hmac';
import { acsRequest } from '../../nodes/shared/transport';
import { testCredential } from '../support/engine';
import { withEmulator } from '../support/emulator';
import {
	caught,
	entraContext,
	entraCredential,
	expectNoSecrets,
	hmacContext,
	hmacCredential,
	rawRequest,
} from './support/transportHarness';

const emulator = withEmulator();
const WRONG_KEY = Buffer.alloc(32, 7).toString('base64');
// Tokens are cached per identity in the process; the emulator's clock is reset between tests.
beforeEach(() => clearEntraTokenCache());

function listNumbers(context: any, extra: Record<string, unknown> = {}) {
	return acsRequest.call(context, {
		method: 'GET',
		path: '/phoneNumbers',
		api: 'phoneNumbers',
		qs: { top: 1 },
		...extra,
	});
}

describe('connection-string credential (HMAC)', () => {
	it('is accepted by the emulator for GET, POST with a body and merge-patch PATCH', async () => {
		const emu = emulator();
		const { context } = hmacContext(emu);
		const list = await listNumbers(context);
		expect(list.statusCode).toBe(200);
		const patch = await acsRequest.call(context, {
			method: 'PATCH',
			path: '/sip',
			api: 'sip',
			body: { trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } } },
			contentType: 'application/merge-patch+json',
		});
		expect(patch.statusCode).toBe(200);
		const log = await emu.control.requestLog();
		expect(log.map((entry: any) => entry.status)).toEqual([200, 200]);
	});

	it('a wrong key is refused (401) and the error holds no secret', async () => {
		const emu = emulator();
		const connectionString = `endpoint=${emu.endpoint};accesskey=${WRONG_KEY}`;
		const { context } = hmacContext(emu, { connectionStringSecret: connectionString });
		const error = await caught(listNumbers(context));
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^[A-Za-z]+: /);
		expect(error.description).toMatch(/access key/);
		expect(error.description).toMatch(/clock/);
		expect(error.description).toMatch(/Correlation: /);
		expectNoSecrets(error, [WRONG_KEY, connectionString, emu.accessKey]);
	});

	it('refuses a non-ACS endpoint without Allow Custom Endpoint, sending nothing', async () => {
		const emu = emulator();
		const { context } = hmacContext(emu, { allowCustomEndpoint: false });
		const error = await caught(listNumbers(context));
		expect(error.message).toMatch(/not an Azure Communication Services host/);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(await emu.control.requestLog()).toHaveLength(0);
		expectNoSecrets(error, [emu.accessKey, emu.connectionString]);
	});

	it('a malformed connection string is refused without echoing it', async () => {
		const emu = emulator();
		const broken = `endpoint=${emu.endpoint};accesskey=${emu.accessKey}!`;
		const { context } = hmacContext(emu, { connectionStringSecret: broken });
		const error = await caught(listNumbers(context));
		expect(error.message).toMatch(/not valid base64/);
		expectNoSecrets(error, [emu.accessKey, broken]);
		expect(await emu.control.requestLog()).toHaveLength(0);
	});

	describe('replay and tampering (raw signed requests)', () => {
		const send = async (emu: any, opts: { date: Date; signedBody: string; sentBody: string }) => {
			const url = new URL('/sip?api-version=2024-11-15-preview', emu.endpoint);
			url.search = `?${url.searchParams.toString()}`;
			const signed = signAcsRequest({
				method: 'PATCH',
				url,
				body: opts.signedBody,
				accessKey: emu.accessKey,
				date: opts.date,
			});
			return rawRequest(url.href, {
				method: 'PATCH',
				headers: {
					'content-type': 'application/merge-patch+json',
					'x-ms-date': signed['x-ms-date'],
					'x-ms-content-sha256': signed['x-ms-content-sha256'],
					authorization: signed.authorization,
				},
				body: opts.sentBody,
			});
		};
		const body = JSON.stringify({ trunks: { 'sbc.contoso.com': { sipSignalingPort: 5061 } } });

		it('a fresh, untampered request passes (control)', async () => {
			const emu = emulator();
			const now = new Date((await emu.control.getClock()).now);
			expect((await send(emu, { date: now, signedBody: body, sentBody: body })).status).toBe(200);
		});

		it('a date older than 15 minutes is refused', async () => {
			const emu = emulator();
			const now = new Date((await emu.control.getClock()).now);
			const stale = new Date(now.getTime() - 16 * 60 * 1000);
			expect((await send(emu, { date: stale, signedBody: body, sentBody: body })).status).toBe(401);
		});

		it('a changed body is refused', async () => {
			const emu = emulator();
			const now = new Date((await emu.control.getClock()).now);
			const tampered = body.replace('5061', '5062');
			expect((await send(emu, { date: now, signedBody: body, sentBody: tampered })).status).toBe(
				401,
			);
		});
	});

	it('the credential test (Test button) proves the key', async () => {
		const emu = emulator();
		const good = await testCredential('azureCommunicationServicesApi', hmacCredential(emu));
		expect(good.status).toBe('OK');
		const bad = await testCredential(
			'azureCommunicationServicesApi',
			hmacCredential(emu, {
				connectionStringSecret: `endpoint=${emu.endpoint};accesskey=${WRONG_KEY}`,
			}),
		);
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain(WRONG_KEY);
	});

	it('authenticate returns an absolute URL with its query, no qs, the exact hashed body, merge-patch kept', async () => {
		const emu = emulator();
		const options = await new AzureCommunicationServicesApi().authenticate(hmacCredential(emu), {
			method: 'PATCH',
			url: '/phoneNumbers/%2B14255550100/capabilities',
			qs: { 'api-version': '2025-06-01' },
			body: { calling: 'inbound' },
			headers: { 'Content-Type': 'application/merge-patch+json' },
		});
		expect(options.url).toBe(
			`${emu.endpoint}phoneNumbers/%2B14255550100/capabilities?api-version=2025-06-01`,
		);
		expect(options.qs).toBeUndefined();
		expect(options.body).toBe('{"calling":"inbound"}');
		expect(options.headers?.['Content-Type']).toBe('application/merge-patch+json');
		expect(options.disableFollowRedirect).toBe(true);
		// Idempotent: n8n re-authenticates the already-authenticated options after a 401.
		const again = await new AzureCommunicationServicesApi().authenticate(
			hmacCredential(emu),
			options,
		);
		expect(again.url).toBe(options.url);
		expect(again.body).toBe(options.body);
	});

	it("signs the legacy `uri` form that n8n's HTTP Request node passes, and the emulator accepts it", async () => {
		const emu = emulator();
		const legacy = {
			method: 'GET',
			uri: `${emu.endpoint}phoneNumbers`,
			qs: { 'api-version': '2025-06-01', top: 1 },
		};
		const options = await new AzureCommunicationServicesApi().authenticate(
			hmacCredential(emu),
			legacy as never,
		);
		expect(options.url).toBe(`${emu.endpoint}phoneNumbers?api-version=2025-06-01&top=1`);
		expect((options as { uri?: string }).uri).toBeUndefined();
		const response = await fetch(options.url, {
			headers: options.headers as Record<string, string>,
		});
		expect(response.status).toBe(200);
		await expect(
			new AzureCommunicationServicesApi().authenticate(hmacCredential(emu), {
				uri: 'https://evil.example.com/phoneNumbers',
			} as never),
		).rejects.toThrow(/Refused/);
	});

	it('refuses to sign for another host, even through baseURL', async () => {
		const emu = emulator();
		const credential = new AzureCommunicationServicesApi();
		await expect(
			credential.authenticate(hmacCredential(emu), {
				url: 'https://evil.example.com/phoneNumbers',
			}),
		).rejects.toThrow(/Refused to send an authenticated request to https:\/\/evil.example.com/);
		await expect(
			credential.authenticate(hmacCredential(emu), {
				baseURL: 'http://127.0.0.2:9/',
				url: '/phoneNumbers',
			}),
		).rejects.toThrow(/Refused/);
	});
});

describe('Entra ID credential (real @azure/identity against the emulator token issuer)', () => {
	it('a client-secret token is accepted, fetched once and reused for many requests', async () => {
		const emu = emulator();
		const harness = entraContext(emu);
		for (let i = 0; i < 5; i++) expect((await listNumbers(harness.context)).statusCode).toBe(200);
		expect(harness.preAuthenticationCount('azureCommunicationServicesEntraApi')).toBe(1);
		expect((await emu.control.tokens()).issued).toBe(1);
		const stored = harness.credentials.dataOfType('azureCommunicationServicesEntraApi');
		expect(typeof stored?.accessToken).toBe('string');
		expect(Number(stored?.accessTokenExpiresOn)).toBeGreaterThan(Date.now());
	});

	it('a client certificate (PEM) gets a token', async () => {
		const emu = emulator();
		const { context } = entraContext(emu, {
			authMethod: 'clientCertificate',
			clientSecret: '',
			certificatePem: emu.tokenIssuer.certificatePem,
		});
		expect((await listNumbers(context)).statusCode).toBe(200);
	});

	it('an expired token is answered 401, refreshed once, and the request succeeds', async () => {
		const emu = emulator();
		const harness = entraContext(emu, {
			clientSecret: emu.tokenIssuer.clientSecret,
			tenantId: emu.tokenIssuer.tenantId,
		});
		await listNumbers(harness.context);
		const issuedBefore = (await emu.control.tokens()).issued;
		await emu.control.advanceClock({ minutes: 120 });
		expect((await listNumbers(harness.context)).statusCode).toBe(200);
		expect((await emu.control.tokens()).issued).toBe(issuedBefore + 1);
		const statuses = (await emu.control.requestLog()).map((entry: any) => entry.status);
		expect(statuses.slice(-2)).toEqual([401, 200]);
	});

	it('a token near its stated expiry is replaced before anything is sent', async () => {
		const emu = emulator();
		const harness = entraContext(emu, {
			accessToken: 'stale-token-value',
			accessTokenExpiresOn: Date.now() + 30_000,
		});
		expect((await listNumbers(harness.context)).statusCode).toBe(200);
		const log = await emu.control.requestLog();
		expect(log.map((entry: any) => entry.status)).toEqual([200]);
	});

	it('the emulator refuses a foreign or expired token (raw requests)', async () => {
		const emu = emulator();
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const now = Math.floor(Date.now() / 1000);
		const head = b64({ alg: 'RS256', typ: 'JWT' });
		const claims = b64({
			aud: 'https://communication.azure.com',
			iss: 'https://sts.windows.net/x/',
			exp: now + 3600,
			nbf: now - 60,
		});
		const signer = createSign('RSA-SHA256');
		signer.update(`${head}.${claims}`);
		const foreign = `${head}.${claims}.${signer.sign(privateKey).toString('base64url')}`;
		const url = `${emu.endpoint}phoneNumbers?api-version=2025-06-01`;
		expect(
			(await rawRequest(url, { method: 'GET', headers: { authorization: `Bearer ${foreign}` } }))
				.status,
		).toBe(401);
		const harness = entraContext(emu);
		await listNumbers(harness.context);
		const token = harness.credentials.dataOfType('azureCommunicationServicesEntraApi')
			?.accessToken as string;
		expect(
			(await rawRequest(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } }))
				.status,
		).toBe(200);
		await emu.control.advanceClock({ minutes: 120 });
		expect(
			(await rawRequest(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } }))
				.status,
		).toBe(401);
	});

	it('a wrong client secret fails with a clear error that holds no secret', async () => {
		const emu = emulator();
		const wrong = 'definitely-not-the-secret-123';
		const { context } = entraContext(emu, { clientSecret: wrong });
		const error = await caught(listNumbers(context));
		expect(error.message).toMatch(/Could not get an Entra ID token/);
		expectNoSecrets(error, [wrong, emu.tokenIssuer.clientSecret]);
		expect(await emu.control.requestLog()).toHaveLength(0);
	});

	it('the credential test (Test button) proves the token', async () => {
		const emu = emulator();
		expect(
			(await testCredential('azureCommunicationServicesEntraApi', entraCredential(emu))).status,
		).toBe('OK');
		const bad = await testCredential(
			'azureCommunicationServicesEntraApi',
			entraCredential(emu, { clientSecret: 'nope-nope' }),
		);
		expect(bad.status).toBe('Error');
	});

	it('parallel executions sharing one identity fetch one token', async () => {
		const emu = emulator();
		const harnesses = Array.from({ length: 20 }, () =>
			entraContext(emu, { clientId: emu.tokenIssuer.clientId }),
		);
		const results = await Promise.all(harnesses.map((h) => listNumbers(h.context)));
		expect(results.every((r) => r.statusCode === 200)).toBe(true);
		expect((await emu.control.tokens()).issued).toBeLessThanOrEqual(1);
	});
});
