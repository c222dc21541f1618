import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { parseConnectionString } from '../nodes/shared/acs/connectionString';
import { signAcsRequest } from '../nodes/shared/acs/hmac';
import { registerSecret } from '../nodes/shared/acs/secretRegistry';
import { DEFAULT_API_VERSIONS } from '../nodes/shared/transport/apiVersions';
import { acsHttpRequestNode, allowCustomEndpointProperty } from './common/acsCredentialFields';
import { endpointFromFields, finalOptions, prepareAcsRequest } from './common/prepareAcsRequest';

export class AzureCommunicationServicesApi implements ICredentialType {
	name = 'azureCommunicationServicesApi';

	displayName = 'Azure Communication Services (Connection String) API';

	icon = { light: 'file:../icons/acs.svg', dark: 'file:../icons/acs.dark.svg' } as const;

	documentationUrl =
		'https://learn.microsoft.com/azure/communication-services/concepts/authentication';

	httpRequestNode = acsHttpRequestNode('Azure Communication Services (Connection String)');

	properties: INodeProperties[] = [
		{
			displayName: 'Connection String',
			name: 'connectionStringSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'endpoint=https://<resource>.communication.azure.com/;accesskey=<key>',
			description:
				'From the Azure portal: your Communication Services resource -> Settings -> Keys -> Connection string',
		},
		allowCustomEndpointProperty,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { endpoint, accessKey } = parseConnectionString(credentials.connectionStringSecret);
		const prepared = prepareAcsRequest(
			endpointFromFields(endpoint, credentials.allowCustomEndpoint),
			requestOptions,
		);
		const signed = signAcsRequest({
			method: requestOptions.method ?? 'GET',
			url: prepared.url,
			body: prepared.body,
			accessKey,
			date: new Date(),
		});
		registerSecret(accessKey);
		registerSecret(
			signed.authorization.slice(signed.authorization.indexOf('Signature=') + 'Signature='.length),
		);
		return finalOptions(requestOptions, prepared, {
			host: signed.host,
			'x-ms-date': signed['x-ms-date'],
			'x-ms-content-sha256': signed['x-ms-content-sha256'],
			authorization: signed.authorization,
		});
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/phoneNumbers',
			qs: { 'api-version': DEFAULT_API_VERSIONS.phoneNumbers, top: 1 },
		},
	};
}
