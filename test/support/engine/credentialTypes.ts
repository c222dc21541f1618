/** Credential types known to the engine: ours (loaded lazily from source) plus whatever a test registers. */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { instantiateFromSource, type SourceRef } from './sourceLoader';

const packageCredentialSources: Record<string, SourceRef> = {
	azureCommunicationServicesApi: {
		file: 'credentials/AzureCommunicationServicesApi.credentials',
		className: 'AzureCommunicationServicesApi',
	},
	azureCommunicationServicesEntraApi: {
		file: 'credentials/AzureCommunicationServicesEntraApi.credentials',
		className: 'AzureCommunicationServicesEntraApi',
	},
};

export class EngineCredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	register(credentialType: ICredentialType): void {
		this.byName.set(credentialType.name, credentialType);
	}

	getByName(name: string): ICredentialType {
		let credentialType = this.byName.get(name);
		if (credentialType === undefined) {
			const source = packageCredentialSources[name];
			if (source === undefined) throw new Error(`Unknown credential type "${name}"`);
			credentialType = instantiateFromSource<ICredentialType>(source, `Credential type "${name}"`);
			this.register(credentialType);
		}
		return credentialType;
	}

	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** Own properties merged over those of the types it extends, like n8n's CredentialsHelper. */
	getProperties(name: string): INodeProperties[] {
		const credentialType = this.getByName(name);
		if (credentialType.extends === undefined) return credentialType.properties;
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}
}
