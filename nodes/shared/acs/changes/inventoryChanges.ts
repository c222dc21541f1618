/**
 * What changed in a resource's purchased numbers between two readings of the whole list. The previous reading is
 * kept as fingerprints (number digits -> `numberFingerprint`), so 20,000 numbers fit in a few hundred KB.
 */
import {
	capabilitiesPart,
	decodeFingerprint,
	MAX_FINGERPRINT_LENGTH,
	numberFingerprint,
	purchasePart,
	type NumberCapabilities,
} from './numberFingerprint';

/** A purchased number as the list shows it; only these fields are read, the rest is passed on. */
export interface ListedNumber {
	id?: string;
	phoneNumber?: string;
	capabilities?: NumberCapabilities;
	purchaseDate?: string;
}

/** Number digits (E.164 without "+") -> fingerprint. */
export type InventoryFingerprints = Record<string, string>;

export interface NumberBefore {
	phoneNumber: string;
	capabilities: NumberCapabilities;
	purchaseDate?: string;
}

export type InventoryChange<T extends ListedNumber> =
	| { kind: 'purchased'; phoneNumber: string; after: T }
	| { kind: 'released'; phoneNumber: string; before: NumberBefore }
	| {
			kind: 'capabilitiesChanged';
			phoneNumber: string;
			before: NumberCapabilities;
			after: NumberCapabilities;
			number: T;
	  };

/** E.164 numbers have at most 15 digits. */
const DIGITS = /^\d{1,15}$/;

/** "+14255550100", "14255550100" -> "14255550100"; undefined when the entry names no number. */
export function numberDigits(number: ListedNumber): string | undefined {
	const raw = number.phoneNumber ?? number.id;
	if (typeof raw !== 'string') return undefined;
	const digits = raw.trim().replace(/^\+/, '');
	return DIGITS.test(digits) ? digits : undefined;
}

export function inventoryFingerprints(numbers: readonly ListedNumber[]): InventoryFingerprints {
	const fingerprints: InventoryFingerprints = {};
	for (const number of numbers) {
		const digits = numberDigits(number);
		if (digits !== undefined)
			fingerprints[digits] = numberFingerprint(number.capabilities, number.purchaseDate);
	}
	return fingerprints;
}

/** The entries of kept state that are number digits with a fingerprint; anything else another version left is dropped. */
export function keptFingerprints(
	previous: Readonly<Record<string, unknown>>,
): InventoryFingerprints {
	const kept: InventoryFingerprints = {};
	for (const [digits, fingerprint] of Object.entries(previous)) {
		if (
			DIGITS.test(digits) &&
			typeof fingerprint === 'string' &&
			fingerprint.length <= MAX_FINGERPRINT_LENGTH
		)
			kept[digits] = fingerprint;
	}
	return kept;
}

function before(digits: string, fingerprint: string): NumberBefore {
	return { phoneNumber: `+${digits}`, ...decodeFingerprint(fingerprint) };
}

function boughtAgain(was: string, now: string): boolean {
	const [before, after] = [purchasePart(was), purchasePart(now)];
	return before !== '' && after !== '' && before !== after;
}

/**
 * Numbers listed now and not before are purchased, numbers gone are released, the same number with other
 * capabilities changed them; a number whose purchase time moved was released and bought again. Entries listed
 * twice (a page boundary moving while the list was read) count once.
 */
export function inventoryChanges<T extends ListedNumber>(
	stored: InventoryFingerprints,
	current: readonly T[],
): { fingerprints: InventoryFingerprints; changes: Array<InventoryChange<T>> } {
	const previous = keptFingerprints(stored);
	const fingerprints: InventoryFingerprints = {};
	const changes: Array<InventoryChange<T>> = [];
	const released: Array<InventoryChange<T>> = [];
	for (const number of current) {
		const digits = numberDigits(number);
		if (digits === undefined || Object.hasOwn(fingerprints, digits)) continue;
		const now = numberFingerprint(number.capabilities, number.purchaseDate);
		fingerprints[digits] = now;
		const phoneNumber = `+${digits}`;
		const was = Object.hasOwn(previous, digits) ? previous[digits] : undefined;
		if (was === now) continue;
		if (was === undefined) {
			changes.push({ kind: 'purchased', phoneNumber, after: number });
		} else if (boughtAgain(was, now)) {
			released.push({ kind: 'released', phoneNumber, before: before(digits, was) });
			changes.push({ kind: 'purchased', phoneNumber, after: number });
		} else if (capabilitiesPart(was) !== capabilitiesPart(now)) {
			changes.push({
				kind: 'capabilitiesChanged',
				phoneNumber,
				before: decodeFingerprint(was).capabilities,
				after: decodeFingerprint(now).capabilities,
				number,
			});
		}
	}
	for (const [digits, was] of Object.entries(previous)) {
		if (!Object.hasOwn(fingerprints, digits))
			released.push({ kind: 'released', phoneNumber: `+${digits}`, before: before(digits, was) });
	}
	return { fingerprints, changes: [...released, ...changes] };
}
