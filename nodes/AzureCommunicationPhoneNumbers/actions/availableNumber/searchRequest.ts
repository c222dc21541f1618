import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, readCountryCode, readQuantity, readString } from '../helpers/parameters';
import {
	administrativeDivisionField,
	areaCodeField,
	assignmentTypeField,
	capabilityFields,
	countryField,
	localityField,
	numberTypeField,
} from '../common.descriptions';

/** The parameters of a number search, shared by Search and Search and Purchase. */
export const searchFields: INodeProperties[] = [
	countryField(),
	numberTypeField({ required: true }),
	assignmentTypeField({ required: true }),
	...capabilityFields({ allowAny: false }),
	{
		...administrativeDivisionField(),
		description: 'Narrows the area code list below (not sent with the search)',
		displayOptions: { show: { phoneNumberType: ['geographic'] } },
	},
	{
		...localityField('Narrows the area code list below (not sent with the search)'),
		displayOptions: { show: { phoneNumberType: ['geographic'] } },
	},
	areaCodeField('Area code the numbers should have, optional (e.g. 425)'),
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many numbers to search for. The service may find fewer.',
	},
];

export interface SearchRequest {
	countryCode: string;
	body: IDataObject;
}

export function readSearchRequest(this: IExecuteFunctions, itemIndex: number): SearchRequest {
	const countryCode = readCountryCode.call(this, itemIndex);
	const quantity = readQuantity.call(this, itemIndex);
	const areaCode = readString.call(this, 'areaCode', itemIndex);
	if (areaCode && !/^\d{1,8}$/.test(areaCode)) {
		throw invalidParameter.call(this, itemIndex, 'Area Code', 'use digits only, e.g. 425');
	}
	const body: IDataObject = {
		phoneNumberType: readString.call(this, 'phoneNumberType', itemIndex),
		assignmentType: readString.call(this, 'assignmentType', itemIndex),
		capabilities: {
			calling: readString.call(this, 'callingCapability', itemIndex),
			sms: readString.call(this, 'smsCapability', itemIndex),
		},
		quantity,
	};
	if (areaCode) body.areaCode = areaCode;
	return { countryCode, body };
}
