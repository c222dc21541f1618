/**
 * Differences between Mono's System.Text.RegularExpressions and the translator that are understood and accepted.
 * An entry covers the cases of its kind whose .NET pattern matches `pattern` and whose input matches `input`
 * (each when given). `origin` says whether the translator is knowingly inexact or Mono differs from .NET (Core),
 * the service's runtime.
 */
import type { OurAnswer } from './differential';

export interface KnownDifference {
	id: string;
	kind: 'validity' | 'isMatch';
	origin: 'translator' | 'emulator' | 'mono';
	pattern?: RegExp;
	input?: RegExp;
	/** Also required, when given: a condition on the local answer. */
	ours?: (answer: OurAnswer) => boolean;
	reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
	{
		id: 'utf16-code-units',
		kind: 'isMatch',
		origin: 'translator',
		input: /[\u{10000}-\u{10ffff}]/u,
		reason:
			'.NET matches UTF-16 code units: `.`, `\\D` or `[^x]` take half of a character outside the BMP, and `\\d` ' +
			'never matches one (𝟎 U+1D7CE is two surrogates to .NET). The translator needs the v flag and so matches whole ' +
			'code points. Phone numbers never contain such characters.',
	},
	{
		id: 'case-equivalence',
		kind: 'isMatch',
		origin: 'mono',
		pattern: /\(\?[imnsx+-]*i/i,
		input: /[\u212a\u1e9e\u03c2\u01c4-\u01c6]/u,
		reason:
			'Under (?i) Mono lowercases one character at a time, so K (Kelvin sign) is not k, ẞ is not ß, ς is not σ and ' +
			'ǅ is not ǆ. JavaScript uses Unicode case folding, which equates them; .NET 7 and later use a case-equivalence ' +
			'table that equates K, k and the Kelvin sign (as JavaScript does); the other pairs are not verified against ' +
			'.NET itself.',
	},
	{
		id: 'unicode-version',
		kind: 'isMatch',
		origin: 'mono',
		input: /\u0870/u,
		reason:
			"Mono's Unicode tables predate U+0870 (ARABIC LETTER ALEF WITH ATTACHED FATHA, Unicode 14), so to Mono it is " +
			'no letter and no word character; current .NET and JavaScript know it as a letter.',
	},
	{
		id: 'mono-first-char-ignore-case',
		kind: 'isMatch',
		origin: 'mono',
		pattern: /^(?=[^]*\(\?[imnsx+-]*i)(?=[^]*\\[pP]\{)/i,
		reason:
			'Mono picks the characters a match can start with before matching, and when some alternatives are under ' +
			'(?i) and others not it lowercases the input before testing them all: `\\p{Lu}|(?i)9` never matches "A". ' +
			'.NET 7 and later resolve case when the pattern is built and match "A", as the translator does.',
	},
	{
		id: 'mono-first-char-conditional',
		kind: 'isMatch',
		origin: 'mono',
		pattern: /\(\?\(/,
		reason:
			"Mono's scan for the characters a match can start with ignores that a conditional can match nothing (a " +
			'missing or empty "no" branch), so it skips the positions where only that empty match exists: ' +
			'`(?(?=\\+)1)` does not match "+", although the empty "no" branch matches there. .NET 7 and later rewrote ' +
			'this analysis; the translator matches.',
	},
	{
		id: 'empty-iteration-committed',
		kind: 'isMatch',
		origin: 'translator',
		pattern: /\(\?>|\(\?<?[=!]/,
		reason:
			'.NET ends a loop after an iteration that matched nothing; JavaScript instead refuses such an iteration once ' +
			'the minimum count is reached and tries a longer one. Where the first success is final (an atomic group, a ' +
			'lookaround) the two can commit to different text: `^(?>(a??)+)b` does not match "ab" in .NET.',
	},
];
