/** How the emulator tests authenticate the official SDK clients: connection string (HMAC) or Entra ID (bearer). */
import { ClientSecretCredential } from '@azure/identity';
import type { RunningEmulator } from '../../../../emulator';

/** The two ways the SDK authenticates: HMAC with the connection string, or an Entra token issued by the emulator. */
export const AUTH_MODES = ['connection string', 'Entra ID'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/**
 * Long enough that tests moving the virtual clock by hours keep their token (the SDK caches it by real time);
 * token expiry itself is tested in test/emulator/core/entraAuth.test.ts.
 */
export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;

/** An SDK client of the running emulator, authenticated as `auth` says. */
export function sdkClientOptions(
	emu: RunningEmulator,
	auth: AuthMode,
): {
	endpoint: string;
	credential?: ClientSecretCredential;
	options: { allowInsecureConnection?: boolean };
} {
	if (auth === 'connection string') {
		// The emulator speaks plain http on loopback; the SDK refuses that unless allowed.
		return { endpoint: emu.connectionString, options: { allowInsecureConnection: true } };
	}
	const issuer = emu.tokenIssuer;
	// A fresh credential per client: a cached token issued after the virtual clock moved forward is not yet valid
	// once a reset moves the clock back.
	const credential = new ClientSecretCredential(
		issuer.tenantId,
		issuer.clientId,
		issuer.clientSecret,
		{
			authorityHost: issuer.authorityHost,
			disableInstanceDiscovery: true,
		},
	);
	// The SDK sends bearer tokens over https only.
	return { endpoint: emu.secureEndpoint, credential, options: {} };
}
