/** Keeps every URL the service hands us (Operation-Location, Location, nextLink) on the credential's endpoint. */
import { NodeOperationError } from 'n8n-workflow';
import { endpointOf } from './credentialSelection';
import type { AcsContext } from './types';

function isPlainRelativePath(url: string): boolean {
	return url.startsWith('/') && !url.startsWith('//') && !url.includes('\\');
}

/**
 * Returns the URL as a path+query relative to the endpoint. A relative path passes unchanged; an absolute URL
 * must have the endpoint's origin, else a NodeOperationError is thrown and nothing is sent.
 */
export async function pinToEndpoint(
	ctx: AcsContext,
	url: string,
	what: string,
	itemIndex?: number,
): Promise<string> {
	if (isPlainRelativePath(url)) return url;
	const endpoint = await endpointOf(ctx, itemIndex ?? 0);
	let resolved: URL;
	try {
		resolved = new URL(url, endpoint);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The service returned an invalid ${what}`, {
			itemIndex,
		});
	}
	if (resolved.origin !== endpoint.origin) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Refused to follow a ${what} that points to another host (${resolved.origin})`,
			{
				itemIndex,
				description: `Only the credential's endpoint (${endpoint.origin}) receives requests signed with its key or token. Nothing was sent to ${resolved.origin}.`,
			},
		);
	}
	return `${resolved.pathname}${resolved.search}`;
}
