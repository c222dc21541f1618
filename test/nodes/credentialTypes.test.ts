import { AzureCommunicationServicesApi } from '../../credentials/AzureCommunicationServicesApi.credentials';
import { AzureCommunicationServicesEntraApi } from '../../credentials/AzureCommunicationServicesEntraApi.credentials';
import { AzureCommunicationPhoneNumbers } from '../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node';
import { AzureCommunicationPhoneNumbersTrigger } from '../../nodes/AzureCommunicationPhoneNumbersTrigger/AzureCommunicationPhoneNumbersTrigger.node';
import { AzureCommunicationSipRouting } from '../../nodes/AzureCommunicationSipRouting/AzureCommunicationSipRouting.node';
import { AzureCommunicationSipRoutingTrigger } from '../../nodes/AzureCommunicationSipRoutingTrigger/AzureCommunicationSipRoutingTrigger.node';
import * as acs from '../../nodes/shared/acs/credentialTypes';
import * as node from '../../nodes/shared/node';
import * as transport from '../../nodes/shared/transport';

describe('credential type names: one definition', () => {
	it('is the name of each credential class', () => {
		expect(new AzureCommunicationServicesApi().name).toBe(acs.CONNECTION_STRING_CREDENTIAL);
		expect(new AzureCommunicationServicesEntraApi().name).toBe(acs.ENTRA_CREDENTIAL);
	});

	it('is what transport and the node helpers export, and what every node asks for', () => {
		for (const exported of [transport, node]) {
			expect(exported.CONNECTION_STRING_CREDENTIAL).toBe(acs.CONNECTION_STRING_CREDENTIAL);
			expect(exported.ENTRA_CREDENTIAL).toBe(acs.ENTRA_CREDENTIAL);
		}
		for (const nodeType of [
			new AzureCommunicationPhoneNumbers(),
			new AzureCommunicationSipRouting(),
			new AzureCommunicationSipRoutingTrigger(),
			new AzureCommunicationPhoneNumbersTrigger(),
		]) {
			expect(nodeType.description.credentials?.map((credential) => credential.name)).toEqual([
				acs.CONNECTION_STRING_CREDENTIAL,
				acs.ENTRA_CREDENTIAL,
			]);
		}
		expect(acs.credentialTypeFor('entraId')).toBe(acs.ENTRA_CREDENTIAL);
		expect(acs.credentialTypeFor('connectionString')).toBe(acs.CONNECTION_STRING_CREDENTIAL);
	});
});
