/**
 * Without regexp modifiers (Node.js 22), a pattern that mixes case-sensitive and case-insensitive parts has its
 * case-insensitive parts spelled out as classes of case variants. Here they are checked against the engine's own
 * case-insensitive matching (the i flag, on a pattern that is case-insensitive throughout) over every code point,
 * and against `(?i:…)` where this runtime has it.
 */
import {
	compileDotnetRegex,
	RUNTIME_REGEX_TARGET,
	type JsRegexTarget,
} from '../../../../nodes/shared/acs/sip/dotnetRegex';
import { everyCodePoint } from '../../../../nodes/shared/acs/sip/regexCaseVariants';
import { WITHOUT_MODIFIERS } from '../../../support/regexTargets';

const EVERY_CODE_POINT = everyCodePoint();

/** The code points `pattern` does not match, one at a time, in order, as a string. */
function unmatched(pattern: string, target: JsRegexTarget): string {
	const compiled = compileDotnetRegex(pattern, {}, target);
	if (!compiled.regex) throw new Error(`not evaluable: ${pattern}: ${compiled.warnings.join()}`);
	return EVERY_CODE_POINT.replace(
		new RegExp(compiled.regex.source, `${compiled.regex.flags}g`),
		'',
	);
}

/** Code points in one of two strings of ascending code points only, in hex. */
function onlyInOne(a: string, b: string): string[] {
	const setOf = (text: string): Set<number> => new Set([...text].map((ch) => ch.codePointAt(0)!));
	const [inA, inB] = [setOf(a), setOf(b)];
	return [...[...inA].filter((cp) => !inB.has(cp)), ...[...inB].filter((cp) => !inA.has(cp))].map(
		(cp) => cp.toString(16),
	);
}

/** .NET class and escape shapes; each is compiled case-insensitive throughout, and inside a mixed pattern. */
const SHAPES = [
	'k',
	's',
	'\\u00e5',
	'\\u03c3',
	'\\u0130',
	'[a-z]',
	'[^a-z]',
	'[k]',
	'[^k]',
	'[A-Z0-9]',
	'[\\u0370-\\u03ff]',
	'\\p{Lu}',
	'\\P{Lu}',
	'[^\\P{Ll}]',
	'\\p{Lt}',
	'[\\p{Ll}-[a-z]]',
	'[a-z-[k]]',
	'\\w',
	'\\W',
	'[^\\s\\d]',
	'\\p{IsGreek}',
	'\\P{IsCyrillic}',
	'\\p{IsCherokee}',
];

describe('.NET regex translation without regexp modifiers', () => {
	test.each(SHAPES)(
		'(?i:%s) next to a case-sensitive part matches what the i flag matches',
		(shape) => {
			// [^\d\D]? matches nothing, as a case-sensitive class: the pattern mixes, a match is one code point
			const mixed = `(?i:${shape})[^\\d\\D]?`;
			const reference = unmatched(`(?i)${shape}`, RUNTIME_REGEX_TARGET);
			expect(compileDotnetRegex(`(?i)${shape}`).flags).toBe('vi');
			expect(compileDotnetRegex(mixed, {}, WITHOUT_MODIFIERS).source).not.toMatch(/\(\?-?i:/);
			const spelledOut = unmatched(mixed, WITHOUT_MODIFIERS);
			if (spelledOut !== reference) expect(onlyInOne(reference, spelledOut)).toEqual([]);
			if (RUNTIME_REGEX_TARGET.modifiers)
				expect(unmatched(mixed, RUNTIME_REGEX_TARGET) === spelledOut).toBe(true);
		},
	);

	test('case-sensitive parts stay case-sensitive', () => {
		const compiled = compileDotnetRegex('^(?i:k)[a-z]K\\P{Ll}$', {}, WITHOUT_MODIFIERS);
		expect(compiled.regex!.test('\u212azKA')).toBe(true);
		expect(compiled.regex!.test('kZKA')).toBe(false);
		expect(compiled.regex!.test('kzkA')).toBe(false);
		expect(compiled.regex!.test('kzKa')).toBe(false);
	});

	test('a case-insensitive backreference in a mixed pattern is not evaluated locally, and says why', () => {
		const compiled = compileDotnetRegex('(a)(?i:\\1)x', {}, WITHOUT_MODIFIERS);
		expect(compiled.ok).toBe(true);
		expect(compiled.regex).toBeUndefined();
		expect(compiled.warnings.join()).toMatch(
			/could not be evaluated locally \(a case-insensitive backreference/,
		);
		// case-insensitive throughout, it needs no modifiers: the i flag covers it
		expect(compileDotnetRegex('(?i)(a)\\1x', {}, WITHOUT_MODIFIERS).regex!.test('aAX')).toBe(true);
	});

	test('patterns without mixed case are written the same either way', () => {
		for (const pattern of ['^\\+1\\d{10}$', '(?i)^\\+1x\\d+$', '^[a-z-[k]]+\\w$', '(?i)(a)\\1'])
			expect(compileDotnetRegex(pattern, {}, WITHOUT_MODIFIERS).source).toBe(
				compileDotnetRegex(pattern, {}, { modifiers: true }).source,
			);
	});
});
