import type { IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../../../shared/node';
import { acsGetAllPages, type AcsRequestOptions } from '../../../shared/transport';
import { readString } from './parameters';
import { acceptLanguageHeader, phoneNumbersApi } from './request';

export interface CatalogListRequest {
	path: string;
	/** The field of each page that holds the entries, e.g. `phoneNumberLocalities`. */
	itemsField: string;
	qs?: AcsRequestOptions['qs'];
}

/** A catalog list: GET with the item's Accept-Language, paged by `maxPageSize` up to the item's Limit. */
export async function listCatalog<T>(
	this: IExecuteFunctions,
	itemIndex: number,
	request: CatalogListRequest,
): Promise<T[]> {
	return await (acsGetAllPages<T>).call(this, {
		method: 'GET',
		path: request.path,
		...phoneNumbersApi.call(this, itemIndex),
		qs: request.qs,
		headers: acceptLanguageHeader.call(this, itemIndex),
		itemsField: request.itemsField,
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
}

/** Query filters read from the parameters of the same names; an empty one is left out. */
export function optionalFilters(
	this: IExecuteFunctions,
	itemIndex: number,
	names: string[],
): Record<string, string | undefined> {
	return Object.fromEntries(
		names.map((name) => [name, readString.call(this, name, itemIndex) || undefined]),
	);
}
