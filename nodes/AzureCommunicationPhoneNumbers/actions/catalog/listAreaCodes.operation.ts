import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { listCatalog, optionalFilters } from '../helpers/catalogList';
import { readCountryCode, readString } from '../helpers/parameters';
import { countryPath } from '../helpers/request';
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

export const description = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['listAreaCodes'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const phoneNumberType = readString.call(this, 'phoneNumberType', itemIndex);
	const areaCodes = await (listCatalog<{ areaCode?: string }>).call(this, itemIndex, {
		path: countryPath(countryCode, '/areaCodes'),
		itemsField: 'areaCodes',
		qs: {
			phoneNumberType,
			...optionalFilters.call(this, itemIndex, [
				'assignmentType',
				'locality',
				'administrativeDivision',
			]),
		},
	});
	return areaCodes.map((entry) => ({
		countryCode,
		phoneNumberType,
		areaCode: entry.areaCode ?? null,
	}));
}
