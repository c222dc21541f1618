import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import { readE164List } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +14255550123, +442071234567',
		description: 'E.164 numbers to look up, separated by commas or new lines',
	},
	{
		displayName: 'Include Additional Operator Details',
		name: 'includeAdditionalOperatorDetails',
		type: 'boolean',
		default: false,
		description:
			'Whether to also return the number type, country and carrier. This costs money per number looked up; without it only the formats are returned, free of charge.',
	},
	{
		displayName: 'Additional operator details are billed per number looked up',
		name: 'operatorDetailsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { includeAdditionalOperatorDetails: [true] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['operatorInformation'], operation: ['lookUp'] } },
	properties,
);

interface OperatorInformation {
	phoneNumber?: string;
	nationalFormat?: string;
	internationalFormat?: string;
	isoCountryCode?: string;
	numberType?: string;
	operatorDetails?: { name?: string; mobileNetworkCode?: string; mobileCountryCode?: string };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const phoneNumbers = readE164List.call(this, 'phoneNumbers', itemIndex, 'Phone Numbers', { required: true });
	const includeAdditionalOperatorDetails = this.getNodeParameter('includeAdditionalOperatorDetails', itemIndex, false) as boolean;
	const response = await (acsRequest<{ values?: OperatorInformation[] }>).call(this, {
		method: 'POST',
		path: '/operatorInformation/:search',
		...phoneNumbersApi.call(this, itemIndex),
		body: { phoneNumbers, options: { includeAdditionalOperatorDetails } },
	});
	return (response.body?.values ?? []).map((value) => ({
		phoneNumber: value.phoneNumber ?? null,
		nationalFormat: value.nationalFormat ?? null,
		internationalFormat: value.internationalFormat ?? null,
		isoCountryCode: value.isoCountryCode ?? null,
		numberType: value.numberType ?? null,
		operatorName: value.operatorDetails?.name ?? null,
		mobileNetworkCode: value.operatorDetails?.mobileNetworkCode ?? null,
		mobileCountryCode: value.operatorDetails?.mobileCountryCode ?? null,
	}));
}
