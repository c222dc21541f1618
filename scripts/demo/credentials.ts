/**
 * The two credentials that point n8n at the emulator, in the form `n8n import:credentials` reads.
 * Pure: the values come from the running emulator. Ids and names are fixed so that demo and test workflows
 * can reference them.
 */
export const CONNECTION_STRING_CREDENTIAL = {
	id: 'acsEmulatorConnStr',
	name: 'ACS emulator (connection string)',
	type: 'azureCommunicationServicesApi',
} as const;

export const ENTRA_ID_CREDENTIAL = {
	id: 'acsEmulatorEntraId',
	name: 'ACS emulator (Entra ID)',
	type: 'azureCommunicationServicesEntraApi',
} as const;

export interface EmulatorAccess {
	endpoint: string;
	connectionString: string;
	tokenIssuer: { authorityHost: string; tenantId: string; clientId: string; clientSecret: string };
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export function emulatorCredentials(emulator: EmulatorAccess): CredentialImport[] {
	return [
		{
			...CONNECTION_STRING_CREDENTIAL,
			data: { connectionStringSecret: emulator.connectionString, allowCustomEndpoint: true },
		},
		{
			...ENTRA_ID_CREDENTIAL,
			data: {
				endpoint: emulator.endpoint,
				allowCustomEndpoint: true,
				authMethod: 'clientSecret',
				tenantId: emulator.tokenIssuer.tenantId,
				clientId: emulator.tokenIssuer.clientId,
				clientSecret: emulator.tokenIssuer.clientSecret,
				authorityHost: emulator.tokenIssuer.authorityHost,
			},
		},
	];
}
