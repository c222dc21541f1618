/**
 * The characters a JavaScript regex with the `i` and `v` flags takes for one another (simple case folding, as the
 * engine applies it): k, K and the Kelvin sign U+212A; s, S and long s U+017F; σ, Σ and ς; ß and ẞ; … They are read
 * from this runtime's own regex engine when first needed, so that a case-insensitive part of a pattern spelled out
 * as classes matches what `(?i:…)` matches on a runtime that has regexp modifiers. The first use scans every code
 * point once for the few thousand that can have a variant; each one's variants are then read when asked for.
 */

const LAST_CODE_POINT = 0x10ffff;

interface Candidates {
	/** Every code point that may have a case variant, ascending. */
	list: number[];
	/** The same, as a string, for the engine to search. */
	text: string;
	set: Set<number>;
}

let candidates: Candidates | undefined;
const knownVariants = new Map<number, readonly number[]>();
const missingFromClass = new Map<string, number[]>();

/** Every code point but the surrogates, in order, as one string (about 2.2 million UTF-16 units). */
export function everyCodePoint(): string {
	const units = new Uint16Array(2 * (LAST_CODE_POINT + 1) - 0x10000 - 0x800);
	let at = 0;
	for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) units[at++] = unit;
	for (let high = 0xd800; high < 0xdc00; high++) {
		for (let low = 0xdc00; low < 0xe000; low++) {
			units[at++] = high;
			units[at++] = low;
		}
	}
	return new TextDecoder('utf-16le').decode(units);
}

function codePointsOf(matches: Iterable<RegExpMatchArray>): number[] {
	return [...matches].map((match) => match[0].codePointAt(0)!);
}

function caseCandidates(): Candidates {
	if (candidates) return candidates;
	// A code point with a case variant changes under case mapping or folding, or is matched, ignoring case, by one
	// that does (the `i` flag closes the class over case variants).
	const changing = new RegExp('[\\p{Changes_When_Casemapped}\\p{Changes_When_Casefolded}]', 'gvi');
	const list = codePointsOf(everyCodePoint().matchAll(changing));
	candidates = { list, text: String.fromCodePoint(...list), set: new Set(list) };
	return candidates;
}

/** The code points `cp` matches ignoring case, itself included, ascending. */
export function caseVariants(cp: number): readonly number[] {
	const known = knownVariants.get(cp);
	if (known) return known;
	const { set, text } = caseCandidates();
	if (!set.has(cp)) return [cp];
	const same = codePointsOf(text.matchAll(new RegExp(`\\u{${cp.toString(16)}}`, 'gvi')));
	for (const member of same) knownVariants.set(member, same);
	return same;
}

/** Every code point that has a case variant, ascending. */
export function codePointsWithCaseVariants(): number[] {
	return caseCandidates().list.filter((cp) => caseVariants(cp).length > 1);
}

/** The case variants of the members of a set that the set lacks, ascending: what ignoring case adds to it. */
function variantsMissing(contains: (cp: number) => boolean, from: number, to: number): number[] {
	const missing = new Set<number>();
	for (const cp of caseCandidates().list) {
		if (cp > to) break;
		if (cp < from || !contains(cp)) continue;
		for (const variant of caseVariants(cp)) if (!contains(variant)) missing.add(variant);
	}
	return [...missing].sort((a, b) => a - b);
}

/** What ignoring case adds to the range from..to. */
export function caseVariantsMissingFromRange(from: number, to: number): number[] {
	return variantsMissing((cp) => cp >= from && cp <= to, from, to);
}

/** What ignoring case adds to a JavaScript class (`\p{Lu}`, `[\p{L}\p{Nd}]`, …, as read with the `v` flag). */
export function caseVariantsMissingFromClass(classText: string): number[] {
	let missing = missingFromClass.get(classText);
	if (!missing) {
		const member = new RegExp(`^${classText}$`, 'v');
		missing = variantsMissing((cp) => member.test(String.fromCodePoint(cp)), 0, LAST_CODE_POINT);
		missingFromClass.set(classText, missing);
	}
	return missing;
}
