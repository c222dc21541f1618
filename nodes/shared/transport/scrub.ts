/**
 * The one scrubber: removes anything that looks like a credential from text or data that may reach a user, a log or
 * an output item, and every value the credentials registered (see secretRegistry). A secret is also found when it
 * is percent-encoded (once or more), JSON- or HTML-escaped, base64 or base64url encoded; the patterns match in any
 * letter case. Text that holds an encoded secret is returned decoded, with the secret redacted. Every pattern runs
 * in linear time, and one call examines at most a budget of characters: past it, text is cut.
 */
import { redactRegistered } from './registeredSecrets';
import { ScrubBudget } from './scrubBudget';
import { redactTokens } from './tokenRuns';

const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[
		/(?<![A-Za-z0-9])Bearer(?:\s+|\+|%20)(?:eyJ[A-Za-z0-9._~+/=-]*|[A-Za-z0-9._~+/=-]{20,})/gi,
		'Bearer [redacted]',
	],
	[/accesskey\s*=\s*[^;\s"'&]{16,}/gi, 'accesskey=[redacted]'],
	[/signature["']?\s*[:=]\s*["']?[A-Za-z0-9+/_-]{16,}=*/gi, 'Signature=[redacted]'],
	[
		/(client_secret|client_assertion|access_token|refresh_token)["']?\s*[:=]\s*["']?[^&\s"']{16,}/gi,
		'$1=[redacted]',
	],
	[
		/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/gi,
		'[redacted private key]',
	],
];

/** Runs of base64 / base64url; only those of MIN_ENCODED_SECRET_LENGTH or more are decoded. */
const BASE64_RUN = /[A-Za-z0-9+/_-]+={0,2}/g;
/** A shorter run decodes to fewer than 36 characters: too short for a marker and a key, signature or token. */
const MIN_ENCODED_SECRET_LENGTH = 48;
const MAX_DECODING_DEPTH = 4;
/** Shorter text cannot hold a key, a signature or a token in any form. */
const MIN_SECRET_LENGTH = 16;
/** Text a credential could hide in: a marker of one, an escape that decoding would undo, or a long base64 run. */
const MAY_HOLD_SECRET =
	/bearer|accesskey|signature|eyj|client_|_token|private key|[%\\&]|[A-Za-z0-9+/_-]{48}/i;
/** Longer text is cut before scrubbing, so one hostile field cannot hold the event loop. */
const MAX_TEXT_LENGTH = 65_536;
const MAX_DEPTH = 64;
const CUT = '[not shown: too much text to check]';
const TOO_DEEP = '[nested too deep]';

const HTML_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function applyPatterns(text: string): string {
	const patterned = SECRET_PATTERNS.reduce(
		(acc, [pattern, replacement]) => acc.replace(pattern, replacement),
		text,
	);
	return redactRegistered(redactTokens(patterned));
}

/** One layer of decoding: percent-encoding, JSON string escapes and HTML character references. */
function decodeOnce(text: string): string {
	return text
		.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
		.replace(/\\(["\\/])/g, '$1')
		.replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) =>
			String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
		)
		.replace(/&#(\d{1,7});/g, (_, dec: string) =>
			String.fromCodePoint(Math.min(Number(dec), 0x10ffff)),
		)
		.replace(/&(amp|quot|apos|lt|gt);/gi, (_, name: string) => HTML_ENTITIES[name.toLowerCase()]);
}

/** Whether the run, decoded from its start or from one of the next three characters, holds a secret. */
function encodedRunHoldsSecret(run: string, depth: number, budget: ScrubBudget): boolean {
	for (let offset = 0; offset < 4 && run.length - offset >= MIN_ENCODED_SECRET_LENGTH; offset++) {
		const decoded = Buffer.from(run.slice(offset), 'base64').toString('latin1');
		if (scrubAt(decoded, depth + 1, budget) !== decoded) return true;
	}
	return false;
}

function redactEncodedRuns(text: string, depth: number, budget: ScrubBudget): string {
	return text.replace(BASE64_RUN, (run) =>
		run.length >= MIN_ENCODED_SECRET_LENGTH && encodedRunHoldsSecret(run, depth, budget)
			? '[redacted]'
			: run,
	);
}

function scrubAt(text: string, depth: number, budget: ScrubBudget): string {
	if (!budget.take(text.length)) return CUT;
	const direct = applyPatterns(text);
	if (depth >= MAX_DECODING_DEPTH) return direct;
	const cleaned = redactEncodedRuns(direct, depth, budget);
	const decoded = decodeOnce(cleaned);
	if (decoded === cleaned) return cleaned;
	const deeper = scrubAt(decoded, depth + 1, budget);
	return deeper === decoded ? cleaned : deeper;
}

export function scrubSecrets(text: string, budget = new ScrubBudget()): string {
	if (text.length < MIN_SECRET_LENGTH) return text;
	const bounded =
		text.length > MAX_TEXT_LENGTH
			? `${text.slice(0, MAX_TEXT_LENGTH)}… [${text.length - MAX_TEXT_LENGTH} characters cut]`
			: text;
	if (!budget.take(bounded.length)) return CUT;
	return MAY_HOLD_SECRET.test(bounded) ? scrubAt(bounded, 0, budget) : redactRegistered(bounded);
}

/** Objects and arrays scrubDeep returned: scrubbing them again changes nothing. */
const scrubbed = new WeakSet<object>();

/**
 * Every string of a value (object keys included) scrubbed; numbers, booleans and null kept. Returns the value
 * itself when nothing had to change. Keys are defined as own properties, so a `__proto__` key stays a key. A value
 * nested deeper than MAX_DEPTH is replaced by a marker.
 */
export function scrubDeep<T>(value: T, budget = new ScrubBudget()): T {
	const result = scrubValue(value, 0, budget);
	if (result && typeof result === 'object') scrubbed.add(result);
	return result as T;
}

function scrubValue(value: unknown, depth: number, budget: ScrubBudget): unknown {
	if (typeof value === 'string') return scrubSecrets(value, budget);
	if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || scrubbed.has(value))
		return value;
	if (depth > MAX_DEPTH) return TOO_DEEP;
	return Array.isArray(value)
		? scrubArray(value, depth, budget)
		: scrubObject(value, depth, budget);
}

function scrubArray(value: unknown[], depth: number, budget: ScrubBudget): unknown[] {
	let copy: unknown[] | undefined;
	for (let index = 0; index < value.length; index++) {
		const safe = scrubValue(value[index], depth + 1, budget);
		if (safe !== value[index]) (copy ??= value.slice())[index] = safe;
	}
	return copy ?? value;
}

function scrubObject(value: object, depth: number, budget: ScrubBudget): object {
	const keys = Object.keys(value);
	let copy: Record<string, unknown> | undefined;
	for (let index = 0; index < keys.length; index++) {
		const key = keys[index];
		const child = (value as Record<string, unknown>)[key];
		const safeKey = scrubSecrets(key, budget);
		const safeChild = scrubValue(child, depth + 1, budget);
		if (copy === undefined && (safeKey !== key || safeChild !== child))
			copy = copyOfEntries(value, keys, index);
		if (copy !== undefined) defineOwn(copy, safeKey, safeChild);
	}
	return copy ?? value;
}

/** A new object holding the first `count` entries of `value`. */
function copyOfEntries(value: object, keys: string[], count: number): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	for (const key of keys.slice(0, count))
		defineOwn(copy, key, (value as Record<string, unknown>)[key]);
	return copy;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}
