import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import type { Capabilities, Cost } from '../helpers/acsTypes';
import { capabilityFields as flatCapabilities, costFields } from '../helpers/output';
import { readCountryCode, readString } from '../helpers/parameters';
import { acceptLanguageHeader, countryPath, phoneNumbersApi } from '../helpers/request';
import {
	acceptLanguageOption,
	assignmentTypeField,
	countryField,
	numberTypeField,
	optionsCollection,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	countryField(),
	numberTypeField({ required: false }),
	assignmentTypeField({ required: false }),
	...returnAllAndLimitFields(),
	optionsCollection([acceptLanguageOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['listOfferings'] } }, properties);

interface Offering {
	phoneNumberType?: string;
	assignmentType?: string;
	availableCapabilities?: Capabilities;
	cost?: Cost;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const offerings = await (acsGetAllPages<Offering>).call(this, {
		method: 'GET',
		path: countryPath(countryCode, '/offerings'),
		...phoneNumbersApi.call(this, itemIndex),
		qs: {
			phoneNumberType: readString.call(this, 'phoneNumberType', itemIndex) || undefined,
			assignmentType: readString.call(this, 'assignmentType', itemIndex) || undefined,
		},
		headers: acceptLanguageHeader.call(this, itemIndex),
		itemsField: 'phoneNumberOfferings',
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
	return offerings.map((offering) => ({
		countryCode,
		phoneNumberType: offering.phoneNumberType ?? null,
		assignmentType: offering.assignmentType ?? null,
		...flatCapabilities(offering.availableCapabilities),
		...costFields(offering.cost),
	}));
}
