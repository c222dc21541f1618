/**
 * Values a trigger reads from a list and keeps in its state (which n8n saves after every poll) or puts in its
 * events. Only short, well-formed values are kept; anything else becomes a short marker, so a broken or hostile
 * answer (a 1 MB status, a number where a date should be) cannot grow the state or the events.
 */

export const UNKNOWN = 'unknown';

const MAX_TOKEN_LENGTH = 64;
const TOKEN = /^[A-Za-z]+$/;
/** Longer than any ISO 8601 or HTTP date. */
const MAX_TIME_LENGTH = 64;
/** A reservation id is a GUID; room to spare for another id scheme. */
const MAX_ID_LENGTH = 128;

/** A status such as "active" (letters only, at most 64); "unknown" for anything else. */
export function boundedToken(value: unknown): string {
	return typeof value === 'string' && value.length <= MAX_TOKEN_LENGTH && TOKEN.test(value)
		? value
		: UNKNOWN;
}

/** A parseable time of sane length, as ISO 8601 UTC; '' for anything else. */
export function boundedTime(value: unknown): string {
	if (typeof value !== 'string' || value.length > MAX_TIME_LENGTH) return '';
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** An id short enough to be a key of the state; undefined for anything else. */
export function boundedId(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH
		? value
		: undefined;
}
