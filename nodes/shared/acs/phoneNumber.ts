/** Phone number forms: user input -> E.164, E.164 <-> path segment, E.164 <-> ACS id (digits only). */
import { validateE164 } from './validators';

export interface NormalisedPhoneNumber {
	value?: string;
	error?: string;
}

/**
 * Accepts "+1 (425) 555-0100", "001 425 555 0100", "tel:+14255550100", "%2B14255550100", "14255550100" (digits
 * only are read as an E.164 number whose "+" was dropped) and returns "+14255550100", or an error message.
 */
export function normaliseE164(input: unknown): NormalisedPhoneNumber {
	if (typeof input !== 'string' && typeof input !== 'number')
		return { error: 'Phone number is empty.' };
	let text = String(input).trim();
	if (/^%2b/i.test(text)) text = `+${text.slice(3)}`;
	text = text.replace(/^tel:/i, '');
	text = text.replace(/[\s\-().\u00a0]/g, '');
	if (text.startsWith('00')) text = `+${text.slice(2)}`;
	else if (/^\d+$/.test(text)) text = `+${text}`;
	const error = validateE164(text);
	return error ? { error } : { value: text };
}

/**
 * A number a destructive operation may act on: one written with "+" (E.164, separators allowed), or the service's id
 * form (digits only, as the `id` field has it), which the caller must confirm is a number of the resource before acting.
 * Anything else ("0014255550100" or any digits with a leading 0, "(425) 555-0100") is refused with the E.164 form it may have meant.
 */
export type ExplicitPhoneNumber = { form: 'e164' | 'id'; e164: string } | { error: string };

export function explicitPhoneNumber(input: unknown): ExplicitPhoneNumber {
	const text = typeof input === 'string' || typeof input === 'number' ? String(input).trim() : '';
	const signed = /^(tel:)?(\+|%2b)/i.test(text);
	const normalised = normaliseE164(text);
	if (signed || text === '')
		return normalised.value
			? { form: 'e164', e164: normalised.value }
			: { error: normalised.error as string };
	// The id form is exactly the E.164 digits without "+": never a leading 0 ("0014255550100" is no number's id).
	if (/^[1-9]\d*$/.test(text) && normalised.value) return { form: 'id', e164: normalised.value };
	const meant = normalised.value ? `did you mean ${normalised.value}? ` : '';
	return { error: `"${text}" is not an E.164 number: ${meant}${E164_RULE}` };
}

const E164_RULE =
	'Numbers must be in E.164 form with a leading + and the country code, e.g. +14255550100.';

/** The refusal of an id form ("14255550100") that is not a number of the resource. */
export function notOwnedIdMessage(id: string, e164: string): string {
	return `"${id}" is not a number of this resource (digits without "+" are accepted only as the id of an owned number): did you mean ${e164}? ${E164_RULE}`;
}

/** "+14255550100" -> "%2B14255550100" (path segment). */
export function encodePhoneNumber(e164: string): string {
	return encodeURIComponent(e164);
}

/** "+14255550100" -> "14255550100" (the `id` field of a purchased number). */
export function phoneNumberIdFromE164(e164: string): string {
	return e164.replace(/^\+/, '');
}

/** "14255550100" -> "+14255550100". */
export function e164FromPhoneNumberId(id: string): string {
	return id.startsWith('+') ? id : `+${id}`;
}

/** Path segment as received ("+1…", "%2B1…", "%2b1…", " 1…" when a raw "+" was decoded as a space) -> E.164. */
export function decodePhoneNumberSegment(segment: string): string {
	const decoded = decodeURIComponent(segment);
	if (decoded.startsWith(' ')) return `+${decoded.slice(1)}`;
	return decoded;
}

/** US spelling alias. */
export const normalizeE164 = normaliseE164;
