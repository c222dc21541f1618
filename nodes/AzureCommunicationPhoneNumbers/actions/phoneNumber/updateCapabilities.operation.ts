import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { encodePhoneNumber } from '../../../shared/acs/phoneNumber';
import { concurrencyOption, lroModeFields, type ItemOutput } from '../../../shared/node';
import type { PurchasedPhoneNumber } from '../helpers/acsTypes';
import { pendingOutput, runLongOperation } from '../helpers/lro';
import { purchasedNumberOutput } from '../helpers/output';
import { invalidParameter, readString } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { readExplicitPhoneNumber } from './explicitNumber';
import { capabilityOptions, optionsCollection, phoneNumberLocator } from '../common.descriptions';

const KEEP = { name: 'Keep Current', value: '' };

const properties: INodeProperties[] = [
	phoneNumberLocator,
	{
		displayName: 'Calling',
		name: 'callingCapability',
		type: 'options',
		options: [KEEP, ...capabilityOptions],
		default: '',
		description: 'New calling capability. Changing capabilities can change the monthly cost.',
	},
	{
		displayName: 'SMS',
		name: 'smsCapability',
		type: 'options',
		options: [KEEP, ...capabilityOptions],
		default: '',
		description: 'New SMS capability. Changing capabilities can change the monthly cost.',
	},
	...lroModeFields(),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phoneNumber'], operation: ['updateCapabilities'] } },
	properties,
);

/** Items run concurrently (Options → Concurrency). */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const body: IDataObject = {};
	const calling = readString.call(this, 'callingCapability', itemIndex);
	const sms = readString.call(this, 'smsCapability', itemIndex);
	if (calling) body.calling = calling;
	if (sms) body.sms = sms;
	if (Object.keys(body).length === 0) {
		throw invalidParameter.call(
			this,
			itemIndex,
			'Calling',
			'choose a new calling or SMS capability (both are "Keep Current")',
		);
	}
	const phoneNumber = await readExplicitPhoneNumber.call(this, itemIndex);
	const { handle, outcome } = await runLongOperation.call(this, itemIndex, {
		method: 'PATCH',
		path: `/phoneNumbers/${encodePhoneNumber(phoneNumber)}/capabilities`,
		...phoneNumbersApi.call(this, itemIndex),
		body,
		contentType: 'application/merge-patch+json',
	});
	if (!outcome) return pendingOutput(handle, { phoneNumber });
	return {
		...purchasedNumberOutput({ phoneNumber, ...((outcome.result as PurchasedPhoneNumber) ?? {}) }),
		operationId: handle.operationId,
		operationStatus: outcome.operation.status,
		completed: true,
	};
}
