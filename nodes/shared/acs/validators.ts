/**
 * Input validators. Each returns undefined when the value is fine, or one sentence saying what is wrong and
 * how to fix it.
 */

/**
 * E.164 as ACS expects it: "+", then the country calling code (first digit 1-9), then the national number;
 * 7 to 15 digits in total (ITU-T E.164 allows at most 15; the shortest numbering plans give 7), no spaces,
 * dashes or parentheses. Most numbers have 10 to 13 digits.
 */
export function validateE164(value: unknown, label = 'Phone number'): string | undefined {
	if (typeof value !== 'string' || value.trim() === '')
		return `${label} is empty: enter it in E.164 form, e.g. +14255550100.`;
	if (!value.startsWith('+'))
		return `${label} "${value}" must start with "+" and the country code (E.164), e.g. +14255550100.`;
	const digits = value.slice(1);
	if (/[\s\-().]/.test(digits))
		return `${label} "${value}" contains spaces or punctuation: write only "+" and digits, e.g. +14255550100.`;
	if (!/^\d+$/.test(digits)) return `${label} "${value}" may contain only digits after the "+".`;
	if (digits.startsWith('0'))
		return `${label} "${value}": the country code after "+" cannot start with 0.`;
	if (digits.length < 7 || digits.length > 15)
		return `${label} "${value}" has ${digits.length} digits; E.164 numbers have 7 to 15 digits after the "+".`;
	return undefined;
}

// ISO 3166-1 alpha-2 officially assigned codes.
const ISO_COUNTRIES = new Set(
	(
		'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
		'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
		'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
		'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
		'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
		'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
		'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
	).split(' '),
);

/** ISO 3166-1 alpha-2, upper case (ACS paths use e.g. "US"). */
export function validateCountryCode(value: unknown): string | undefined {
	if (typeof value !== 'string' || value === '')
		return 'Country code is empty: enter a two-letter ISO 3166 code such as US.';
	if (!/^[A-Za-z]{2}$/.test(value))
		return `Country code "${value}" must be two letters (ISO 3166-1 alpha-2), e.g. US, GB, DE.`;
	if (value !== value.toUpperCase())
		return `Country code "${value}" must be upper case: ${value.toUpperCase()}.`;
	if (!ISO_COUNTRIES.has(value))
		return `"${value}" is not an assigned ISO 3166-1 alpha-2 country code (e.g. US, GB, DE).`;
	return undefined;
}

export function validateGuid(value: unknown, label = 'ID'): string | undefined {
	if (typeof value !== 'string' || value === '')
		return `${label} is empty: enter a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.`;
	if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value))
		return `${label} "${value}" is not a GUID: expected 8-4-4-4-12 hexadecimal digits, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6.`;
	return undefined;
}

export function validateQuantity(
	value: unknown,
	max?: number,
	label = 'Quantity',
): string | undefined {
	if (typeof value !== 'number' || !Number.isInteger(value))
		return `${label} must be a whole number of 1 or more.`;
	if (value < 1) return `${label} must be at least 1 (got ${value}).`;
	if (max !== undefined && value > max) return `${label} must be at most ${max} (got ${value}).`;
	return undefined;
}

export function validateCost(value: unknown, label = 'Cost'): string | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value))
		return `${label} must be a finite number.`;
	if (value < 0) return `${label} cannot be negative (got ${value}).`;
	return undefined;
}

/**
 * Trunk FQDN: 1..249 characters (the service's limit), dot-separated labels of 1..63 letters, digits or hyphens,
 * no label starting or ending with a hyphen, at least two labels, a top-level label that is not all digits.
 */
export function validateFqdn(value: unknown, label = 'FQDN'): string | undefined {
	if (typeof value !== 'string' || value === '')
		return `${label} is empty: enter a fully qualified domain name such as sbc.contoso.com.`;
	if (value.length > 249)
		return `${label} "${value.slice(0, 40)}…" is ${value.length} characters long; at most 249 are allowed.`;
	if (/[\s]/.test(value)) return `${label} "${value}" contains whitespace.`;
	if (/^[a-z]+:\/\//i.test(value) || value.includes('/'))
		return `${label} "${value}" must be a host name only, without scheme or path (e.g. sbc.contoso.com).`;
	const host = value.endsWith('.') ? value.slice(0, -1) : value;
	const labels = host.split('.');
	if (labels.length < 2)
		return `${label} "${value}" must be fully qualified (at least two labels, e.g. sbc.contoso.com).`;
	for (const part of labels) {
		if (part === '')
			return `${label} "${value}" has an empty label (two dots in a row, or a leading dot).`;
		if (part.length > 63)
			return `${label} "${value}": the label "${part.slice(0, 20)}…" is longer than 63 characters.`;
		if (!/^[A-Za-z0-9-]+$/.test(part))
			return `${label} "${value}": the label "${part}" may contain only letters, digits and hyphens.`;
		if (part.startsWith('-') || part.endsWith('-'))
			return `${label} "${value}": the label "${part}" cannot start or end with a hyphen.`;
	}
	if (/^\d+$/.test(labels[labels.length - 1]))
		return `${label} "${value}" looks like an IP address; a trunk needs a DNS name such as sbc.contoso.com.`;
	return undefined;
}

export function validatePort(value: unknown, label = 'SIP signaling port'): string | undefined {
	if (typeof value !== 'number' || !Number.isInteger(value))
		return `${label} must be a whole number between 1 and 65535 (usually 5061).`;
	if (value < 1 || value > 65535)
		return `${label} ${value} is out of range: use 1 to 65535 (usually 5061).`;
	return undefined;
}

export function validateRouteName(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '')
		return 'Route name is empty: every route needs a unique name.';
	if (value.length > 256)
		return `Route name "${value.slice(0, 40)}…" is ${value.length} characters long; at most 256 are allowed.`;
	return undefined;
}

/** Presence and length only; use routePatternLint / dotnetRegex for the .NET syntax. */
export function validateRouteNumberPatternLength(
	value: unknown,
	routeName?: string,
): string | undefined {
	const where = routeName ? ` of route "${routeName}"` : '';
	if (typeof value !== 'string' || value === '')
		return `Number pattern${where} is empty: enter a .NET regular expression such as ^\\+1\\d{10}$.`;
	if (value.length > 1024)
		return `Number pattern${where} is ${value.length} characters long; at most 1024 are allowed.`;
	return undefined;
}

export function validateRouteDescription(value: unknown, routeName?: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	const where = routeName ? ` of route "${routeName}"` : '';
	if (typeof value !== 'string') return `Description${where} must be text.`;
	if (value.length > 1024)
		return `Description${where} is ${value.length} characters long; at most 1024 are allowed.`;
	return undefined;
}

/** ISO 4217 currency code (three upper-case letters), as in offering costs. */
export function validateCurrencyCode(value: unknown): string | undefined {
	if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value))
		return `Currency "${String(value)}" must be a three-letter ISO 4217 code in upper case, e.g. USD.`;
	return undefined;
}
