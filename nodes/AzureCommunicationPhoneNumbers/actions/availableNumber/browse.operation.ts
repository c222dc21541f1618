import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import type { AvailablePhoneNumber } from '../helpers/acsTypes';
import { availableNumberOutput } from '../helpers/output';
import { invalidParameter, readCountryCode, readString } from '../helpers/parameters';
import { countryPath, phoneNumbersApi } from '../helpers/request';
import {
	assignmentTypeField,
	capabilityFields,
	countryField,
	numberTypeField,
	optionsCollection,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Browsing returns a random sample of available numbers and does not hold them. Add the ones you want to a Reservation to hold and then buy them.',
		name: 'browseNotice',
		type: 'notice',
		default: '',
	},
	countryField(),
	numberTypeField({ required: true }),
	assignmentTypeField({ required: false }),
	...capabilityFields({ allowAny: true }),
	{
		displayName: 'Number Prefixes',
		name: 'phoneNumberPrefixes',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1425, 1626',
		description:
			'Comma-separated digit prefixes (country code included, no +); numbers matching any prefix are returned',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['availableNumber'], operation: ['browse'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const countryCode = readCountryCode.call(this, itemIndex);
	const prefixes = readString
		.call(this, 'phoneNumberPrefixes', itemIndex)
		.split(/[\s,;]+/)
		.map((prefix) => prefix.replace(/^\+/, ''))
		.filter((prefix) => prefix !== '');
	const badPrefix = prefixes.find((prefix) => !/^\d{1,15}$/.test(prefix));
	if (badPrefix) {
		throw invalidParameter.call(
			this,
			itemIndex,
			'Number Prefixes',
			`"${badPrefix}" is not a digit prefix (e.g. 1425)`,
		);
	}
	const capabilities: IDataObject = {};
	const calling = readString.call(this, 'callingCapability', itemIndex);
	const sms = readString.call(this, 'smsCapability', itemIndex);
	if (calling) capabilities.calling = calling;
	if (sms) capabilities.sms = sms;
	const body: IDataObject = {
		phoneNumberType: readString.call(this, 'phoneNumberType', itemIndex),
	};
	const assignmentType = readString.call(this, 'assignmentType', itemIndex);
	if (assignmentType) body.assignmentType = assignmentType;
	if (Object.keys(capabilities).length > 0) body.capabilities = capabilities;
	if (prefixes.length > 0) body.phoneNumberPrefixes = prefixes;
	const response = await (acsRequest<{ phoneNumbers?: AvailablePhoneNumber[] }>).call(this, {
		method: 'POST',
		path: countryPath(countryCode, '/:browse'),
		...phoneNumbersApi.call(this, itemIndex),
		body,
		// Browsing changes nothing on the service, so a retry is harmless.
		idempotent: true,
	});
	return (response.body?.phoneNumbers ?? []).map(availableNumberOutput);
}
