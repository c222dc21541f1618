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
  if (typeof input !== 'string' && typeof input !== 'number') return { error: 'Phone number is empty.' };
  let text = String(input).trim();
  if (/^%2b/i.test(text)) text = `+${text.slice(3)}`;
  text = text.replace(/^tel:/i, '');
  text = text.replace(/[\s\-().\u00a0]/g, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  else if (/^\d+$/.test(text)) text = `+${text}`;
  const error = validateE164(text);
  return error ? { error } : { value: text };
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
