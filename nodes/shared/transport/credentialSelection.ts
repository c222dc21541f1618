/** Which credential the node uses, and the endpoint it pins requests to. */
import { createHash } from 'node:crypto';
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

async function credentialsOf(ctx: AcsContext, type: string, itemIndex: number) {
	return isExecute(ctx)
		? await ctx.getCredentials(type, itemIndex)
		: await (ctx as ILoadOptionsFunctions).getCredentials(type);
}

/** The endpoint origin of the selected credential, validated by the endpoint policy (throws EndpointError / ConnectionStringError). */
export async function endpointOf(ctx: AcsContext, itemIndex = 0): Promise<URL> {
	const type = credentialTypeOf(ctx, itemIndex);
	const credentials = await credentialsOf(ctx, type, itemIndex);
	const raw =
		type === ENTRA_CREDENTIAL
			? credentials.endpoint
			: parseConnectionString(credentials.connectionStringSecret).endpoint;
	return checkEndpoint(raw, { allowCustomEndpoint: credentials.allowCustomEndpoint === true });
}

/** Fields n8n rewrites on its own (the Entra token it refreshes): not part of which credential it is. */
const REFRESHED_FIELDS = new Set(['accessToken', 'accessTokenExpiresOn']);

/**
 * The selected credential as a key for what this process learns per credential: its type and a hash of its
 * settings (endpoint, key or identity), never the settings themselves.
 */
export async function credentialKeyOf(ctx: AcsContext, itemIndex = 0): Promise<string> {
	const type = credentialTypeOf(ctx, itemIndex);
	const credentials = await credentialsOf(ctx, type, itemIndex);
	const settings = Object.keys(credentials)
		.filter((field) => !REFRESHED_FIELDS.has(field))
		.sort()
		.map((field) => [field, credentials[field]]);
	const hash = createHash('sha256').update(JSON.stringify(settings)).digest('base64url');
	return `${type}:${hash.slice(0, 22)}`;
}
