/** Sends requests through the official SDK's HMAC policy (@azure/communication-common), the oracle for signing. */
import { createCommunicationAccessKeyCredentialPolicy } from '@azure/communication-common';
import { AzureKeyCredential } from '@azure/core-auth';
import {
	createEmptyPipeline,
	createHttpHeaders,
	createPipelineRequest,
	bearerTokenAuthenticationPolicy,
	createDefaultHttpClient,
	type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';

export interface SdkResponse {
	status: number;
	headers: Record<string, string>;
	json(): any;
}

const client = createDefaultHttpClient();

async function send(
	policy: PipelinePolicy,
	url: string,
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	body?: unknown,
	contentType = 'application/json',
): Promise<SdkResponse> {
	const pipeline = createEmptyPipeline();
	pipeline.addPolicy(policy);
	const request = createPipelineRequest({
		url,
		method,
		headers: createHttpHeaders(body === undefined ? {} : { 'Content-Type': contentType }),
		body: body === undefined ? undefined : JSON.stringify(body),
		allowInsecureConnection: url.startsWith('http:'),
	});
	const response = await pipeline.sendRequest(client, request);
	return {
		status: response.status,
		headers: response.headers.toJSON(),
		json: () => JSON.parse(response.bodyAsText ?? 'null'),
	};
}

export function sendWithAccessKey(
	accessKey: string,
	url: string,
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE' = 'GET',
	body?: unknown,
	contentType?: string,
) {
	return send(
		createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(accessKey)),
		url,
		method,
		body,
		contentType,
	);
}

export function sendWithTokenCredential(
	credential: TokenCredential,
	url: string,
	method: 'GET' | 'POST' = 'GET',
	body?: unknown,
) {
	return send(
		bearerTokenAuthenticationPolicy({
			credential,
			scopes: 'https://communication.azure.com//.default',
		}),
		url,
		method,
		body,
	);
}
