import { roundMoney } from './output';

/** Pure check of what a purchase would cost against the user's limits, each currency against its own limits. */

export interface CurrencyCostLimit {
	maxMonthlyCostPerNumber: number;
	maxTotalMonthlyCost: number;
	/** ISO 4217, upper case */
	currencyCode: string;
}

/** The limits in one currency, and those in further currencies (a reservation may span countries). */
export interface CostLimits extends CurrencyCostLimit {
	otherCurrencies?: CurrencyCostLimit[];
}

export interface PricedNumber {
	phoneNumber: string;
	amount: number | undefined;
	currencyCode: string | undefined;
}

/** What the numbers of one currency cost, and the limits stated for it (null: none). */
// A type alias, not an interface, so that it fits n8n's IDataObject in output items.
export type CurrencyCost = {
	currencyCode: string;
	phoneNumberCount: number;
	totalMonthlyCost: number;
	highestMonthlyCost: number;
	maxMonthlyCostPerNumber: number | null;
	maxTotalMonthlyCost: number | null;
};

/** totalMonthlyCost, highestMonthlyCost and currencyCode are null when the numbers are priced in several currencies. */
export type CostGuardVerdict =
	| {
			allowed: true;
			totalMonthlyCost: number | null;
			highestMonthlyCost: number | null;
			currencyCode: string | null;
			costByCurrency: CurrencyCost[];
	  }
	| {
			allowed: false;
			reason:
				| 'currencyMismatch'
				| 'perNumberLimitExceeded'
				| 'totalLimitExceeded'
				| 'costUnknown'
				| 'nothingToBuy';
			message: string;
			totalMonthlyCost: number | null;
			highestMonthlyCost: number | null;
			currencyCode: string | null;
			costByCurrency: CurrencyCost[] | null;
	  };

type Refusal = Extract<CostGuardVerdict, { allowed: false }>;

/**
 * Totals are summed and compared in millionths of the currency unit (integers, exact far below the cent): binary
 * fractions neither make 0.1 + 0.2 exceed 0.3, nor does rounding let 10.00004 pass a limit of 10. A price with more
 * than six decimals is read to the nearest millionth.
 */
const MICROS = 1_000_000;

function toMicros(amount: number): number {
	return Math.round(amount * MICROS);
}

export function checkCostGuard(numbers: PricedNumber[], limits: CostLimits): CostGuardVerdict {
	if (numbers.length === 0) {
		return {
			...unpriced(),
			allowed: false,
			reason: 'nothingToBuy',
			message: 'There are no numbers to purchase.',
		};
	}
	const unknown = numbers.find(
		(n) => typeof n.amount !== 'number' || !Number.isFinite(n.amount) || !n.currencyCode,
	);
	if (unknown) {
		return {
			...unpriced(),
			allowed: false,
			reason: 'costUnknown',
			message: `The service did not state the cost of ${unknown.phoneNumber}.`,
		};
	}
	// A negative price would offset others in a total: the service's prices are not trusted that far.
	const negative = numbers.find((n) => (n.amount as number) < 0);
	if (negative) {
		return {
			...unpriced(),
			allowed: false,
			reason: 'costUnknown',
			message: `The service stated a negative cost (${negative.amount} ${negative.currencyCode}) for ${negative.phoneNumber}; its cost is treated as unknown.`,
		};
	}
	const costs = costByCurrency(numbers, limits);
	const single = costs.length === 1 ? costs[0] : undefined;
	const priced = {
		totalMonthlyCost: single?.totalMonthlyCost ?? null,
		highestMonthlyCost: single?.highestMonthlyCost ?? null,
		currencyCode: single?.currencyCode ?? null,
		costByCurrency: costs,
	};
	const refusal = firstRefusal(numbers, costs, limits);
	return refusal ? { ...priced, allowed: false, ...refusal } : { ...priced, allowed: true };
}

function unpriced() {
	return {
		totalMonthlyCost: null,
		highestMonthlyCost: null,
		currencyCode: null,
		costByCurrency: null,
	};
}

function limitsByCurrency(limits: CostLimits): Map<string, CurrencyCostLimit> {
	return new Map(
		[limits, ...(limits.otherCurrencies ?? [])].map((limit) => [
			limit.currencyCode.toUpperCase(),
			limit,
		]),
	);
}

function costByCurrency(numbers: PricedNumber[], limits: CostLimits): CurrencyCost[] {
	const stated = limitsByCurrency(limits);
	const costs = new Map<string, { count: number; total: number; highest: number }>();
	for (const n of numbers) {
		const currency = (n.currencyCode as string).toUpperCase();
		const cost = costs.get(currency) ?? { count: 0, total: 0, highest: Number.NEGATIVE_INFINITY };
		costs.set(currency, {
			count: cost.count + 1,
			total: cost.total + toMicros(n.amount as number),
			highest: Math.max(cost.highest, n.amount as number),
		});
	}
	return [...costs].map(([currencyCode, cost]) => ({
		currencyCode,
		phoneNumberCount: cost.count,
		totalMonthlyCost: cost.total / MICROS,
		highestMonthlyCost: roundMoney(cost.highest),
		maxMonthlyCostPerNumber: stated.get(currencyCode)?.maxMonthlyCostPerNumber ?? null,
		maxTotalMonthlyCost: stated.get(currencyCode)?.maxTotalMonthlyCost ?? null,
	}));
}

function firstRefusal(
	numbers: PricedNumber[],
	costs: CurrencyCost[],
	limits: CostLimits,
): Pick<Refusal, 'reason' | 'message'> | undefined {
	const unlimited = costs
		.filter((cost) => cost.maxMonthlyCostPerNumber === null)
		.map((cost) => cost.currencyCode);
	if (unlimited.length > 0) {
		const stated = [...limitsByCurrency(limits).keys()].join(', ');
		return {
			reason: 'currencyMismatch',
			message: `The numbers are priced in ${costs.map((cost) => cost.currencyCode).join(', ')}, but there is no cost limit in ${unlimited.join(', ')} (the cost limits are in ${stated}). State a limit for each currency.`,
		};
	}
	for (const cost of costs) {
		const currency = cost.currencyCode;
		const perNumber = cost.maxMonthlyCostPerNumber as number;
		const expensive = numbers.find(
			(n) =>
				(n.currencyCode as string).toUpperCase() === currency && (n.amount as number) > perNumber,
		);
		if (expensive) {
			return {
				reason: 'perNumberLimitExceeded',
				message: `${expensive.phoneNumber} costs ${expensive.amount} ${currency} a month, above Max Monthly Cost per Number (${perNumber} ${currency}).`,
			};
		}
		const total = cost.maxTotalMonthlyCost as number;
		if (toMicros(cost.totalMonthlyCost) > toMicros(total)) {
			return {
				reason: 'totalLimitExceeded',
				message: `The ${cost.phoneNumberCount} numbers priced in ${currency} cost ${cost.totalMonthlyCost} ${currency} a month together, above Max Total Monthly Cost (${total} ${currency}).`,
			};
		}
	}
	return undefined;
}
