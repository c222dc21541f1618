import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { listCatalog } from '../helpers/catalogList';
import { acceptLanguageOption, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimitFields(),
	optionsCollection([acceptLanguageOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['listCountries'] } },
	properties,
);

interface Country {
	countryCode?: string;
	localizedName?: string;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countries = await (listCatalog<Country>).call(this, itemIndex, {
		path: '/availablePhoneNumbers/countries',
		itemsField: 'countries',
	});
	return countries.map((country) => ({
		countryCode: country.countryCode ?? null,
		localizedName: country.localizedName ?? null,
	}));
}
