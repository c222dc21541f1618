import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import {
	encodePhoneNumber,
	explicitPhoneNumber,
	notOwnedIdMessage,
	phoneNumberIdFromE164,
} from '../../../shared/acs/phoneNumber';
import { acsRequest, settle } from '../../../shared/transport';
import { invalidParameter } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';

/**
 * The number a destructive operation (Release, Update Capabilities) acts on, in E.164. Digits without "+" are taken
 * only as the id of a number this resource owns, confirmed by reading it first; anything else is refused before any
 * request. A failed confirmation other than "not found" is the error itself: nothing destructive was sent.
 */
export async function readExplicitPhoneNumber(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	const raw = this.getNodeParameter('phoneNumber', itemIndex, '', {
		extractValue: true,
	}) as unknown;
	const number = explicitPhoneNumber(raw);
	if ('error' in number) throw invalidParameter.call(this, itemIndex, 'Phone Number', number.error);
	if (number.form === 'e164') return number.e164;
	const owned = await settle(
		acsRequest.call(this, {
			method: 'GET',
			path: `/phoneNumbers/${encodePhoneNumber(number.e164)}`,
			...phoneNumbersApi.call(this, itemIndex),
		}),
	);
	if (owned.ok) {
		// Only a JSON answer naming this very number confirms it (an HTML page or another body with 200 does not).
		if (namesNumber(owned.value.body, number.e164)) return number.e164;
		throw new NodeOperationError(
			this.getNode(),
			`The service could not confirm that ${String(raw).trim()} is a number of this resource`,
			{
				itemIndex,
				description: `Reading ${number.e164} answered ${owned.value.statusCode} without naming that number, so nothing was changed. Try again, or give the number in E.164 form (${number.e164}).`,
			},
		);
	}
	if (owned.error instanceof NodeApiError && owned.error.httpCode === '404') {
		throw invalidParameter.call(
			this,
			itemIndex,
			'Phone Number',
			notOwnedIdMessage(String(raw).trim(), number.e164),
		);
	}
	throw owned.error;
}

function namesNumber(body: unknown, e164: string): boolean {
	if (typeof body !== 'object' || body === null) return false;
	const { phoneNumber, id } = body as { phoneNumber?: unknown; id?: unknown };
	return phoneNumber === e164 || id === e164 || id === phoneNumberIdFromE164(e164);
}
