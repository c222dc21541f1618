import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { registerToken } from '../nodes/shared/acs/secretRegistry';
import { DEFAULT_API_VERSIONS } from '../nodes/shared/transport/apiVersions';
import { fetchAcsToken } from './common/entraToken';
import { acsHttpRequestNode, allowCustomEndpointProperty } from './common/acsCredentialFields';
import {
	AcsCredentialError,
	endpointFromFields,
	finalOptions,
	prepareAcsRequest,
} from './common/prepareAcsRequest';

/** Refresh this long before the token's stated expiry. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;

/** Shaped like an HTTP 401 so that n8n runs preAuthentication again and retries, before anything is sent. */
class ExpiredTokenError extends Error {
	response = { status: 401 };

	constructor() {
		super('The Entra ID token has expired; a new one is fetched.');
		this.name = 'ExpiredTokenError';
	}
}

export class AzureCommunicationServicesEntraApi implements ICredentialType {
	name = 'azureCommunicationServicesEntraApi';

	displayName = 'Azure Communication Services (Entra ID) API';

	icon = { light: 'file:../icons/acs.svg', dark: 'file:../icons/acs.dark.svg' } as const;

	documentationUrl =
		'https://learn.microsoft.com/azure/communication-services/concepts/authentication';

	httpRequestNode = acsHttpRequestNode('Azure Communication Services (Entra ID)');

	properties: INodeProperties[] = [
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://<resource>.communication.azure.com/',
			description:
				'The endpoint of your Communication Services resource (Overview page in the Azure portal)',
		},
		allowCustomEndpointProperty,
		{
			displayName: 'Authentication Method',
			name: 'authMethod',
			type: 'options',
			default: 'clientSecret',
			options: [
				{
					name: 'Client Secret',
					value: 'clientSecret',
					description: 'App registration (service principal) with a client secret',
				},
				{
					name: 'Client Certificate',
					value: 'clientCertificate',
					description: 'App registration with a certificate (PEM with private key)',
				},
				{
					name: 'Managed Identity',
					value: 'managedIdentity',
					description: 'The identity of the Azure host n8n runs on (system or user-assigned)',
				},
				{
					name: 'Workload Identity / Environment',
					value: 'workloadIdentity',
					description:
						'Kubernetes workload identity, or AZURE_* environment variables of the n8n host',
				},
			],
		},
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47',
			displayOptions: { show: { authMethod: ['clientSecret', 'clientCertificate'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 00000000-0000-0000-0000-000000000000',
			displayOptions: { show: { authMethod: ['clientSecret', 'clientCertificate'] } },
		},
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			description: 'Leave empty to use the host environment (AZURE_TENANT_ID)',
			displayOptions: { show: { authMethod: ['workloadIdentity'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'Leave empty to use the host environment (AZURE_CLIENT_ID)',
			displayOptions: { show: { authMethod: ['workloadIdentity'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMethod: ['clientSecret'] } },
		},
		{
			displayName: 'Certificate (PEM)',
			name: 'certificatePem',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----BEGIN PRIVATE KEY-----\n…',
			description: 'The certificate and its unencrypted private key, both in PEM',
			displayOptions: { show: { authMethod: ['clientCertificate'] } },
		},
		{
			displayName: 'Managed Identity Client ID',
			name: 'managedIdentityClientId',
			type: 'string',
			default: '',
			description:
				'Client ID of a user-assigned managed identity; leave empty for the system-assigned identity',
			displayOptions: { show: { authMethod: ['managedIdentity'] } },
		},
		{
			displayName: 'Authority Host',
			name: 'authorityHost',
			type: 'string',
			default: 'https://login.microsoftonline.com',
			description:
				"Microsoft Entra login host: https://login.microsoftonline.us for Azure Government, https://login.chinacloudapi.cn for Azure China, or a test token issuer. With workload identity, the default defers to the host's AZURE_AUTHORITY_HOST.",
			displayOptions: {
				show: { authMethod: ['clientSecret', 'clientCertificate', 'workloadIdentity'] },
			},
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires On',
			name: 'accessTokenExpiresOn',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const held =
			typeof credentials.accessToken === 'string' && credentials.accessToken
				? credentials.accessToken
				: undefined;
		const token = await fetchAcsToken(credentials, held);
		return { accessToken: token.token, accessTokenExpiresOn: token.expiresOnTimestamp };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const prepared = prepareAcsRequest(
			endpointFromFields(credentials.endpoint, credentials.allowCustomEndpoint),
			requestOptions,
		);
		const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		if (!token) throw new AcsCredentialError('No Entra ID token is available for this credential.');
		registerToken(token);
		const expiresOn = Number(credentials.accessTokenExpiresOn);
		if (expiresOn > 0 && expiresOn - EXPIRY_MARGIN_MS <= Date.now()) throw new ExpiredTokenError();
		return finalOptions(requestOptions, prepared, { authorization: `Bearer ${token}` });
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.endpoint}}',
			method: 'GET',
			url: '/phoneNumbers',
			qs: { 'api-version': DEFAULT_API_VERSIONS.phoneNumbers, top: 1 },
		},
	};
}
