/**
 * Gets an Entra ID token for ACS with @azure/identity, loaded only when this runs (the package is not needed
 * by users of the connection-string credential). Managed and workload identity read the host's environment
 * through @azure/identity itself: that is their job.
 */
import { createHash } from 'node:crypto';
import {
	loadAzureIdentity,
	type AccessToken,
	type AzureIdentityModule,
	type TokenCredential,
} from './loadAzureIdentity';
import { AcsCredentialError } from './prepareAcsRequest';
import { registerSecret, registerToken } from '../../nodes/shared/acs/secretRegistry';
import { scrubSecrets } from '../../nodes/shared/transport/scrub';

export const ACS_SCOPE = 'https://communication.azure.com//.default';

export const PUBLIC_AUTHORITY_HOSTS = [
	'https://login.microsoftonline.com',
	'https://login.microsoftonline.us',
	'https://login.chinacloudapi.cn',
	'https://login.partner.microsoftonline.cn',
];

export type EntraAuthMethod =
	| 'clientSecret'
	| 'clientCertificate'
	| 'managedIdentity'
	| 'workloadIdentity';

export interface EntraFields {
	authMethod?: unknown;
	tenantId?: unknown;
	clientId?: unknown;
	clientSecret?: unknown;
	certificatePem?: unknown;
	managedIdentityClientId?: unknown;
	authorityHost?: unknown;
}

const GUID_OR_DOMAIN =
	/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function authorityOptions(authorityHost: unknown): {
	authorityHost: string;
	disableInstanceDiscovery: boolean;
} {
	const raw = text(authorityHost) || PUBLIC_AUTHORITY_HOSTS[0];
	const url = URL.canParse(raw) ? new URL(raw) : undefined;
	if (!url)
		throw new AcsCredentialError(
			'The authority host is not a valid URL (e.g. https://login.microsoftonline.com).',
		);
	if (url.protocol !== 'https:') throw new AcsCredentialError('The authority host must use https.');
	const origin = url.origin;
	return {
		authorityHost: origin,
		disableInstanceDiscovery: !PUBLIC_AUTHORITY_HOSTS.includes(origin),
	};
}

function requireTenantAndClient(fields: EntraFields): { tenantId: string; clientId: string } {
	const tenantId = text(fields.tenantId);
	const clientId = text(fields.clientId);
	if (!GUID_OR_DOMAIN.test(tenantId)) {
		throw new AcsCredentialError(
			'Tenant ID must be a directory (tenant) GUID or a verified domain such as contoso.onmicrosoft.com.',
		);
	}
	if (!GUID.test(clientId))
		throw new AcsCredentialError(
			'Client ID must be the application (client) GUID of the app registration.',
		);
	return { tenantId, clientId };
}

type IdentityModule = AzureIdentityModule;

export function createTokenCredential(
	identity: IdentityModule,
	fields: EntraFields,
): TokenCredential {
	const method = text(fields.authMethod) || 'clientSecret';
	const authority = authorityOptions(fields.authorityHost);
	switch (method) {
		case 'clientSecret': {
			const { tenantId, clientId } = requireTenantAndClient(fields);
			const secret = text(fields.clientSecret);
			if (!secret) throw new AcsCredentialError('Client Secret is empty.');
			registerSecret(secret);
			return new identity.ClientSecretCredential(tenantId, clientId, secret, authority);
		}
		case 'clientCertificate': {
			const { tenantId, clientId } = requireTenantAndClient(fields);
			const pem = text(fields.certificatePem);
			if (!/-----BEGIN CERTIFICATE-----/.test(pem) || !/PRIVATE KEY-----/.test(pem)) {
				throw new AcsCredentialError(
					'Certificate must be PEM text holding both the certificate and its private key.',
				);
			}
			return new identity.ClientCertificateCredential(
				tenantId,
				clientId,
				{ certificate: pem },
				authority,
			);
		}
		case 'managedIdentity': {
			const clientId = text(fields.managedIdentityClientId);
			if (clientId && !GUID.test(clientId)) {
				throw new AcsCredentialError(
					'Managed Identity Client ID must be the GUID of the user-assigned identity (or empty for system-assigned).',
				);
			}
			return clientId
				? new identity.ManagedIdentityCredential({ clientId })
				: new identity.ManagedIdentityCredential();
		}
		case 'workloadIdentity': {
			const tenantId = text(fields.tenantId) || undefined;
			const clientId = text(fields.clientId) || undefined;
			// Left at the public default, the host's AZURE_AUTHORITY_HOST (set by the AKS webhook in sovereign clouds) wins.
			const hostAuthority = authority.authorityHost === PUBLIC_AUTHORITY_HOSTS[0] ? {} : authority;
			return new identity.ChainedTokenCredential(
				new identity.WorkloadIdentityCredential({ tenantId, clientId, ...hostAuthority }),
				new identity.EnvironmentCredential(hostAuthority),
			);
		}
		default:
			throw new AcsCredentialError('Unknown authentication method.');
	}
}

