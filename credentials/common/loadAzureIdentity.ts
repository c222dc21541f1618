/**
 * The package's one runtime dependency, in one place: @azure/identity is required here, lazily, only when an
 * Entra ID token is needed. eslint.config.mjs allows this file (and only this file) to import it.
 */
import type * as AzureIdentity from '@azure/identity';

export type AzureIdentityModule = typeof AzureIdentity;
export type AccessToken = AzureIdentity.AccessToken;
export type TokenCredential = AzureIdentity.TokenCredential;

export function loadAzureIdentity(): AzureIdentityModule {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('@azure/identity') as AzureIdentityModule;
}
