import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { encodePhoneNumber } from '../../../shared/acs/phoneNumber';
import { concurrencyOption, type ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import type { PurchasedPhoneNumber } from '../helpers/acsTypes';
import { purchasedNumberOutput } from '../helpers/output';
import { readPhoneNumber } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection, phoneNumberLocator } from '../common.descriptions';

const properties: INodeProperties[] = [phoneNumberLocator, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions(
	{ show: { resource: ['phoneNumber'], operation: ['get'] } },
	properties,
);

/** Items run concurrently (Options → Concurrency). */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const phoneNumber = readPhoneNumber.call(this, itemIndex);
	const response = await (acsRequest<PurchasedPhoneNumber>).call(this, {
		method: 'GET',
		path: `/phoneNumbers/${encodePhoneNumber(phoneNumber)}`,
		...phoneNumbersApi.call(this, itemIndex),
	});
	return purchasedNumberOutput(response.body);
}
