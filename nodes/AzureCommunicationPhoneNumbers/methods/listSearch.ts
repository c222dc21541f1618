import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { acsRequest } from '../../shared/transport';

interface Page {
	phoneNumbers?: Array<{ phoneNumber?: string; phoneNumberType?: string; countryCode?: string }>;
	nextLink?: string | null;
}

/** Purchased numbers for the Phone Number resource locator; the filter matches digits anywhere in the number. */
export async function searchPurchasedNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const response = await (acsRequest<Page>).call(this, {
		method: 'GET',
		path: paginationToken ?? '/phoneNumbers',
		api: 'phoneNumbers',
		qs: paginationToken ? undefined : { top: 100 },
	});
	const digits = (filter ?? '').replace(/\D/g, '');
	const results = (response.body?.phoneNumbers ?? [])
		.filter((number) => number.phoneNumber && number.phoneNumber.includes(digits))
		.map((number) => ({
			name: `${number.phoneNumber} (${[number.countryCode, number.phoneNumberType].filter(Boolean).join(', ')})`,
			value: number.phoneNumber as string,
		}));
	return { results, paginationToken: response.body?.nextLink ?? undefined };
}
