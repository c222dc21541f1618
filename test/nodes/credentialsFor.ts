import type { RunningEmulator } from '../../emulator';

export type Auth = 'connectionString' | 'entraId';

/** Node credentials that reach the emulator: its connection string, or a client secret at its token issuer. */
export function credentialsFor(emu: RunningEmulator, auth: Auth = 'connectionString') {
	if (auth === 'connectionString') {
		return { azureCommunicationServicesApi: { connectionStringSecret: emu.connectionString, allowCustomEndpoint: true } };
	}
	const issuer = emu.tokenIssuer;
	return {
		azureCommunicationServicesEntraApi: {
			endpoint: emu.endpoint,
			allowCustomEndpoint: true,
			authMethod: 'clientSecret',
			tenantId: issuer.tenantId,
			clientId: issuer.clientId,
			clientSecret: issuer.clientSecret,
			authorityHost: issuer.authorityHost,
		},
	};
}
