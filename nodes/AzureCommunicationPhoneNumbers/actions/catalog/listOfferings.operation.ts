import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import type { Capabilities, Cost } from '../helpers/acsTypes';
import { listCatalog, optionalFilters } from '../helpers/catalogList';
import { capabilityFields as flatCapabilities, costFields } from '../helpers/output';
import { readCountryCode } from '../helpers/parameters';
import { countryPath } from '../helpers/request';
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

export const description = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['listOfferings'] } },
	properties,
);

interface Offering {
	phoneNumberType?: string;
	assignmentType?: string;
	availableCapabilities?: Capabilities;
	cost?: Cost;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const offerings = await (listCatalog<Offering>).call(this, itemIndex, {
		path: countryPath(countryCode, '/offerings'),
		itemsField: 'phoneNumberOfferings',
		qs: optionalFilters.call(this, itemIndex, ['phoneNumberType', 'assignmentType']),
	});
	return offerings.map((offering) => ({
		countryCode,
		phoneNumberType: offering.phoneNumberType ?? null,
		assignmentType: offering.assignmentType ?? null,
		...flatCapabilities(offering.availableCapabilities),
		...costFields(offering.cost),
	}));
}
