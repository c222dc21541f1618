import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import { acceptLanguageHeader, phoneNumbersApi } from '../helpers/request';
import { acceptLanguageOption, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllAndLimitFields(), optionsCollection([acceptLanguageOption])];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listCountries'] } }, properties);

interface Country {
	countryCode?: string;
	localizedName?: string;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countries = await (acsGetAllPages<Country>).call(this, {
		method: 'GET',
		path: '/availablePhoneNumbers/countries',
		...phoneNumbersApi.call(this, itemIndex),
		headers: acceptLanguageHeader.call(this, itemIndex),
		itemsField: 'countries',
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
	return countries.map((country) => ({
		countryCode: country.countryCode ?? null,
		localizedName: country.localizedName ?? null,
	}));
}