/** First line of the error, or of each credential's error when a chain of them failed (workload identity). */
function describeIdentityError(error: unknown): string {
	const firstLine = (value: unknown) =>
		(value instanceof Error ? value.message : String(value)).split('\n')[0];
	const errors: unknown =
		error instanceof Error ? (error as Error & { errors?: unknown }).errors : undefined;
	const inner = Array.isArray(errors) ? errors : [];
	return inner.length > 0
		? `${firstLine(error)} ${inner.map(firstLine).join(' | ')}`
		: firstLine(error);
}

async function requestToken(fields: EntraFields): Promise<AccessToken> {
	const identity = loadAzureIdentity();
	const credential = createTokenCredential(identity, fields);
	const outcome = await credential.getToken(ACS_SCOPE).then(
		(token) => ({ token, reason: token?.token ? undefined : 'no token was returned' }),
		(error: unknown) => ({ token: undefined, reason: describeIdentityError(error) }),
	);
	if (outcome.reason !== undefined || !outcome.token) {
		throw new AcsCredentialError(
			scrubSecrets(
				`Could not get an Entra ID token for Azure Communication Services: ${outcome.reason}`,
			),
		);
	}
	registerToken(outcome.token.token);
	return outcome.token;
}

/**
 * One token per identity in this process: executions running at the same time share one request for it
 * (n8n itself would call preAuthentication once per concurrent first request). Keyed by a hash of the fields.
 */
const REUSE_MARGIN_MS = 5 * 60 * 1000;
const MAX_CACHED_IDENTITIES = 100;
const tokens = new Map<string, { token?: AccessToken; pending?: Promise<AccessToken> }>();

function identityKey(fields: EntraFields): string {
	const parts = [
		fields.authMethod,
		fields.tenantId,
		fields.clientId,
		fields.clientSecret,
		fields.certificatePem,
		fields.managedIdentityClientId,
		fields.authorityHost,
	].map((value) => (typeof value === 'string' ? value.trim() : ''));
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64');
}

/**
 * A token for ACS. `staleToken` is the token n8n holds when it asks again (after a 401 or at expiry): it is
 * never handed back.
 */
export async function fetchAcsToken(
	fields: EntraFields,
	staleToken?: string,
): Promise<AccessToken> {
	const key = identityKey(fields);
	let entry = tokens.get(key);
	if (!entry) {
		if (tokens.size >= MAX_CACHED_IDENTITIES) tokens.delete(tokens.keys().next().value as string);
		entry = {};
		tokens.set(key, entry);
	}
	const cached = entry.token;
	if (
		cached &&
		cached.token !== staleToken &&
		cached.expiresOnTimestamp - REUSE_MARGIN_MS > Date.now()
	)
		return cached;
	let pending = entry.pending;
	if (!pending) {
		const current = entry;
		pending = requestToken(fields)
			.then((token) => {
				current.token = token;
				return token;
			})
			.finally(() => {
				current.pending = undefined;
			});
		current.pending = pending;
	}
	return await pending;
}

/** Forgets every cached token (tests whose token issuer's clock jumps back). */
export function clearEntraTokenCache(): void {
	tokens.clear();
}
