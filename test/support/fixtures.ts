/** The fixtures most tests share: node credentials that reach an emulator, and the numbers most tests look for. */
import type { INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../emulator';

export type Auth = 'connectionString' | 'entraId';

/** An Entra ID client-secret credential's fields for the emulator's token issuer (without endpoint). */
export function entraClientSecretFields(emu: RunningEmulator) {
	const issuer = emu.tokenIssuer;
	return {
		authMethod: 'clientSecret',
		tenantId: issuer.tenantId,
		clientId: issuer.clientId,
		clientSecret: issuer.clientSecret,
		authorityHost: issuer.authorityHost,
		accessToken: '',
	};
}

/** The Entra ID credential of the nodes, pointed at `endpoint` (the emulator, or a proxy in front of it). */
export function entraCredential(emu: RunningEmulator, endpoint = emu.endpoint) {
	return { endpoint, allowCustomEndpoint: true, ...entraClientSecretFields(emu) };
}

/** Node credentials that reach the emulator (or `endpoint`): its connection string, or a client secret at its token issuer. */
export function credentialsFor(
	emu: RunningEmulator,
	auth: Auth = 'connectionString',
	endpoint = emu.endpoint,
) {
	if (auth === 'connectionString') {
		const connectionString = emu.connectionString.replace(emu.endpoint, endpoint);
		return {
			azureCommunicationServicesApi: {
				connectionStringSecret: connectionString,
				allowCustomEndpoint: true,
			},
		};
	}
	return { azureCommunicationServicesEntraApi: entraCredential(emu, endpoint) };
}

/** US toll-free numbers with outbound calling and no SMS: what most tests browse, search, reserve or buy. */
export const TOLL_FREE_NUMBERS: INodeParameters = {
	countryCode: 'US',
	phoneNumberType: 'tollFree',
	assignmentType: 'application',
	callingCapability: 'outbound',
	smsCapability: 'none',
};

/** The parameters of a search for one such number. */
export const TOLL_FREE_SEARCH: INodeParameters = { ...TOLL_FREE_NUMBERS, quantity: 1 };
