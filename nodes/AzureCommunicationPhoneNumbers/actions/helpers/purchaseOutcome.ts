/**
 * The one definition of what every purchase item says (Available Number → Purchase Search and Search and Purchase,
 * Reservation → Purchase), whatever happened, and of the safe next steps it names.
 *   purchased: true  = the numbers are bought (by this purchase, or by an earlier one of the same id that it followed);
 *              false = certain that this item bought nothing, and that nothing it sent can still buy;
 *              null  = not known (yet): `operationId` and `nextStep` say how to find out without buying twice.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CurrencyCost, PricedNumber } from './costGuard';

/** What is bought: a search or a reservation. */
export type PurchaseSource = { searchId: string | null } | { reservationId: string };

/**
 * The search or reservation id and what it holds (null when unknown, e.g. its search failed). The total, highest cost
 * and currency are null when the numbers are priced in several currencies; `costByCurrency` has one entry per currency.
 */
export interface PurchaseSummary extends IDataObject {
	phoneNumbers: string[] | null;
	phoneNumberCount: number | null;
	totalMonthlyCost: number | null;
	highestMonthlyCost: number | null;
	currencyCode: string | null;
	costByCurrency: CurrencyCost[] | null;
	expiresAt: string | null;
}

export interface PurchaseVerdict {
	purchased: boolean | null;
	/** The purchase operation (`purchase_<searchId>`, `reservationPurchase_<id>`); null when no purchase was sent. */
	operationId?: string | null;
	/** Its last status seen; null when none was seen. */
	operationStatus?: string | null;
	/** True once the operation reached succeeded or failed. */
	completed?: boolean;
	/** Why nothing was bought (purchased: false). */
	refusedBecause?: string | null;
	/** What to do now (purchased: null). */
	nextStep?: string | null;
}

/** The summary of a purchase whose numbers are not known (nothing was read, or the search failed). */
export function unknownSummary(source: PurchaseSource & IDataObject): PurchaseSummary {
	return {
		...source,
		phoneNumbers: null,
		phoneNumberCount: null,
		totalMonthlyCost: null,
		highestMonthlyCost: null,
		currencyCode: null,
		costByCurrency: null,
		expiresAt: null,
	};
}

export function purchaseFields(
	summary: PurchaseSummary | IDataObject,
	verdict: PurchaseVerdict,
): IDataObject {
	return {
		...summary,
		purchased: verdict.purchased,
		operationId: verdict.operationId ?? null,
		operationStatus: verdict.operationStatus ?? null,
		completed: verdict.completed ?? false,
		refusedBecause: verdict.refusedBecause ?? null,
		nextStep: verdict.nextStep ?? null,
	};
}

/** For a purchase the service has (or may have) started: following its operation tells the outcome. */
export function resumeStep(operationId: string): string {
	return `Use Long-Running Operation → Wait for Completion with ${operationId}: succeeded means the numbers are bought, failed means they are not. Do not buy again meanwhile, and never Search and Purchase (a new search buys other numbers).`;
}

/**
 * For a purchase request whose fate is unknown: sending the purchase of the same id again is safe, because the
 * service buys a search or a reservation at most once; a repeat either starts it or finds the one already made.
 */
export function repeatStep(summary: PurchaseSummary | IDataObject, operationId: string): string {
	const until =
		typeof summary.expiresAt === 'string' ? ` before its hold expires (${summary.expiresAt})` : '';
	if (typeof summary.reservationId === 'string') {
		return `Repeat Reservation → Purchase with reservation ID ${summary.reservationId}${until}: the service buys a reservation at most once, so the repeat either buys it or follows the purchase already made (operation ${operationId}).`;
	}
	return `Repeat Available Number → Purchase Search with search ID ${String(summary.searchId)}${until}, never Search and Purchase (a new search buys other numbers): the service buys a search at most once, so the repeat either buys it or follows the purchase already made (operation ${operationId}).`;
}

/** A number bought that the cost check did not see (added to the reservation after it). */
export type UncheckedPurchase = {
	phoneNumber: string;
	monthlyCost: number | null;
	currencyCode: string | null;
};

/**
 * The fields a completed reservation purchase adds once what it bought was read back: `boughtBeyondCheck` (numbers
 * bought that the cost check did not see, [] when none; null when what was bought could not be read) and, when
 * that list is not empty or not known, a `warning`. The service's purchase carries no condition on the reservation's
 * contents, so a number added between the cost check and the purchase is bought too: the item must say so.
 */
export function boughtBeyondCheckFields(
	checked: string[],
	bought: PricedNumber[] | null,
): IDataObject {
	if (bought === null) {
		return {
			boughtBeyondCheck: null,
			warning:
				'The purchase succeeded, but the reservation could not be read afterwards to confirm which numbers were bought. If it changed between the cost check and the purchase, numbers not checked against the cost limits may have been bought: check with Phone Number → Get Many.',
		};
	}
	const seen = new Set(checked);
	const beyond: UncheckedPurchase[] = bought
		.filter((number) => !seen.has(number.phoneNumber))
		.map((number) => ({
			phoneNumber: number.phoneNumber,
			monthlyCost: number.amount ?? null,
			currencyCode: number.currencyCode ?? null,
		}));
	if (beyond.length === 0) return { boughtBeyondCheck: [] };
	const listed = beyond
		.map((n) =>
			`${n.phoneNumber} (${n.monthlyCost ?? 'unknown cost'} ${n.currencyCode ?? ''})`.replace(
				' )',
				')',
			),
		)
		.join(', ');
	return {
		boughtBeyondCheck: beyond,
		warning: `The reservation changed between the cost check and the purchase: ${listed} ${beyond.length === 1 ? 'was' : 'were'} bought too, and ${beyond.length === 1 ? 'was' : 'were'} not checked against the cost limits. Release them (Phone Number → Release) if you do not want them.`,
	};
}
