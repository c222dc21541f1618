import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CONNECTION_STRING_CREDENTIAL, ENTRA_CREDENTIAL } from '../acs/credentialTypes';

export {
	CONNECTION_STRING_CREDENTIAL,
	ENTRA_CREDENTIAL,
	credentialTypeFor,
	type AcsAuthentication,
} from '../acs/credentialTypes';

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
			description:
				'Use a Microsoft Entra ID token (service principal, certificate, managed or workload identity)',
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
		name: ENTRA_CREDENTIAL,
		required: true,
		displayOptions: { show: { authentication: ['entraId'] } },
	},
];
