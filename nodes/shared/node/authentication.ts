import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const CONNECTION_STRING_CREDENTIAL = 'azureCommunicationServicesApi';
export const ENTRA_ID_CREDENTIAL = 'azureCommunicationServicesEntraApi';

export type AcsAuthentication = 'connectionString' | 'entraId';

/** The node parameter that picks one of the two credentials. Put it first in `properties`. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Connection String',
			value: 'connectionString',
			description: 'Sign requests with the resource access key (HMAC-SHA256)',
		},
		{
			name: 'Entra ID',
			value: 'entraId',
			description: 'Use a Microsoft Entra ID token (service principal, certificate, managed or workload identity)',
		},
	],
	default: 'connectionString',
};

/** `credentials` of a node description: each credential shown only for its authentication choice. */
export const acsCredentials: INodeCredentialDescription[] = [
	{
		name: CONNECTION_STRING_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['connectionString'] } },
	},
	{
		name: ENTRA_ID_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['entraId'] } },
	},
];

export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'entraId' ? ENTRA_ID_CREDENTIAL : CONNECTION_STRING_CREDENTIAL;
}
