/**
 * The Entra ID credential's host identities end to end: managed identity (App Service endpoint of the emulator) and
 * workload identity (a federated service-account token exchanged at the emulator's token endpoint), through the real
 * n8n request pipeline and @azure/identity, with the ACS call verified by the emulator.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:https';
import { clearEntraTokenCache } from '../../credentials/common/entraToken';
import { acsRequest } from '../../nodes/shared/transport';
import type { RunningEmulator } from '../../emulator';
import { testCredential } from '../support/engine';
import { withEmulator } from '../support/emulator';
import {
	NO_AZURE_IDENTITY_ENVIRONMENT,
	withHostEnvironment,
	withTokenFile,
} from './support/hostEnvironment';
import { caught, entraContext, entraCredential, expectNoSecrets } from './support/transportHarness';

const ENTRA = 'azureCommunicationServicesEntraApi';
const emulator = withEmulator();
beforeEach(() => clearEntraTokenCache());

function listNumbers(context: any) {
	return acsRequest.call(context, {
		method: 'GET',
		path: '/phoneNumbers',
		api: 'phoneNumbers',
		qs: { top: 1 },
	});
}

function claimsOf(token: unknown): Record<string, unknown> {
	return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
}

/** Fields of a managed-identity credential: nothing secret, the host provides the identity. */
function managedIdentityFields(emu: RunningEmulator, managedIdentityClientId = '') {
	return {
		endpoint: emu.secureEndpoint,
		authMethod: 'managedIdentity',
		tenantId: '',
		clientId: '',
		clientSecret: '',
		managedIdentityClientId,
	};
}

function appServiceHost(emu: RunningEmulator) {
	const mi = emu.tokenIssuer.managedIdentity;
	return {
		...NO_AZURE_IDENTITY_ENVIRONMENT,
		IDENTITY_ENDPOINT: mi.endpoint,
		IDENTITY_HEADER: mi.header,
	};
}

function workloadHost(emu: RunningEmulator, tokenFile: string) {
	const issuer = emu.tokenIssuer;
	return {
		...NO_AZURE_IDENTITY_ENVIRONMENT,
		AZURE_FEDERATED_TOKEN_FILE: tokenFile,
		AZURE_CLIENT_ID: issuer.clientId,
		AZURE_TENANT_ID: issuer.tenantId,
		AZURE_AUTHORITY_HOST: issuer.authorityHost,
	};
}

/** Workload identity as the AKS webhook sets it up: tenant and client come from the environment. */
function workloadFields(emu: RunningEmulator) {
	return {
		authMethod: 'workloadIdentity',
		tenantId: '',
		clientId: '',
		clientSecret: '',
		authorityHost: emu.tokenIssuer.authorityHost,
	};
}

describe('managed identity (App Service endpoint of the emulator)', () => {
	it('the system-assigned identity gets a token and the ACS call over https succeeds', async () => {
		const emu = emulator();
		const harness = entraContext(emu, managedIdentityFields(emu));
		const response = await withHostEnvironment(appServiceHost(emu), () =>
			listNumbers(harness.context),
		);
		expect(response.statusCode).toBe(200);
		const stored = harness.credentials.dataOfType(ENTRA);
		expect(claimsOf(stored?.accessToken)).toMatchObject({
			aud: 'https://communication.azure.com',
			appid: emu.tokenIssuer.managedIdentity.systemAssignedClientId,
		});
		expect((await emu.control.requestLog()).map((entry) => entry.auth)).toEqual(['bearer']);
	});

	it('a user-assigned identity (Managed Identity Client ID) gets its own token', async () => {
		const emu = emulator();
		const userAssigned = emu.tokenIssuer.managedIdentity.userAssignedClientId;
		const harness = entraContext(emu, managedIdentityFields(emu, userAssigned));
		const response = await withHostEnvironment(appServiceHost(emu), () =>
			listNumbers(harness.context),
		);
		expect(response.statusCode).toBe(200);
		expect(claimsOf(harness.credentials.dataOfType(ENTRA)?.accessToken)).toMatchObject({
			appid: userAssigned,
		});
	});

	it('the Test button proves a managed identity', async () => {
		const emu = emulator();
		const userAssigned = emu.tokenIssuer.managedIdentity.userAssignedClientId;
		const outcome = await withHostEnvironment(appServiceHost(emu), () =>
			testCredential(ENTRA, entraCredential(emu, managedIdentityFields(emu, userAssigned))),
		);
		expect(outcome).toMatchObject({ status: 'OK', preAuthenticationCount: 1 });
	});

	it('an unknown client id is refused with a clear error that holds no secret, and nothing reaches ACS', async () => {
		const emu = emulator();
		const harness = entraContext(emu, managedIdentityFields(emu, randomUUID()));
		const error = await withHostEnvironment(appServiceHost(emu), () =>
			caught(listNumbers(harness.context)),
		);
		expect(error.message).toMatch(/Could not get an Entra ID token/);
		expect(error.message).toMatch(/managed identity/i);
		expectNoSecrets(error, [emu.tokenIssuer.managedIdentity.header, emu.tokenIssuer.clientSecret]);
		expect(await emu.control.requestLog()).toHaveLength(0);
	});
});

