/** Reads the Look Up list without holding the event loop: numbers are checked in chunks, with a turn given between. */
import { normaliseE164 } from '../../../shared/acs/phoneNumber';

const CHUNK = 1000;

export type NumberListResult =
	| { numbers: string[] }
	| { invalid: { entry: string; problem: string } };

/**
 * The entries of a list parameter: array elements, or the text between commas and line breaks. Spaces inside an
 * entry belong to the number ("+1 425 555 0100", as the service's internationalFormat writes it).
 */
function* entriesOf(raw: unknown): Generator<string> {
	if (Array.isArray(raw)) {
		for (const element of raw) {
			const entry = String(element ?? '').trim();
			if (entry !== '') yield entry;
		}
		return;
	}
	const text = String(raw ?? '');
	const separated = /[^,\r\n]+/g;
	for (let match = separated.exec(text); match; match = separated.exec(text)) {
		const entry = match[0].trim();
		if (entry !== '') yield entry;
	}
}

/**
 * The distinct numbers in E.164 form, in input order, or the first entry that is not a phone number.
 * `nextTurn` lets other work run (a timer of 0 ms) after every chunk of numbers.
 */
export async function readNumberList(
	raw: unknown,
	nextTurn: () => Promise<void>,
): Promise<NumberListResult> {
	const seen = new Set<string>();
	const numbers: string[] = [];
	let inChunk = 0;
	for (const entry of entriesOf(raw)) {
		const { value, error } = normaliseE164(entry);
		if (value === undefined) return { invalid: { entry, problem: error ?? 'not a phone number' } };
		if (!seen.has(value)) {
			seen.add(value);
			numbers.push(value);
		}
		if (++inChunk === CHUNK) {
			inChunk = 0;
			await nextTurn();
		}
	}
	return { numbers };
}
