/**
 * Shared setup of the SIP Routing node tests: the node runs through the real n8n engine (runNode) against the
 * emulator over HTTP. Seeding and reading the emulator's SIP document go over the same wire protocol
 * (HMAC-signed GET/PATCH /sip), so the tests check the node against what the service would hold.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { signAcsRequest } from '../../../nodes/shared/acs/hmac';
import { runNode, type RunNodeResult } from '../../support/engine';
import { credentialsFor, type Auth } from '../../support/fixtures';

export { credentialsFor, type Auth };

export const NODE_TYPE = 'azureCommunicationSipRouting';
export const STABLE = '2023-03-01';
export const PREVIEW = '2024-11-15-preview';

export interface RunSipOptions {
	auth?: Auth;
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
}

/** Both credentials, for describe.each: every operation is proven with each. */
export const AUTHS: Auth[] = ['connectionString', 'entraId'];

export async function runSip(
	emu: RunningEmulator,
	parameters: INodeParameters,
	options: RunSipOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType: NODE_TYPE,
		parameters,
		credentials: credentialsFor(emu, options.auth),
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}

/** runSip with one credential fixed (the body of a describe.each(AUTHS) block calls this). */
export function sipRunner(auth: Auth) {
	return (
		emu: RunningEmulator,
		parameters: INodeParameters,
		options: Omit<RunSipOptions, 'auth'> = {},
	) => runSip(emu, parameters, { ...options, auth });
}

/** The items' JSON, failing the test with the node's error if it failed. */
export function jsonOf(result: RunNodeResult): IDataObject[] {
	if (result.error)
		throw new Error(`Node failed: ${result.error.message} — ${result.error.description ?? ''}`);
	return result.items.map((item) => item.json);
}

async function signedSip(
	emu: RunningEmulator,
	method: string,
	apiVersion: string,
	body?: unknown,
): Promise<unknown> {
	const url = new URL(`sip?api-version=${apiVersion}`, emu.endpoint);
	const payload = body === undefined ? '' : JSON.stringify(body);
	const {
		authorization,
		'x-ms-date': date,
		'x-ms-content-sha256': hash,
	} = signAcsRequest({
		method,
		url,
		body: payload,
		accessKey: emu.accessKey,
		date: new Date(),
	});
	const response = await fetch(url, {
		method,
		headers: {
			authorization,
			'x-ms-date': date,
			'x-ms-content-sha256': hash,
			...(body === undefined ? {} : { 'content-type': 'application/merge-patch+json' }),
		},
		body: body === undefined ? undefined : payload,
	});
	const text = await response.text();
	if (response.status >= 400)
		throw new Error(`${method} /sip answered ${response.status}: ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/** Puts a document into the emulator (one PATCH, as a user would), then clears the request log. */
export async function seedSip(
	emu: RunningEmulator,
	patch: IDataObject,
	apiVersion = PREVIEW,
): Promise<void> {
	await signedSip(emu, 'PATCH', apiVersion, patch);
	await emu.control.clearRequestLog();
}

/**
 * The document as GET /sip answers it, in the desired-state shape: the preview API answers an unset
 * callerIdOverride as null, which is left out here.
 */
export async function storedSip(emu: RunningEmulator, apiVersion = PREVIEW): Promise<IDataObject> {
	const document = (await signedSip(emu, 'GET', apiVersion)) as IDataObject;
	for (const route of (document.routes ?? []) as IDataObject[])
		if (route.callerIdOverride === null) delete route.callerIdOverride;
	return document;
}

/** ACS requests the node sent (control calls are not logged), as 'METHOD /path'. */
export async function sentRequests(emu: RunningEmulator): Promise<string[]> {
	const log = await emu.control.requestLog();
	return log.map((entry) => `${entry.method} ${entry.path}`);
}

export const TWO_TRUNKS_TWO_ROUTES = {
	trunks: {
		'sbc1.contoso.com': { sipSignalingPort: 5061 },
		'sbc2.contoso.com': { sipSignalingPort: 5062 },
	},
	routes: [
		{
			name: 'US',
			numberPattern: '^\\+1[0-9]{10}$',
			trunks: ['sbc1.contoso.com', 'sbc2.contoso.com'],
		},
		{ name: 'All', numberPattern: '^\\+[1-9][0-9]{3,23}$', trunks: ['sbc2.contoso.com'] },
	],
};
