/**
 * A real n8n-core LoadOptionsContext for the Phone Numbers node, as the editor builds it when it fills a dropdown
 * or a resource locator list: the node's parameters are the values currently in the editor
 * (getCurrentNodeParameter reads them), credentials and HTTP go through the test engine's credentials helper.
 * It also records which parameters a method read, to compare with the field's loadOptionsDependsOn.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ILoadOptionsFunctions,
	type INode,
	type INodeParameters,
} from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { createAdditionalData } from '../../support/engine/additionalData';
import { EngineCredentialsHelper } from '../../support/engine/credentialsHelper';
import { CredentialStore } from '../../support/engine/credentialStore';
import { credentialTypes, nodeTypes } from '../../support/engine/registry';
import { credentialsFor, NODE_TYPE, type Auth } from './harness';

export interface EditorContext {
	context: ILoadOptionsFunctions;
	/** Names passed to getCurrentNodeParameter so far. */
	parametersRead: Set<string>;
}

/** `parameters` are the editor's current values; `field` is the parameter whose options are loaded. */
export function editorContext(
	emu: RunningEmulator,
	auth: Auth,
	field: string,
	parameters: INodeParameters,
): EditorContext {
	const store = new CredentialStore();
	const type = nodeTypes.resolveTypeName(NODE_TYPE);
	const currentParameters: INodeParameters = { authentication: auth, ...parameters };
	const node: INode = {
		id: 'node-in-editor',
		name: 'Node in editor',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: currentParameters,
		credentials: {},
	};
	for (const [credentialType, data] of Object.entries(credentialsFor(emu, auth))) {
		node.credentials![credentialType] = store.add(credentialType, data);
	}
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData(new EngineCredentialsHelper(credentialTypes, store));
	additionalData.currentNodeParameters = currentParameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${field}`);

	const parametersRead = new Set<string>();
	const getCurrentNodeParameter = context.getCurrentNodeParameter.bind(context);
	context.getCurrentNodeParameter = (name, options) => {
		parametersRead.add(name);
		return getCurrentNodeParameter(name, options);
	};
	return { context, parametersRead };
}
