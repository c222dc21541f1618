import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { acsRequest } from '../../shared/transport';
import type { AcsContext } from '../../shared/transport';
import type { SipApiChoice } from './apiChoice';
import { storedDocumentProblem } from './storedDocument';
import type { SipConfiguration, SipConfigurationPatch, SipRoute } from './sipTypes';

/** The three SIP REST calls. Every read is fresh: the document has no ETag. */

export async function readSipConfiguration(
	this: AcsContext,
	choice: SipApiChoice,
	itemIndex: number,
	options: { includeHealth?: boolean; deadline?: number } = {},
): Promise<SipConfiguration> {
	const response = await acsRequest.call(this, {
		method: 'GET',
		path: '/sip',
		api: choice.api,
		apiVersion: choice.apiVersion,
		qs: options.includeHealth ? { expand: 'trunks/health' } : undefined,
		deadline: options.deadline,
		itemIndex,
	});
	return normaliseConfiguration(this, response.body, itemIndex);
}

export async function patchSipConfiguration(
	this: AcsContext,
	choice: SipApiChoice,
	patch: SipConfigurationPatch,
	itemIndex: number,
): Promise<SipConfiguration> {
	const response = await acsRequest.call(this, {
		method: 'PATCH',
		path: '/sip',
		api: choice.api,
		apiVersion: choice.apiVersion,
		body: patch as unknown as IDataObject,
		contentType: 'application/merge-patch+json',
		// A route list is written whole: sent again later, it would replace routes written since it was read. The
		// caller re-reads and plans again instead (verifiedWrite.ts).
		retry: patch.routes === undefined ? undefined : { maxRetries: 0 },
		itemIndex,
	});
	return normaliseConfiguration(this, response.body, itemIndex);
}

/** POST /sip:testRoutesWithNumber: matching routes in priority order; `candidate` tests an unsaved configuration. */
export async function testRoutesWithNumberOnService(
	this: AcsContext,
	choice: SipApiChoice,
	phoneNumber: string,
	candidate: SipConfiguration | undefined,
	itemIndex: number,
): Promise<SipRoute[]> {
	const response = await acsRequest.call(this, {
		method: 'POST',
		path: '/sip:testRoutesWithNumber',
		api: choice.api,
		apiVersion: choice.apiVersion,
		qs: { targetPhoneNumber: phoneNumber },
		body: candidate ? (candidate as unknown as IDataObject) : undefined,
		contentType: 'application/json',
		// A test changes nothing, so it is safe to repeat.
		idempotent: true,
		itemIndex,
	});
	const body = (response.body ?? {}) as { matchingRoutes?: SipRoute[] };
	return Array.isArray(body.matchingRoutes) ? body.matchingRoutes : [];
}

function normaliseConfiguration(
	ctx: AcsContext,
	body: unknown,
	itemIndex: number,
): SipConfiguration {
	const problem = storedDocumentProblem(body);
	if (problem) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The service answered a SIP configuration this node cannot use: ${problem}`,
			{
				itemIndex,
				description:
					'Nothing was changed. The answer does not look like the SIP routing configuration of an Azure Communication Services resource: check that the credential points at the right endpoint.',
			},
		);
	}
	const document = (body && typeof body === 'object' ? body : {}) as SipConfiguration;
	const configuration: SipConfiguration = {
		trunks: document.trunks ?? {},
		routes: (document.routes ?? []).map((route) => ({ ...route, trunks: route.trunks ?? [] })),
	};
	if (document.domains !== undefined) configuration.domains = document.domains;
	return configuration;
}
