import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { DEFAULT_API_VERSIONS } from '../../shared/transport/apiVersions';

export const SIP_STABLE_API_VERSION = DEFAULT_API_VERSIONS.sip;
export const SIP_PREVIEW_API_VERSION = DEFAULT_API_VERSIONS.sipPreview;

export type SipApi = 'sip' | 'sipPreview';

/** What the chosen api-version can do. */
export interface SipFeatures {
	domains: boolean;
	trunkEnabled: boolean;
	testRoutesWithNumber: boolean;
	trunkHealth: boolean;
	/** directTransfer, privacyHeader, ipAddressVersion on trunks; callerIdOverride on routes. */
	trunkOptionsAndCallerId: boolean;
	/** The service's domain rules (every preview): trunks lie under a domain, a domain with trunks stays. */
	domainRules: boolean;
}

export interface SipApiChoice {
	api: SipApi;
	/** The user's override, passed to the transport; undefined for the transport's default. */
	apiVersion?: string;
	/** The version that will be sent. */
	effectiveVersion: string;
	features: SipFeatures;
}

export function sipFeatures(version: string): SipFeatures {
	const match = /^(\d{4}-\d{2}-\d{2})(-preview)?/i.exec(version.trim());
	const isPreview = Boolean(match?.[2]);
	const date = match?.[1] ?? '';
	const since = (first: string) => isPreview && date >= first;
	return {
		domains: since('2022-09-01'),
		trunkEnabled: since('2022-09-01'),
		testRoutesWithNumber: since('2022-10-01'),
		trunkHealth: since('2023-01-01'),
		trunkOptionsAndCallerId: since('2024-11-15'),
		domainRules: /preview/i.test(version),
	};
}

export function makeSipApiChoice(api: SipApi, apiVersionOverride?: string): SipApiChoice {
	const override = apiVersionOverride?.trim() || undefined;
	const effectiveVersion =
		override ?? (api === 'sipPreview' ? SIP_PREVIEW_API_VERSION : SIP_STABLE_API_VERSION);
	return { api, apiVersion: override, effectiveVersion, features: sipFeatures(effectiveVersion) };
}

/**
 * The API for this item: the `sipApi` parameter (Preview forced where `forcePreview`), and the api-version
 * override from the operation's Options. An override that is a preview version selects the preview API.
 */
export function readSipApiChoice(
	this: ParameterContext,
	itemIndex: number,
	forcePreview = false,
): SipApiChoice {
	const chosen = readParameter(this, 'sipApi', itemIndex, 'sip') as SipApi;
	const options = (readParameter(this, 'options', itemIndex, {}) ?? {}) as IDataObject;
	const override = typeof options.apiVersion === 'string' ? options.apiVersion : undefined;
	const overrideIsPreview = override !== undefined && /-preview$/i.test(override.trim());
	const api: SipApi =
		forcePreview || chosen === 'sipPreview' || overrideIsPreview ? 'sipPreview' : 'sip';
	return makeSipApiChoice(api, override);
}

/** Where the API choice is read: an operation's item, the editor's list methods, a polling trigger. */
type ParameterContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

function readParameter(
	context: ParameterContext,
	name: string,
	itemIndex: number,
	fallback: unknown,
): unknown {
	if ('getInputData' in context) return context.getNodeParameter(name, itemIndex, fallback);
	return (context as ILoadOptionsFunctions | IPollFunctions).getNodeParameter(name, fallback);
}

/** Refuses, before any request, an api-version that lacks what the operation needs. */
export function assertFeature(
	this: ParameterContext,
	choice: SipApiChoice,
	feature: keyof SipFeatures,
	what: string,
	itemIndex: number,
): void {
	if (choice.features[feature]) return;
	throw new NodeOperationError(
		this.getNode(),
		`${what} needs the preview API, but api-version ${choice.effectiveVersion} does not have it`,
		{
			itemIndex,
			description: `Set "API" to Preview (${SIP_PREVIEW_API_VERSION.replace('preview', 'Preview')}) and leave the option "API Version" empty or set it to a preview version such as ${SIP_PREVIEW_API_VERSION}. Nothing was sent to the service.`,
		},
	);
}
