/** AvailablePhoneNumber: the wire shape of a number offered by browse and held in reservations. */
import { findOffering, type CountryEntry } from './catalog';
import type { Pool } from './inventory';
import type { AssignmentType, Capabilities, ReservedNumber } from './model';

export function availableNumber(
	pool: Pool,
	digits: string,
	assignmentType: AssignmentType,
	capabilities: Capabilities,
): ReservedNumber | undefined {
	const offering = findOffering(pool.country, pool.phoneNumberType, assignmentType);
	if (!offering) return undefined;
	return {
		id: digits,
		countryCode: pool.country.countryCode,
		phoneNumber: `+${digits}`,
		capabilities,
		phoneNumberType: pool.phoneNumberType,
		assignmentType,
		cost: costOf(pool.country, offering.amount),
		isAgreementToNotResellRequired: pool.country.isAgreementToNotResellRequired,
	};
}

export function costOf(country: CountryEntry, amount: number) {
	return { amount, currencyCode: country.currencyCode, billingFrequency: 'monthly' as const };
}