describe('workload identity (federated token exchanged at the emulator token endpoint)', () => {
	it('a service-account token from the federated issuer gets an ACS token; the ACS call succeeds', async () => {
		const emu = emulator();
		const harness = entraContext(emu, workloadFields(emu));
		const response = await withTokenFile(emu.tokenIssuer.mintFederatedToken(), (file) =>
			withHostEnvironment(workloadHost(emu, file), () => listNumbers(harness.context)),
		);
		expect(response.statusCode).toBe(200);
		expect(claimsOf(harness.credentials.dataOfType(ENTRA)?.accessToken)).toMatchObject({
			aud: 'https://communication.azure.com',
			appid: emu.tokenIssuer.clientId,
			tid: emu.tokenIssuer.tenantId,
		});
		expect((await emu.control.tokens()).issued).toBe(1);
	});

	it('tenant and client from the credential fields win, and the Test button proves it', async () => {
		const emu = emulator();
		const issuer = emu.tokenIssuer;
		const fields = { ...workloadFields(emu), tenantId: issuer.tenantId, clientId: issuer.clientId };
		const host = (file: string) => ({
			...workloadHost(emu, file),
			AZURE_CLIENT_ID: randomUUID(),
			AZURE_TENANT_ID: randomUUID(),
		});
		const outcome = await withTokenFile(issuer.mintFederatedToken(), (file) =>
			withHostEnvironment(host(file), () => testCredential(ENTRA, entraCredential(emu, fields))),
		);
		expect(outcome.status).toBe('OK');
	});

	it('an expired federated token is refused with a clear error that holds no token, and nothing reaches ACS', async () => {
		const emu = emulator();
		const federatedToken = emu.tokenIssuer.mintFederatedToken({ lifetimeSeconds: 60 });
		await emu.control.advanceClock({ minutes: 10 });
		const harness = entraContext(emu, workloadFields(emu));
		const error = await withTokenFile(federatedToken, (file) =>
			withHostEnvironment(workloadHost(emu, file), () => caught(listNumbers(harness.context))),
		);
		expect(error.message).toMatch(/Could not get an Entra ID token/);
		expect(error.message).toMatch(/AADSTS700024/);
		expectNoSecrets(error, [federatedToken]);
		expect((await emu.control.tokens()).issued).toBe(0);
		expect(await emu.control.requestLog()).toHaveLength(0);
	});

	it('a token for another subject (no matching federated credential) is refused', async () => {
		const emu = emulator();
		const federatedToken = emu.tokenIssuer.mintFederatedToken({
			subject: 'system:serviceaccount:other:intruder',
		});
		const harness = entraContext(emu, workloadFields(emu));
		const error = await withTokenFile(federatedToken, (file) =>
			withHostEnvironment(workloadHost(emu, file), () => caught(listNumbers(harness.context))),
		);
		expect(error.message).toMatch(/AADSTS70021/);
		expectNoSecrets(error, [federatedToken]);
		expect((await emu.control.tokens()).issued).toBe(0);
	});
});

describe('the federated credential check of the token issuer (raw token requests)', () => {
	function exchange(
		emu: RunningEmulator,
		assertion: string,
	): Promise<{ status: number; body: any }> {
		const issuer = emu.tokenIssuer;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: issuer.clientId,
			scope: 'https://communication.azure.com//.default',
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			client_assertion: assertion,
		}).toString();
		return new Promise((resolve, reject) => {
			const url = `${issuer.authorityHost}/${issuer.tenantId}/oauth2/v2.0/token`;
			const req = request(
				url,
				{ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
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
			req.end(form);
		});
	}

	it('accepts the registered issuer, subject and audience; refuses another audience or a changed signature', async () => {
		const emu = emulator();
		const { workloadIdentity } = emu.tokenIssuer;
		expect(workloadIdentity.audience).toBe('api://AzureADTokenExchange');
		const good = emu.tokenIssuer.mintFederatedToken();
		expect(claimsOf(good)).toMatchObject({
			iss: workloadIdentity.issuer,
			sub: workloadIdentity.subject,
		});
		expect((await exchange(emu, good)).status).toBe(200);

		const otherAudience = await exchange(
			emu,
			emu.tokenIssuer.mintFederatedToken({ audience: 'api://SomethingElse' }),
		);
		expect(otherAudience).toMatchObject({
			status: 400,
			body: { error: 'invalid_request', error_codes: [70021] },
		});

		const [head, payload] = good.split('.');
		const forged = `${head}.${payload}.${Buffer.alloc(256, 1).toString('base64url')}`;
		expect(await exchange(emu, forged)).toMatchObject({
			status: 401,
			body: { error: 'invalid_client', error_codes: [700027] },
		});
	});
});
