import type { IDataObject } from 'n8n-workflow';

import { acsRequest } from '../../shared/transport';
import type { AcsContext } from '../../shared/transport';
import type { SipApiChoice } from './apiChoice';
import type { SipConfiguration, SipConfigurationPatch, SipRoute } from './sipTypes';

/** The three SIP REST calls (acs-api.md §5). Every read is fresh: the document has no ETag. */

export async function readSipConfiguration(
	this: AcsContext,
	choice: SipApiChoice,
	itemIndex: number,
	options: { includeHealth?: boolean } = {},
): Promise<SipConfiguration> {
	const response = await acsRequest.call(this, {
		method: 'GET',
		path: '/sip',
		api: choice.api,
		apiVersion: choice.apiVersion,
		qs: options.includeHealth ? { expand: 'trunks/health' } : undefined,
		itemIndex,
	});
	return normaliseConfiguration(response.body);
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
		itemIndex,
	});
	return normaliseConfiguration(response.body);
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

function normaliseConfiguration(body: unknown): SipConfiguration {
	const document = (body && typeof body === 'object' ? body : {}) as SipConfiguration;
	const configuration: SipConfiguration = {
		trunks: document.trunks ?? {},
		routes: (document.routes ?? []).map((route) => ({ ...route, trunks: route.trunks ?? [] })),
	};
	if (document.domains !== undefined) configuration.domains = document.domains;
	return configuration;
}
