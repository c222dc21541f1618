/**
 * Workload identity and the authority host: left at the public default, the host's AZURE_AUTHORITY_HOST (the AKS
 * webhook sets it in sovereign clouds) must reach @azure/identity; an explicit host wins. Sovereign login hosts are not
 * reachable from tests, so this records the options @azure/identity is given (a stand-in module, pure).
 */
import { createTokenCredential } from '../../credentials/common/entraToken';
import type { AzureIdentityModule } from '../../credentials/common/loadAzureIdentity';

function recordingIdentity() {
	const given: Record<string, unknown[]> = {};
	const recorder = (name: string) =>
		class {
			constructor(...args: unknown[]) {
				given[name] = args;
			}
		};
	const module = {
		ChainedTokenCredential: recorder('chain'),
		WorkloadIdentityCredential: recorder('workload'),
		EnvironmentCredential: recorder('environment'),
	} as unknown as AzureIdentityModule;
	return { module, given };
}

describe('workload identity authority host', () => {
	it.each([['https://login.microsoftonline.com'], ['https://login.microsoftonline.com/'], ['']])(
		'the public default (%j) leaves the host environment in charge',
		(authorityHost) => {
			const { module, given } = recordingIdentity();
			createTokenCredential(module, { authMethod: 'workloadIdentity', authorityHost });
			expect(given.workload[0]).toEqual({ tenantId: undefined, clientId: undefined });
			expect(given.environment[0]).toEqual({});
		},
	);

	it('an explicit authority host is passed, with instance discovery off for a non-public host', () => {
		const { module, given } = recordingIdentity();
		createTokenCredential(module, {
			authMethod: 'workloadIdentity',
			authorityHost: 'https://127.0.0.1:8443',
			tenantId: 't',
			clientId: 'c',
		});
		expect(given.workload[0]).toEqual({
			tenantId: 't',
			clientId: 'c',
			authorityHost: 'https://127.0.0.1:8443',
			disableInstanceDiscovery: true,
		});
		const sovereign = recordingIdentity();
		createTokenCredential(sovereign.module, {
			authMethod: 'workloadIdentity',
			authorityHost: 'https://login.microsoftonline.us',
		});
		expect(sovereign.given.environment[0]).toEqual({
			authorityHost: 'https://login.microsoftonline.us',
			disableInstanceDiscovery: false,
		});
	});
});
