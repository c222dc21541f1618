import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { encodePhoneNumber } from '../../../shared/acs/phoneNumber';
import { concurrencyOption, lroModeFields, type ItemOutput } from '../../../shared/node';
import { pendingOutput, runLongOperation } from '../helpers/lro';
import { phoneNumbersApi } from '../helpers/request';
import { readExplicitPhoneNumber } from './explicitNumber';
import { optionsCollection, phoneNumberLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Releasing gives the number back: calls and messages to it stop, and you may not be able to buy it again.',
		name: 'releaseNotice',
		type: 'notice',
		default: '',
	},
	phoneNumberLocator,
	...lroModeFields(),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['phoneNumber'], operation: ['release'] } },
	properties,
);

/** Items run concurrently (Options → Concurrency). */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const phoneNumber = await readExplicitPhoneNumber.call(this, itemIndex);
	const { handle, outcome } = await runLongOperation.call(
		this,
		itemIndex,
		{
			method: 'DELETE',
			path: `/phoneNumbers/${encodePhoneNumber(phoneNumber)}`,
			...phoneNumbersApi.call(this, itemIndex),
		},
		{ skipResult: true },
	);
	if (!outcome) return pendingOutput(handle, { phoneNumber, released: null });
	return {
		phoneNumber,
		released: true,
		operationId: handle.operationId,
		operationStatus: outcome.operation.status,
		completed: true,
	};
}
