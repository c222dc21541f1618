/** Which credential the node uses, and the endpoint it pins requests to. */
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { parseConnectionString } from '../acs/connectionString';
import {
	CONNECTION_STRING_CREDENTIAL,
	ENTRA_CREDENTIAL,
	credentialTypeFor,
	type AcsAuthentication,
} from '../acs/credentialTypes';
import { checkEndpoint } from '../acs/endpoint';
import type { AcsContext } from './types';

export { CONNECTION_STRING_CREDENTIAL, ENTRA_CREDENTIAL, type AcsAuthentication };

function isExecute(ctx: AcsContext): ctx is IExecuteFunctions {
	return typeof (ctx as IExecuteFunctions).getInputData === 'function';
}

export function authenticationOf(ctx: AcsContext, itemIndex = 0): AcsAuthentication {
	const value = isExecute(ctx)
		? ctx.getNodeParameter('authentication', itemIndex, 'connectionString')
		: (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'connectionString');
	return value === 'entraId' ? 'entraId' : 'connectionString';
}

export function credentialTypeOf(ctx: AcsContext, itemIndex = 0): string {
	return credentialTypeFor(authenticationOf(ctx, itemIndex));
}

/** The endpoint origin of the selected credential, validated by the endpoint policy (throws EndpointError / ConnectionStringError). */
export async function endpointOf(ctx: AcsContext, itemIndex = 0): Promise<URL> {
	const type = credentialTypeOf(ctx, itemIndex);
	const credentials = isExecute(ctx)
		? await ctx.getCredentials(type, itemIndex)
		: await (ctx as ILoadOptionsFunctions).getCredentials(type);
	const raw =
		type === ENTRA_CREDENTIAL
			? credentials.endpoint
			: parseConnectionString(credentials.connectionStringSecret).endpoint;
	return checkEndpoint(raw, { allowCustomEndpoint: credentials.allowCustomEndpoint === true });
}
