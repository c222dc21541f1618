import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { purchaseOperationId } from '../../../shared/transport';
import type { SearchResult } from '../helpers/acsTypes';
import { readCostLimits } from '../helpers/parameters';
import { checkPurchasePlan, purchase } from '../helpers/purchase';
import { phoneNumbersApi } from '../helpers/request';

/** Checks a search result against expiry, the do-not-resell agreement and the cost guard, then buys it. */
export async function purchaseSearchResult(
	this: IExecuteFunctions,
	itemIndex: number,
	result: SearchResult,
	now: Date,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const searchId = result.searchId ?? '';
	const agreeToNotResell = this.getNodeParameter('agreeToNotResell', itemIndex, false) as boolean;
	const phoneNumbers = result.phoneNumbers ?? [];
	const searchError = result.error && result.error !== 'NoError' ? result.error : undefined;
	const summary = checkPurchasePlan.call(this, itemIndex, {
		source: { searchId, ...extra },
		numbers: phoneNumbers.map((phoneNumber) => ({
			phoneNumber,
			amount: result.cost?.amount,
			currencyCode: result.cost?.currencyCode,
		})),
		limits: readCostLimits.call(this, itemIndex),
		expiresAt: result.searchExpiresBy,
		now,
		agreementRequired: result.isAgreementToNotResellRequired === true,
		agreeToNotResell,
		blocker: searchError
			? {
					reason: 'searchFailed',
					message: `the search reported ${searchError}${result.errorCode ? ` (${result.errorCode})` : ''}.`,
				}
			: undefined,
	});
	return await purchase.call(this, itemIndex, {
		start: {
			method: 'POST',
			path: '/availablePhoneNumbers/:purchase',
			...phoneNumbersApi.call(this, itemIndex),
			body: { searchId, agreeToNotResell },
			idempotent: false,
			knownOperationId: purchaseOperationId(searchId),
		},
		summary,
	});
}
