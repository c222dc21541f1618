/** The IWorkflowExecuteAdditionalData n8n-core needs to run nodes outside the n8n CLI. */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { EngineCredentialsHelper } from './credentialsHelper';

function unsupported(what: string) {
	return async () => {
		throw new Error(`${what} is not supported by the test engine`);
	};
}

export function createAdditionalData(
	credentialsHelper: EngineCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	executionId = 'engine-test',
): IWorkflowExecuteAdditionalData {
	const baseUrl = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId: 'engine-test-workflow',
		userId: 'engine-test-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: baseUrl,
		formBaseUrl: `${baseUrl}/form`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		formTestBaseUrl: `${baseUrl}/form-test`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		mcpBaseUrl: `${baseUrl}/mcp`,
		mcpTestBaseUrl: `${baseUrl}/mcp-test`,
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;
}
