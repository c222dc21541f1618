import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import { readCountryCode, readString } from '../helpers/parameters';
import { acceptLanguageHeader, countryPath, phoneNumbersApi } from '../helpers/request';
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

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listLocalities'] } }, properties);

interface Locality {
	localizedName?: string;
	administrativeDivision?: { localizedName?: string; abbreviatedName?: string };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const localities = await (acsGetAllPages<Locality>).call(this, {
		method: 'GET',
		path: countryPath(countryCode, '/localities'),
		...phoneNumbersApi.call(this, itemIndex),
		qs: {
			administrativeDivision: readString.call(this, 'administrativeDivision', itemIndex) || undefined,
			phoneNumberType: readString.call(this, 'phoneNumberType', itemIndex) || undefined,
		},
		headers: acceptLanguageHeader.call(this, itemIndex),
		itemsField: 'phoneNumberLocalities',
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
	return localities.map((locality) => ({
		countryCode,
		locality: locality.localizedName ?? null,
		administrativeDivision: locality.administrativeDivision?.abbreviatedName ?? null,
		administrativeDivisionName: locality.administrativeDivision?.localizedName ?? null,
	}));
}
