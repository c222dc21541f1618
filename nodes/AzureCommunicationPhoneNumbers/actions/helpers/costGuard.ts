import { roundMoney } from './output';

/** Pure check of what a purchase would cost against the user's limits. */

export interface CostLimits {
	maxMonthlyCostPerNumber: number;
	maxTotalMonthlyCost: number;
	/** ISO 4217, upper case */
	currencyCode: string;
}

export interface PricedNumber {
	phoneNumber: string;
	amount: number | undefined;
	currencyCode: string | undefined;
}

export type CostGuardVerdict =
	| { allowed: true; totalMonthlyCost: number; highestMonthlyCost: number; currencyCode: string }
	| {
			allowed: false;
			reason: 'currencyMismatch' | 'perNumberLimitExceeded' | 'totalLimitExceeded' | 'costUnknown' | 'nothingToBuy';
			message: string;
			totalMonthlyCost: number | null;
			highestMonthlyCost: number | null;
			currencyCode: string | null;
	  };

export function checkCostGuard(numbers: PricedNumber[], limits: CostLimits): CostGuardVerdict {
	if (numbers.length === 0) {
		return refuse('nothingToBuy', 'There are no numbers to purchase.', null, null, null);
	}
	const unknown = numbers.find((n) => typeof n.amount !== 'number' || !Number.isFinite(n.amount) || !n.currencyCode);
	if (unknown) {
		return refuse('costUnknown', `The service did not state the cost of ${unknown.phoneNumber}.`, null, null, null);
	}
	const currencies = [...new Set(numbers.map((n) => (n.currencyCode as string).toUpperCase()))];
	const highest = roundMoney(numbers.reduce((max, n) => Math.max(max, n.amount as number), Number.NEGATIVE_INFINITY));
	const total = roundMoney(numbers.reduce((sum, n) => sum + (n.amount as number), 0));
	if (currencies.length !== 1 || currencies[0] !== limits.currencyCode) {
		return refuse(
			'currencyMismatch',
			`The numbers are priced in ${currencies.join(', ')}, but the cost limits are in ${limits.currencyCode}.`,
			total,
			highest,
			currencies.join(','),
		);
	}
	const currency = currencies[0];
	const expensive = numbers.find((n) => (n.amount as number) > limits.maxMonthlyCostPerNumber);
	if (expensive) {
		return refuse(
			'perNumberLimitExceeded',
			`${expensive.phoneNumber} costs ${expensive.amount} ${currency} a month, above Max Monthly Cost per Number (${limits.maxMonthlyCostPerNumber} ${currency}).`,
			total,
			highest,
			currency,
		);
	}
	if (total > limits.maxTotalMonthlyCost) {
		return refuse(
			'totalLimitExceeded',
			`The ${numbers.length} numbers cost ${total} ${currency} a month together, above Max Total Monthly Cost (${limits.maxTotalMonthlyCost} ${currency}).`,
			total,
			highest,
			currency,
		);
	}
	return { allowed: true, totalMonthlyCost: total, highestMonthlyCost: highest, currencyCode: currency };
}

function refuse(
	reason: Extract<CostGuardVerdict, { allowed: false }>['reason'],
	message: string,
	totalMonthlyCost: number | null,
	highestMonthlyCost: number | null,
	currencyCode: string | null,
): CostGuardVerdict {
	return { allowed: false, reason, message, totalMonthlyCost, highestMonthlyCost, currencyCode };
}
