/**
 * INodeTypes for the engine: our package's nodes (loaded lazily from source), the harness trigger,
 * and whatever a test registers (fixtures). One registry per jest module registry.
 */
import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { instantiateFromSource, type SourceRef } from './sourceLoader';

/** Node types of this package are registered as `<package name>.<description.name>`, as n8n does for installed packages. */
export const PACKAGE_NAME = 'n8n-nodes-azure-communication-phone-numbers';

const packageNodeSources: Record<string, SourceRef> = {
	azureCommunicationPhoneNumbers: {
		file: 'nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node',
		className: 'AzureCommunicationPhoneNumbers',
	},
	azureCommunicationSipRouting: {
		file: 'nodes/AzureCommunicationSipRouting/AzureCommunicationSipRouting.node',
		className: 'AzureCommunicationSipRouting',
	},
	azureCommunicationPhoneNumbersTrigger: {
		file: 'nodes/AzureCommunicationPhoneNumbersTrigger/AzureCommunicationPhoneNumbersTrigger.node',
		className: 'AzureCommunicationPhoneNumbersTrigger',
	},
	azureCommunicationSipRoutingTrigger: {
		file: 'nodes/AzureCommunicationSipRoutingTrigger/AzureCommunicationSipRoutingTrigger.node',
		className: 'AzureCommunicationSipRoutingTrigger',
	},
};

type AnyNodeType = INodeType | IVersionedNodeType;

function descriptionName(nodeType: AnyNodeType): string {
	return nodeType.description.name;
}

export class EngineNodeTypes implements INodeTypes {
	private readonly byFullName = new Map<string, AnyNodeType>();

	/** Registers a node type; returns its full type name for `INode.type`. */
	register(nodeType: AnyNodeType, packageName = PACKAGE_NAME): string {
		const fullName = `${packageName}.${descriptionName(nodeType)}`;
		this.byFullName.set(fullName, nodeType);
		return fullName;
	}

	/** Accepts a full type name, `CUSTOM.<name>` or the bare `description.name` of a package node. */
	resolveTypeName(name: string): string {
		if (this.byFullName.has(name)) return name;
		const shortName = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
		for (const fullName of this.byFullName.keys()) {
			if (fullName.endsWith(`.${shortName}`)) return fullName;
		}
		const source = packageNodeSources[shortName];
		if (source === undefined) throw new Error(`Unknown node type "${name}"`);
		return this.register(instantiateFromSource<AnyNodeType>(source, `Node type "${shortName}"`));
	}

	getByName(name: string): AnyNodeType {
		return this.byFullName.get(this.resolveTypeName(name))!;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
