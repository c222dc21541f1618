/** The two credential types (their `name`s are interfaces, see docs/design.md) and the choice between them. */
export const CONNECTION_STRING_CREDENTIAL = 'azureCommunicationServicesApi';
export const ENTRA_CREDENTIAL = 'azureCommunicationServicesEntraApi';

/** Value of the nodes' `authentication` parameter. */
export type AcsAuthentication = 'connectionString' | 'entraId';

export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'entraId' ? ENTRA_CREDENTIAL : CONNECTION_STRING_CREDENTIAL;
}
