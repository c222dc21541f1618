import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readApiVersion } from '../../../shared/node';
import type { AcsRequestOptions } from '../../../shared/transport';

/** The common part of every Phone Numbers request of one item: api, api-version override, item index. */
export function phoneNumbersApi(
	this: IExecuteFunctions,
	itemIndex: number,
): Pick<AcsRequestOptions, 'api' | 'apiVersion' | 'itemIndex'> {
	return { api: 'phoneNumbers', apiVersion: readApiVersion.call(this, itemIndex), itemIndex };
}

export function acceptLanguageHeader(
	this: IExecuteFunctions,
	itemIndex: number,
): Record<string, string> | undefined {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const language = typeof options.acceptLanguage === 'string' ? options.acceptLanguage.trim() : '';
	return language ? { 'accept-language': language } : undefined;
}

export function countryPath(countryCode: string, suffix: string): string {
	return `/availablePhoneNumbers/countries/${encodeURIComponent(countryCode)}${suffix}`;
}
