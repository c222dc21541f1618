import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import type { PurchasedPhoneNumber } from '../helpers/acsTypes';
import { purchasedNumberOutput } from '../helpers/output';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllAndLimitFields(), optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['phoneNumber'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const numbers = await (acsGetAllPages<PurchasedPhoneNumber>).call(this, {
		method: 'GET',
		path: '/phoneNumbers',
		...phoneNumbersApi.call(this, itemIndex),
		itemsField: 'phoneNumbers',
		pageSizeParam: 'top',
		limit: readLimit.call(this, itemIndex),
	});
	return numbers.map(purchasedNumberOutput);
}
