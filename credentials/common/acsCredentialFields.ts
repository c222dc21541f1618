/**
 * What both ACS credentials show alike. `icon` and `documentationUrl` stay literal in each class: the lint rules
 * (icon-validation, credential-documentation-url) only check literal values.
 */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { DEFAULT_API_VERSIONS } from '../../nodes/shared/transport/apiVersions';

type HttpRequestNodeEntry = NonNullable<ICredentialType['httpRequestNode']>;

export function acsHttpRequestNode(name: string): HttpRequestNodeEntry {
	return {
		name,
		docsUrl: 'https://learn.microsoft.com/rest/api/communication/phonenumbers',
		apiBaseUrlPlaceholder: `https://<resource>.communication.azure.com/phoneNumbers?api-version=${DEFAULT_API_VERSIONS.phoneNumbers}`,
	};
}

export const allowCustomEndpointProperty: INodeProperties = {
	displayName: 'Allow Custom Endpoint',
	name: 'allowCustomEndpoint',
	type: 'boolean',
	default: false,
	description:
		'Whether to allow an endpoint that is not an Azure Communication Services host (a local emulator or a private endpoint). Plain http is then allowed for loopback addresses only.',
};
