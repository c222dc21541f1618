/** GET /sip, PATCH /sip, POST /sip:testRoutesWithNumber, as the service answers them. */
import {
	acsError,
	requireMediaType,
	type EmulatorContext,
	type EmulatorReply,
	type EmulatorRequest,
} from '../core/types';
import { mergePatch } from './mergePatch';
import type { SipDocument } from './model';
import { matchRoutes } from './routeMatching';
import { storedRoute, storedTrunk, type SipState } from './state';
import { refuseDocument, refusePatch, type SipRefusal } from './validation';
import { configurationView, isPreviewVersion, patchForVersion, routesView } from './views';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/** Live SIP error bodies: UnprocessableConfiguration + innererror, no `target`, plain application/json. */
export function refusalReply(refused: SipRefusal): EmulatorReply {
	return acsError(
		refused.status,
		'UnprocessableConfiguration',
		'One or more request inputs are not valid.',
		{
			innererror: { code: refused.code, message: refused.message },
			headers: {
				'Content-Type': 'application/json',
				'x-ms-error-code': 'UnprocessableConfiguration',
			},
		},
	);
}

export function getSip(state: SipState, req: EmulatorRequest): EmulatorReply {
	const withHealth =
		isPreviewVersion(req.apiVersion) && req.query.get('expand') === 'trunks/health';
	return {
		status: 200,
		headers: JSON_HEADERS,
		body: configurationView(state, req.apiVersion, withHealth),
	};
}

export function patchSip(
	state: SipState,
	req: EmulatorRequest,
	ctx: EmulatorContext,
): EmulatorReply {
	const wrongType = requireMediaType(req, 'application/merge-patch+json');
	if (wrongType) return wrongType;
	const patch = patchForVersion(req.body, req.apiVersion);
	const merged = mergePatch(state.config, patch ?? {}) as SipDocument;
	// Domain rules belong to the domain-era previews; GA keeps its behaviour.
	const refused = refusePatch(state.config, patch, merged, isPreviewVersion(req.apiVersion));
	if (refused) return refusalReply(refused);

	const trunks: SipState['config']['trunks'] = {};
	for (const [fqdn, trunk] of Object.entries(merged.trunks ?? {}))
		trunks[fqdn] = storedTrunk(trunk);
	state.config = {
		domains: Object.fromEntries(
			Object.entries(merged.domains ?? {}).map(([name, d]) => [
				name,
				{ enabled: d.enabled ?? true },
			]),
		),
		trunks,
		routes: (merged.routes ?? []).map(storedRoute),
	};
	for (const fqdn of Object.keys(state.health)) if (!(fqdn in trunks)) delete state.health[fqdn];
	ctx.markDirty();
	return { status: 200, headers: JSON_HEADERS, body: configurationView(state, req.apiVersion) };
}

export function testRoutesWithNumber(state: SipState, req: EmulatorRequest): EmulatorReply {
	if (!isPreviewVersion(req.apiVersion))
		return acsError(
			404,
			'NotFound',
			`The route is not available in api-version ${req.apiVersion}; use a preview version such as 2024-11-15-preview.`,
		);
	const target = req.query.get('targetPhoneNumber');
	if (!target)
		return acsError(400, 'BadRequest', 'The targetPhoneNumber query parameter is required.');
	let configuration: SipDocument = state.config;
	const candidate = req.body;
	if (
		candidate !== undefined &&
		candidate !== null &&
		!(typeof candidate === 'object' && Object.keys(candidate).length === 0)
	) {
		const wrongType = requireMediaType(req, 'application/json');
		if (wrongType) return wrongType;
		if (typeof candidate !== 'object' || Array.isArray(candidate))
			return acsError(400, 'BadRequest', 'The body must be a SIP configuration object.');
		configuration = candidate as SipDocument;
		const refused = refuseDocument(configuration, true);
		if (refused) return refusalReply(refused);
	}
	const matched = matchRoutes(configuration.routes ?? [], target);
	if ('notEvaluated' in matched)
		return acsError(
			501,
			'NotImplemented',
			`The emulator cannot answer this test: it does not evaluate the numberPattern of route "${matched.notEvaluated.name}" because ${matched.reason}. ` +
				'The service does; to test routing in the emulator, use patterns without that construct.',
		);
	return {
		status: 200,
		headers: JSON_HEADERS,
		body: { matchingRoutes: routesView(matched.matchingRoutes, true) },
	};
}
