import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import { readCountryCode, readString } from '../helpers/parameters';
import { acceptLanguageHeader, countryPath, phoneNumbersApi } from '../helpers/request';
import {
	acceptLanguageOption,
	administrativeDivisionField,
	assignmentTypeField,
	countryField,
	localityField,
	numberTypeField,
	optionsCollection,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	countryField(),
	numberTypeField({ required: true }),
	assignmentTypeField({ required: false }),
	administrativeDivisionField(),
	localityField('For geographic numbers the service needs a locality'),
	...returnAllAndLimitFields(),
	optionsCollection([acceptLanguageOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listAreaCodes'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const phoneNumberType = readString.call(this, 'phoneNumberType', itemIndex);
	const areaCodes = await (acsGetAllPages<{ areaCode?: string }>).call(this, {
		method: 'GET',
		path: countryPath(countryCode, '/areaCodes'),
		...phoneNumbersApi.call(this, itemIndex),
		qs: {
			phoneNumberType,
			assignmentType: readString.call(this, 'assignmentType', itemIndex) || undefined,
			locality: readString.call(this, 'locality', itemIndex) || undefined,
			administrativeDivision: readString.call(this, 'administrativeDivision', itemIndex) || undefined,
		},
		headers: acceptLanguageHeader.call(this, itemIndex),
		itemsField: 'areaCodes',
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
	return areaCodes.map((entry) => ({ countryCode, phoneNumberType, areaCode: entry.areaCode ?? null }));
}
