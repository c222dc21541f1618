import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { listCatalog, optionalFilters } from '../helpers/catalogList';
import { readCountryCode } from '../helpers/parameters';
import { countryPath } from '../helpers/request';
import {
	acceptLanguageOption,
	administrativeDivisionField,
	countryField,
	numberTypeField,
	optionsCollection,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	countryField(),
	administrativeDivisionField(),
	numberTypeField({ required: false }),
	...returnAllAndLimitFields(),
	optionsCollection([acceptLanguageOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['listLocalities'] } },
	properties,
);

interface Locality {
	localizedName?: string;
	administrativeDivision?: { localizedName?: string; abbreviatedName?: string };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const localities = await (listCatalog<Locality>).call(this, itemIndex, {
		path: countryPath(countryCode, '/localities'),
		itemsField: 'phoneNumberLocalities',
		qs: optionalFilters.call(this, itemIndex, ['administrativeDivision', 'phoneNumberType']),
	});
	return localities.map((locality) => ({
		countryCode,
		locality: locality.localizedName ?? null,
		administrativeDivision: locality.administrativeDivision?.abbreviatedName ?? null,
		administrativeDivisionName: locality.administrativeDivision?.localizedName ?? null,
	}));
}
