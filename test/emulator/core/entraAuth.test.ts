import { PhoneNumbersClient } from '@azure/communication-phone-numbers';
import {
	ClientCertificateCredential,
	ClientSecretCredential,
	ManagedIdentityCredential,
} from '@azure/identity';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { request } from 'node:https';
import { withEmulator } from '../../support/emulator';
import { rawRequest } from './support/http';
import { sendWithTokenCredential } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const SCOPE = 'https://communication.azure.com//.default';
const emulator = withEmulator({ domains: [thingsDomain] });

function secretCredential() {
	const issuer = emulator().tokenIssuer;
	return new ClientSecretCredential(issuer.tenantId, issuer.clientId, issuer.clientSecret, {
		authorityHost: issuer.authorityHost,
		disableInstanceDiscovery: true,
	});
}

function bearerGet(token: string) {
	return rawRequest(emulator().endpoint, {
		path: `/things?${API}`,
		headers: { authorization: `Bearer ${token}` },
	});
}

function postForm(
	url: string,
	form: Record<string, string>,
): Promise<{ status: number; body: any }> {
	const payload = new URLSearchParams(form).toString();
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
					}),
				);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

function decodePayload(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('Entra bearer tokens issued by the emulator', () => {
	it('issues a token to ClientSecretCredential that ACS routes accept, and one token serves many requests', async () => {
		const emu = emulator();
		const credential = secretCredential();
		for (let i = 0; i < 5; i++) {
			const response = await sendWithTokenCredential(
				credential,
				`${emu.secureEndpoint}things?${API}`,
			);
			expect(response.status).toBe(200);
		}
		expect((await emu.control.tokens()).issued).toBe(1);
		const log = await emu.control.requestLog();
		expect(log.map((entry) => entry.auth)).toEqual([
			'bearer',
			'bearer',
			'bearer',
			'bearer',
			'bearer',
		]);

		const token = (await credential.getToken(SCOPE))!.token;
		expect(decodePayload(token)).toMatchObject({
			aud: 'https://communication.azure.com',
			iss: `${emu.tokenIssuer.authorityHost}/${emu.tokenIssuer.tenantId}/v2.0`,
			tid: emu.tokenIssuer.tenantId,
			appid: emu.tokenIssuer.clientId,
		});
	});

	it('issues a token to ClientCertificateCredential (verified client assertion)', async () => {
		const emu = emulator();
		const issuer = emu.tokenIssuer;
		const credential = new ClientCertificateCredential(
			issuer.tenantId,
			issuer.clientId,
			{ certificate: issuer.certificatePem },
			{ authorityHost: issuer.authorityHost, disableInstanceDiscovery: true },
		);
		const token = await credential.getToken(SCOPE);
		expect((await emu.control.tokens()).issued).toBe(1);
		expect((await bearerGet(token!.token)).status).toBe(200);
		const client = new PhoneNumbersClient(emu.secureEndpoint, credential, {
			retryOptions: { maxRetries: 0 },
		});
		// Authenticated with the token: the things domain has no phone routes, so routing answers 404, not auth 401.
		await expect(client.getPurchasedPhoneNumber('+14255550100')).rejects.toMatchObject({
			statusCode: 404,
		});
	});

	it('refuses a wrong client secret and a client assertion signed by an unregistered key', async () => {
		const emu = emulator();
		const issuer = emu.tokenIssuer;
		const wrong = new ClientSecretCredential(issuer.tenantId, issuer.clientId, 'not-the-secret', {
			authorityHost: issuer.authorityHost,
			disableInstanceDiscovery: true,
		});
		await expect(wrong.getToken(SCOPE)).rejects.toThrow(/AADSTS7000215/);

		const tokenEndpoint = `${issuer.authorityHost}/${issuer.tenantId}/oauth2/v2.0/token`;
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const now = Math.floor(Date.now() / 1000);
		const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ aud: tokenEndpoint, iss: issuer.clientId, sub: issuer.clientId, jti: 'x', nbf: now, exp: now + 600 })}`;
		const assertion = `${input}.${createSign('sha256').update(input).sign(privateKey).toString('base64url')}`;
		const refused = await postForm(tokenEndpoint, {
			grant_type: 'client_credentials',
			client_id: issuer.clientId,
			scope: SCOPE,
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			client_assertion: assertion,
		});
		expect(refused.status).toBe(401);
		expect(refused.body.error).toBe('invalid_client');
		expect((await emu.control.tokens()).issued).toBe(0);
	});

	it('refuses a token after it expired on the virtual clock', async () => {
		const emu = emulator();
		const token = (await secretCredential().getToken(SCOPE))!.token;
		expect((await bearerGet(token)).status).toBe(200);
		await emu.control.advanceClock({ seconds: 3601 });
		const expired = await bearerGet(token);
		expect(expired.status).toBe(401);
		expect(expired.json().error).toEqual({
			code: 'Denied',
			message: 'The access token has expired.',
		});
	});

	it('honours a configured token lifetime', async () => {
		const emu = emulator();
		await emu.control.setTokenLifetime(120);
		const response = await postForm(
			`${emu.tokenIssuer.authorityHost}/${emu.tokenIssuer.tenantId}/oauth2/v2.0/token`,
			{
				grant_type: 'client_credentials',
				client_id: emu.tokenIssuer.clientId,
				client_secret: emu.tokenIssuer.clientSecret,
				scope: SCOPE,
			},
		);
		expect(response.status).toBe(200);
		expect(response.body.expires_in).toBe(120);
		const claims = decodePayload(response.body.access_token);
		expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
		await emu.control.advanceClock({ seconds: 119 });
		expect((await bearerGet(response.body.access_token)).status).toBe(200);
		await emu.control.advanceClock({ seconds: 2 });
		expect((await bearerGet(response.body.access_token)).status).toBe(401);
	});

	it('refuses foreign tokens: another signer, another audience, garbage', async () => {
		const emu = emulator();
		const issued = (await secretCredential().getToken(SCOPE))!.token;
		const [header, payload] = issued.split('.');
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const forged = `${header}.${payload}.${createSign('sha256').update(`${header}.${payload}`).sign(privateKey).toString('base64url')}`;
		expect((await bearerGet(forged)).json().error).toEqual({
			code: 'Denied',
			message: 'The access token signature is invalid.',
		});

		const graphToken = (await secretCredential().getToken('https://graph.microsoft.com/.default'))!
			.token;
		expect((await bearerGet(graphToken)).json().error.message).toBe(
			'The access token audience is not valid for this resource.',
		);

		const garbage = await bearerGet('not-a-jwt');
		expect(garbage.status).toBe(401);
		const none = await bearerGet(
			`${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
		);
		expect(none.status).toBe(401);
		expect((await emu.control.requestLog()).every((entry) => entry.auth === 'rejected')).toBe(true);
	});

	it('serves an App Service managed identity endpoint for ManagedIdentityCredential', async () => {
		const emu = emulator();
		const mi = emu.tokenIssuer.managedIdentity;
		const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
		process.env.IDENTITY_ENDPOINT = mi.endpoint;
		process.env.IDENTITY_HEADER = mi.header;
		try {
			const credential = new ManagedIdentityCredential({ clientId: mi.userAssignedClientId });
			const token = await credential.getToken(SCOPE);
			expect(decodePayload(token!.token)).toMatchObject({
				aud: 'https://communication.azure.com',
				appid: mi.userAssignedClientId,
			});
			expect((await bearerGet(token!.token)).status).toBe(200);
			expect((await emu.control.tokens()).issued).toBe(1);
		} finally {
			if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
			else process.env.IDENTITY_ENDPOINT = saved.endpoint;
			if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
			else process.env.IDENTITY_HEADER = saved.header;
		}
		const noHeader = await new Promise<number>((resolve, reject) => {
			request(
				`${mi.endpoint}?resource=https://communication.azure.com/&api-version=2019-08-01`,
				(res) => resolve(res.statusCode ?? 0),
			)
				.on('error', reject)
				.end();
		});
		expect(noHeader).toBe(401);
	});
});
