/**
 * Golden table: what .NET's Regex.IsMatch(input, pattern) returns (RegexOptions.None, the service's evaluator),
 * written down from .NET's documented behaviour, NOT from this project's translator. It is the independent
 * oracle for compileDotnetRegex and routeMatcher: the emulator's testRoutesWithNumber uses the same evaluator,
 * so agreement with the emulator proves wiring, not semantics.
 *
 * Sources (learn.microsoft.com/dotnet/standard/base-types/…):
 *  [QR]  regular-expression-language-quick-reference
 *  [ANC] anchors-in-regular-expressions ("$ … at the end of the string or before \n at the end of the string",
 *        "\Z … or before \n at the end", "\z … at the end of the string only", "\A … beginning of the string only")
 *  [QUA] quantifiers-in-regular-expressions (a quantifier applies to the element that immediately precedes it)
 *  [CC]  character-classes-in-regular-expressions ("\d is equivalent to \p{Nd}" unless ECMAScript; "." matches any
 *        character except \n; character class subtraction [base-[excluded]])
 *  [GRP] grouping-constructs-in-regular-expressions (named groups (?<n>…) and (?'n'…), numbered after unnamed
 *        groups; atomic groups (?>…))
 *  [OPT] regular-expression-options and miscellaneous-constructs-in-regular-expressions (inline (?imnsx-imnsx),
 *        (?#comment); without options matching is case-sensitive, ^/$ are string anchors, x-mode is off)
 *  [BEH] details-of-regular-expression-behavior (backtracking NFA; IsMatch finds a match anywhere in the input)
 *  [RP]  dotnet/runtime System.Text.RegularExpressions RegexParser.cs, for two parser rules the prose pages do
 *        not spell out: an anchor is a quantifiable unit (ScanRegex sets it as the unit, so `^+` is "^ once or
 *        more", not a literal plus), and IsTrueQuantifier needs a digit right after `{` (else `{` is literal).
 * Real patterns (SDK sample `^+[1-9][0-9]{3,23}$`, the spec's
 * `^\+[1-9][0-9]{3,23}$`, the provisioning doc's `^+1(\d[10])$`).
 */
import { compileDotnetRegex } from '../../../../nodes/shared/acs/sip/dotnetRegex';
import { matchRoutes, routeMatchesNumber } from '../../../../nodes/shared/acs/sip/routeMatcher';
import { REGEX_TARGETS } from '../../../support/regexTargets';

/** 'invalid': .NET's Regex constructor throws (the service refuses the pattern). */
type Expected = boolean | 'invalid';

