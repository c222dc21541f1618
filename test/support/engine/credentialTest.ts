/**
 * testCredential: runs a credential type's `test` request as n8n's credentials tester does
 * (packages/cli/src/services/credentials-tester.service.ts): a RoutingNode on a temporary node whose only
 * property routes the test request, with the decrypted credential attached.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { CREDENTIAL_TEST_NODE_TYPE, EngineCredentialsHelper } from './credentialsHelper';
import { CredentialStore } from './credentialStore';
import { credentialTypes } from './registry';

export interface CredentialTestOutcome extends INodeCredentialTestResult {
	preAuthenticationCount: number;
	credentials: CredentialStore;
	/** HTTP status of the failed test request, when there was a response. */
	statusCode?: number;
}

interface ErrorWithResponse {
	message: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestOutcome> {
	const store = new CredentialStore();
	const credentialsHelper = new EngineCredentialsHelper(credentialTypes, store);
	const outcome = (
		result: INodeCredentialTestResult,
		statusCode?: number,
	): CredentialTestOutcome => ({
		...result,
		statusCode,
		preAuthenticationCount: credentialsHelper.preAuthenticationCount(type),
		credentials: store,
	});

	const { test } = credentialTypes.getByName(type);
	if (test === undefined)
		return outcome({ status: 'Error', message: 'No testing function found for this credential.' });

	const reference = store.add(type, data);
	const additionalData = createAdditionalData(credentialsHelper);
	const decrypted = credentialsHelper.applyDefaultsAndExpressions(
		additionalData,
		data,
		type,
		'internal',
	);

	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: CREDENTIAL_TEST_NODE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: CREDENTIAL_TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [type]: reference },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => testNodeType,
			getByNameAndVersion: (_name, version) =>
				NodeHelpers.getVersionedNodeType(testNodeType, version),
			getKnownTypes: () => ({}),
		},
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, {
		id: reference.id!,
		name: reference.name,
		type,
		data: decrypted,
	});

	let response: Awaited<ReturnType<RoutingNode['runNode']>>;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as ErrorWithResponse;
		const failedResponse = error.cause?.response;
		if (failedResponse) {
			const rule = test.rules?.find(
				(candidate) =>
					candidate.type === 'responseCode' && candidate.properties.value === failedResponse.status,
			);
			if (rule)
				return outcome(
					{ status: 'Error', message: rule.properties.message },
					failedResponse.status,
				);
			if (failedResponse.status < 199 || failedResponse.status > 299) {
				const message =
					failedResponse.statusText || `Received HTTP status code: ${failedResponse.status}`;
				return outcome({ status: 'Error', message }, failedResponse.status);
			}
		} else if (error.cause?.code) {
			return outcome({ status: 'Error', message: error.cause.code });
		}
		return outcome({ status: 'Error', message: String(error.message) });
	}

	for (const rule of test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json as IDataObject | undefined;
		const actual = rule.properties.key
			.split('.')
			.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
		if (actual === rule.properties.value)
			return outcome({ status: 'Error', message: rule.properties.message });
	}
	return outcome({ status: 'OK', message: 'Connection successful!' });
}
