/**
 * A purchased number kept between polls as a few characters, not a copy: its capabilities as two codes and its
 * purchase time in base 36 (a number released and bought again between two polls has a new purchase time).
 * "bn.mh2kq7x0" = calling inbound+outbound, sms none, bought at that millisecond.
 */

import { UNKNOWN } from './boundedValues';

export interface NumberCapabilities {
	calling?: string;
	sms?: string;
}

export interface DecodedFingerprint {
	capabilities: NumberCapabilities;
	purchaseDate?: string;
}

const CODES: Record<string, string> = {
	none: 'n',
	inbound: 'i',
	outbound: 'o',
	'inbound+outbound': 'b',
};
const VALUES: Record<string, string> = Object.fromEntries(
	Object.entries(CODES).map(([value, code]) => [code, value]),
);
const ABSENT = '-';
const PURCHASE_MARK = '.';

/** Longer than any capability value; a longer one is kept as "unknown", so the state stays small. */
const MAX_CAPABILITY_LENGTH = 64;

/** One capability as one character; a value the service may add later is kept whole, in brackets. */
function capabilityCode(value: unknown): string {
	if (value === undefined) return ABSENT;
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
	if (Object.hasOwn(CODES, text)) return CODES[text];
	return `[${text.length <= MAX_CAPABILITY_LENGTH ? text.replace(/[[\]]/g, '') : UNKNOWN}]`;
}

/** Two capability codes, the purchase mark and a time in base 36 (at most 11 digits). */
export const MAX_FINGERPRINT_LENGTH = 2 * (MAX_CAPABILITY_LENGTH + 2) + 1 + 11;

const CODE_PATTERN = /^(\[[^\]]*\]|[^[])(\[[^\]]*\]|[^[])(?:\.([0-9a-z]+))?$/;

function capabilityValue(code: string): string | undefined {
	if (code === ABSENT) return undefined;
	if (code.startsWith('[')) return code.slice(1, -1);
	return VALUES[code];
}

export function numberFingerprint(
	capabilities: NumberCapabilities | undefined,
	purchaseDate: string | undefined,
): string {
	const codes = `${capabilityCode(capabilities?.calling)}${capabilityCode(capabilities?.sms)}`;
	const purchasedMs = purchaseDate === undefined ? NaN : Date.parse(purchaseDate);
	return Number.isNaN(purchasedMs) || purchasedMs < 0
		? codes
		: `${codes}${PURCHASE_MARK}${purchasedMs.toString(36)}`;
}

export function decodeFingerprint(fingerprint: string): DecodedFingerprint {
	const parts = CODE_PATTERN.exec(fingerprint);
	if (!parts) return { capabilities: {} };
	const capabilities: NumberCapabilities = {};
	const calling = capabilityValue(parts[1]);
	const sms = capabilityValue(parts[2]);
	if (calling !== undefined) capabilities.calling = calling;
	if (sms !== undefined) capabilities.sms = sms;
	const decoded: DecodedFingerprint = { capabilities };
	if (parts[3] !== undefined) decoded.purchaseDate = new Date(parseInt(parts[3], 36)).toISOString();
	return decoded;
}

/** The capabilities part of a fingerprint (everything before the purchase mark). */
export function capabilitiesPart(fingerprint: string): string {
	const parts = CODE_PATTERN.exec(fingerprint);
	return parts ? `${parts[1]}${parts[2]}` : fingerprint;
}

/** The purchase part of a fingerprint, '' when the service gave no purchase time. */
export function purchasePart(fingerprint: string): string {
	return CODE_PATTERN.exec(fingerprint)?.[3] ?? '';
}