// [pattern, input, .NET IsMatch, why]
const GOLDEN: Array<[string, string, Expected, string]> = [
	// anchors [ANC]
	['^\\+1\\d{10}$', '+14255550123', true, '[ANC] plain anchored E.164 US number'],
	['^\\+1\\d{10}$', '+14255550123\n', true, '[ANC] $ also matches before a final \\n'],
	['^\\+1\\d{10}$', '+14255550123\n\n', false, '[ANC] $ allows only ONE final \\n'],
	['^\\+1\\d{10}\\z', '+14255550123\n', false, '[ANC] \\z matches at the very end only'],
	['^\\+1\\d{10}\\Z', '+14255550123\n', true, '[ANC] \\Z matches at the end or before a final \\n'],
	['\\A\\+44', '+442071234567', true, '[ANC] \\A is the start of the string'],
	['\\A\\+44', 'x\n+442071234567', false, '[ANC] \\A never matches after a newline'],
	[
		'^\\+44',
		'x\n+442071234567',
		false,
		'[OPT] without Multiline, ^ is the start of the string only',
	],
	// quantified anchors [RP][QUA]
	[
		'^+[1-9][0-9]{3,23}$',
		'+14255550123',
		false,
		'[RP] SDK sample: + repeats ^, it is no literal plus, so "+" is never consumed',
	],
	[
		'^+[1-9][0-9]{3,23}$',
		'14255550123',
		true,
		'[RP] SDK sample: ^+ ≡ ^, so a number without + matches',
	],
	[
		'^*1',
		'21',
		true,
		'[RP][QUA] ^* allows zero repetitions of the anchor, so 1 may match anywhere',
	],
	// \d is Unicode [CC]
	['^\\+\\d+$', '+٤٤٢٠٧١', true, '[CC] \\d is \\p{Nd}: Arabic-Indic digits are decimal digits'],
	['^\\+\\d+$', '+４４２０', true, '[CC] \\d is \\p{Nd}: fullwidth digits are decimal digits'],
	['^\\+\\d+$', '+²', false, '[CC] superscript two is \\p{No}, not \\p{Nd}'],
	['^\\+[0-9]+$', '+٤٤٢٠', false, '[CC] [0-9] is the ASCII range only'],
	// { that is not a quantifier [RP][QUA]
	['^\\+1{,3}$', '+1{,3}', true, '[RP] {,n} has no digit after {, so it is literal text'],
	['^\\+1{,3}$', '+111', false, '[RP] {,n} is not "at most n": the literal text is required'],
	['^\\d{3$', '5{3', true, '[RP] unterminated {3 is literal; $ stays an anchor'],
	['^\\+1{2}$', '+11', true, '[QUA] {n} is exactly n'],
	[
		'\\d{3,2}',
		'123',
		'invalid',
		'[QUA] {n,m} needs n <= m: .NET throws "Illegal {x,y} with x > y"',
	],
	[
		'\\d**',
		'1',
		'invalid',
		'[QUA] .NET has no possessive quantifiers: ** is a nested quantifier error',
	],
	['^\\+1(\\d{10}$', '+14255550123', 'invalid', '[GRP] an unclosed group is a syntax error'],
	// groups [GRP]
	['^\\+(?<cc>44)\\k<cc>', '+4444', true, '[GRP] \\k<name> repeats a named group'],
	[
		"^\\+(?'cc'1)\\d{10}$",
		'+14255550123',
		true,
		"[GRP] (?'name'…) is .NET's second named-group syntax",
	],
	[
		'^(?<a>\\+)(4)\\1$',
		'+44',
		true,
		'[GRP] named groups are numbered after unnamed ones: \\1 is (4)',
	],
	['^(?<a>\\+)(4)\\1$', '+4+', false, '[GRP] \\1 is not the named group (a), unlike JavaScript'],
	[
		'^\\+(?>\\d+)1$',
		'+441',
		false,
		'[GRP] an atomic group gives back nothing, so the final 1 cannot match',
	],
	// options and comments [OPT]
	['^\\+1(?i:x)\\d+$', '+1X5', true, '[OPT] inline (?i:…) makes only that part case-insensitive'],
	['^\\+1x\\d+$', '+1X5', false, '[OPT] without options, matching is case-sensitive'],
	[
		'(?x)^ \\+ 44 \\d{10} $',
		'+442071234567',
		true,
		'[OPT] (?x) ignores unescaped pattern whitespace',
	],
	['^\\+44 \\d{10}$', '+442071234567', false, '[OPT] without x, a space is a literal space'],
	['^\\+44(?# UK)\\d{10}$', '+442071234567', true, '[OPT] (?#…) is an inline comment'],
	['(?s)^\\+1.$', '+1\n', true, '[OPT] with s, . also matches \\n'],
	['^\\+1.$', '+1\n', false, '[CC] . never matches \\n by default'],
	['^\\+1.$', '+1\r', true, '[CC] . matches \\r (only \\n is excluded)'],
	// class subtraction [CC]
	['^\\+[1-9-[7]]\\d+$', '+4420', true, '[CC] [1-9-[7]] is 1-9 without 7: 4 is in'],
	['^\\+[1-9-[7]]\\d+$', '+7495', false, '[CC] [1-9-[7]] excludes 7'],
	// IsMatch semantics [BEH]
	[
		'44',
		'+442071234567',
		true,
		'[BEH] IsMatch finds a match anywhere: no anchors, no whole-number check',
	],
	['^\\+1|', 'anything', true, '[BEH] an empty alternative matches the empty string anywhere'],
	['^\\+1[^\\d\\D]', '+12', false, '[CC] [^\\d\\D] excludes every character: matches nothing'],
	// the real patterns: SDK sample, REST spec, provisioning docs
	[
		'^\\+[1-9][0-9]{3,23}$',
		'+14255550123',
		true,
		'spec example: the escaped plus matches an E.164 number',
	],
	['^\\+[1-9][0-9]{3,23}$', '+0123', false, 'spec example: the first digit is 1-9'],
	[
		'^+1(\\d[10])$',
		'+14255550123',
		false,
		'provisioning doc: ^+ is an anchor and [10] is ONE character (1 or 0)',
	],
	['^+1(\\d[10])$', '110', true, 'provisioning doc: it matches exactly "1", a digit, then 1 or 0'],
	['^\\+1(\\d{10})$', '+14255550123', true, 'provisioning doc, as meant: {10} is the quantifier'],
];

describe('golden .NET IsMatch table (independent oracle)', () => {
	test('the table is big enough and each row is distinct', () => {
		expect(GOLDEN.length).toBeGreaterThanOrEqual(30);
		expect(new Set(GOLDEN.map(([p, i]) => `${p}\u0000${i}`)).size).toBe(GOLDEN.length);
	});

	describe.each(GOLDEN)('%j on %j', (pattern, input, expected, why) => {
		test.each(REGEX_TARGETS)(
			`compileDotnetRegex gives ${String(expected)} (${why}), %s`,
			(_name, target) => {
				const compiled = compileDotnetRegex(pattern, {}, target);
				if (expected === 'invalid') {
					expect(compiled.ok).toBe(false);
					expect(compiled.regex).toBeUndefined();
					return;
				}
				expect(compiled.ok).toBe(true);
				expect(compiled.regex).toBeDefined();
				expect(compiled.regex!.test(input)).toBe(expected);
			},
		);

		test(`routeMatcher gives ${String(expected)}`, () => {
			const route = { name: 'R', numberPattern: pattern, trunks: ['sbc.contoso.com'] };
			const fallback = { name: 'Fallback', numberPattern: '[^\\d\\D]|', trunks: [] };
			const result = matchRoutes({ routes: [route, fallback] }, input);
			if (expected === 'invalid') {
				expect(routeMatchesNumber(route, input)).toBeUndefined();
				expect(result.unevaluated.map((entry) => entry.route.name)).toEqual(['R']);
				expect(result.selectedRoute?.name).toBe('Fallback');
				return;
			}
			expect(routeMatchesNumber(route, input)).toBe(expected);
			expect(result.unevaluated).toEqual([]);
			expect(result.matchingRoutes.map((r) => r.name)).toEqual(
				expected ? ['R', 'Fallback'] : ['Fallback'],
			);
			expect(result.selectedRoute?.name).toBe(expected ? 'R' : 'Fallback');
			expect(result.trunks).toEqual(expected ? ['sbc.contoso.com'] : []);
		});
	});
});
