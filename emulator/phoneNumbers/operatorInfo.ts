/** Operator information for any E.164 number: formats always, number type and operator on request. */
import { COUNTRIES, type CountryEntry } from './catalog';

export function countryOfNumber(digits: string): CountryEntry | undefined {
	const candidates = COUNTRIES.filter((country) => digits.startsWith(country.dialCode));
	if (candidates.length <= 1) return candidates[0];
	const national = digits.slice(candidates[0].dialCode.length);
	// NANP: the geographic area code tells Canada from the United States; toll-free defaults to the first (US).
	return (
		candidates.find((country) =>
			country.localities.some((entry) => entry.areaCodes.some((code) => national.startsWith(code))),
		) ?? candidates[0]
	);
}

function numberTypeOf(
	country: CountryEntry | undefined,
	national: string,
): 'unknown' | 'other' | 'geographic' | 'mobile' {
	if (!country) return 'unknown';
	if (country.mobileAreaCodes.some((code) => national.startsWith(code))) return 'mobile';
	if (country.tollFreeAreaCodes.some((code) => national.startsWith(code))) return 'other';
	return 'geographic';
}

function formats(
	country: CountryEntry | undefined,
	digits: string,
): { nationalFormat: string; internationalFormat: string } {
	if (!country) return { nationalFormat: `+${digits}`, internationalFormat: `+${digits}` };
	const national = digits.slice(country.dialCode.length);
	if (country.dialCode === '1' && national.length === 10) {
		const [area, exchange, line] = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
		return {
			nationalFormat: `+1 (${area}) ${exchange}-${line}`,
			internationalFormat: `+1 ${area} ${exchange} ${line}`,
		};
	}
	const areaLength = [
		...country.localities.flatMap((entry) => entry.areaCodes),
		...country.tollFreeAreaCodes,
		...country.mobileAreaCodes,
	]
		.filter((code) => national.startsWith(code))
		.reduce((longest, code) => Math.max(longest, code.length), 0);
	const area = national.slice(0, areaLength || 3);
	const rest = national.slice(area.length).replace(/(\d{3,4})(?=\d{3,4}$)/, '$1 ');
	return {
		nationalFormat: `0${area} ${rest}`,
		internationalFormat: `+${country.dialCode} ${area} ${rest}`,
	};
}

/** Every key is present: the detail keys are null without details, and MCC/MNC are null for fixed lines. */
export function operatorInformation(
	phoneNumber: string,
	includeDetails: boolean,
): Record<string, unknown> {
	const digits = phoneNumber.slice(1);
	const country = countryOfNumber(digits);
	const result: Record<string, unknown> = {
		phoneNumber,
		...formats(country, digits),
		isoCountryCode: null,
		numberType: null,
		operatorDetails: null,
	};
	if (!includeDetails) return result;
	const national = country ? digits.slice(country.dialCode.length) : digits;
	const numberType = numberTypeOf(country, national);
	result.numberType = numberType;
	if (country) {
		const mobile = numberType === 'mobile';
		result.isoCountryCode = country.countryCode;
		result.operatorDetails = {
			name: mobile ? country.operator.mobile : country.operator.fixed,
			mobileNetworkCode: mobile ? country.operator.mobileNetworkCode : null,
			mobileCountryCode: mobile ? country.operator.mobileCountryCode : null,
		};
	}
	return result;
}
