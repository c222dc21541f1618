/**
 * Translator bugs the .NET oracle (test/oracle) found, each pinned with Mono's answer, so they stay fixed on
 * machines without Mono.
 */
import { compileDotnetRegex, dotnetIsMatch } from '../../../../nodes/shared/acs/sip/dotnetRegex';
import { REGEX_TARGETS } from '../../../support/regexTargets';

describe.each(REGEX_TARGETS)('.NET regex translation: oracle findings, %s', (_name, target) => {
	const compile = (pattern: string) => compileDotnetRegex(pattern, {}, target);
	const isMatch = (pattern: string, input: string) => dotnetIsMatch(pattern, input, target);
	const invalid = (pattern: string): string | undefined => compile(pattern).error;

	test('a balancing group naming an undefined group is refused, as .NET does', () => {
		expect(invalid('(?<-nope>x)')).toMatch(/Reference to undefined group name nope\./);
		expect(invalid('(?<a-2>x)')).toMatch(/Reference to undefined group number 2\./);
		expect(compile('(?<a>y)(?<-a>x)').ok).toBe(true);
		expect(compile('(?<-a>x)(?<a>y)').ok).toBe(true); // defined later still counts
	});

	test('option groups directly inside an expression conditional are refused; elsewhere they are fine', () => {
		expect(invalid('(?(?=a)b|(?i)c)')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(?=a)b|(?i:c))')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(?i)a|b)')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(a)(?i)b|c)')).toMatch(/Unrecognized grouping construct\./); // a is no group: an expression
		expect(compile('(?<a>x)(?(a)(?i)b|c)').ok).toBe(true); // a group test allows options
		expect(compile('(?(?=a)b|(c(?i)))').ok).toBe(true); // nested one group deeper
		expect(isMatch('(?(?=a)a|(?:(?i)b))', 'B')).toBe(true);
	});

	test('option letters in any case, with + and - anywhere', () => {
		expect(isMatch('(?I)a', 'A')).toBe(true);
		expect(isMatch('(?+i)a', 'A')).toBe(true);
		expect(isMatch('(?-+i)a', 'A')).toBe(true);
		expect(isMatch('(?--i)a', 'A')).toBe(false);
		expect(isMatch('(?i+-s:a)', 'A')).toBe(true);
		expect(isMatch('(?X)a b', 'ab')).toBe(true);
	});

	test('(?(digits…) must be a group number and a closing parenthesis', () => {
		expect(invalid('(?(1?)x)')).toMatch(/\(\?\(1\) \) malformed\./);
		expect(invalid('(a)(?(1 )x|y)')).toMatch(/malformed/);
		expect(isMatch('(?(١)x|y)', 'y')).toBe(true); // a non-ASCII digit is an expression test
	});

	test('group 0 exists for references and conditionals, and has not captured while matching', () => {
		expect(isMatch('a\\k<0>', 'aa')).toBe(false);
		expect(isMatch("\\k'0'", '')).toBe(false);
		expect(isMatch('(?(0)x|y)', 'y')).toBe(true);
		expect(isMatch('(?(0)x|y)', 'x')).toBe(false);
		expect(compile('(?<a-0>x)').ok).toBe(true);
	});

	test('\\- in a class is a lone hyphen: it neither starts nor ends a range', () => {
		expect(isMatch('[\\--*]', '*')).toBe(true);
		expect(isMatch('[\\--*]', ',')).toBe(false);
		expect(isMatch('[\\--/]', '.')).toBe(false);
		expect(isMatch('[a-\\-z]', 'm')).toBe(true); // the range a-z carries over the \-
		expect(isMatch('[a-\\-]', '-')).toBe(true);
		expect(isMatch('[a-\\-]', 'a')).toBe(false); // .NET drops the unfinished range
		expect(isMatch('[!-\\-]', '#')).toBe(false);
	});

	test('\\c takes an ASCII letter or @[\\]^_ only', () => {
		expect(invalid('\\cß')).toMatch(/Unrecognized control character\./); // 'ß'.toUpperCase() is "SS"
		expect(invalid('\\cı')).toMatch(/Unrecognized control character\./); // dotless i uppercases to I
		expect(isMatch('\\cj', '\n')).toBe(true);
		expect(isMatch('\\c[', '\u001b')).toBe(true);
	});

	test('inside a lookbehind (matched right to left) atomic groups and conditionals keep their meaning', () => {
		expect(isMatch('(?<=(?>ab))c', 'abc')).toBe(true);
		expect(isMatch('(?<=(?>a+))c', 'aac')).toBe(true);
		expect(isMatch('(?<=(?>ab))c', 'xbc')).toBe(false);
		// the test is made at the conditional's right end; an expression test runs right to left there too
		expect(isMatch('(?<=(?(?=\\d)1|\\+))x', '1x')).toBe(false);
		expect(isMatch('(?<=(?(?=x)1|\\+))x', '1x')).toBe(true);
		expect(isMatch('(?<=(?(?<=\\+)1|2))x', '+2x')).toBe(true);
		expect(isMatch('(?<=(?(b)a|x))b', 'ab')).toBe(false);
		expect(isMatch('(?<=(?(?!a)b|a))c', 'ac')).toBe(false);
		expect(isMatch('(?<=(?(?!c)b|a))c', 'ac')).toBe(true);
	});

	test('\\p{IsName} knows every .NET block and refuses other names', () => {
		expect(isMatch('^\\p{IsThai}$', 'ก')).toBe(true);
		expect(isMatch('^\\p{IsSpecials}$', '\uffff')).toBe(true);
		expect(isMatch('^\\P{IsBasicLatin}$', 'é')).toBe(true);
		expect(invalid('\\p{IsGree}')).toMatch(/Unknown property 'IsGree'\./);
		expect(invalid('\\p{IsLatinExtended_A}')).toMatch(/Unknown property/); // .NET spells it IsLatinExtended-A
		expect(compile('\\p{_xmlD}').ok).toBe(true); // an internal class .NET accepts
	});

	test('a backreference to a group that may not have captured is flagged as approximate', () => {
		// .NET fails such a backreference; JavaScript matches it as empty (and resets captures on each repetition)
		const flagged = (pattern: string): boolean =>
			compile(pattern).warnings.some((w) => /may not have captured/.test(w));
		expect(flagged('(a)?\\1b')).toBe(true);
		expect(flagged('\\1(a)')).toBe(true);
		expect(flagged('(a\\1)')).toBe(true);
		expect(flagged('(?:(a)|b){2}\\1')).toBe(true);
		expect(flagged('(?!(a))\\1')).toBe(true);
		expect(flagged('(a)\\1')).toBe(false);
		expect(flagged('(\\d)+\\1')).toBe(false);
		expect(flagged('(?=(a))\\1')).toBe(false);
		expect(flagged('(?<=\\1(a))b')).toBe(false); // a lookbehind is matched right to left
		expect(flagged('(?<n>a|b)\\k<n>')).toBe(false);
	});

	test('a quantifier after an octal escape with trailing digits applies to the last digit', () => {
		expect(isMatch('^\\269{2}$', '\u001699')).toBe(true); // \26 is octal, then 9{2}
		expect(isMatch('^\\269{2}$', '\u00169\u00169')).toBe(false);
		expect(isMatch('^(a)\\1{2}$', 'aaa')).toBe(true);
	});

	test('a backreference number beyond Int32.MaxValue is refused', () => {
		expect(invalid('\\2147483648')).toMatch(
			/Capture group numbers must be less than or equal to Int32\.MaxValue\./,
		);
		expect(invalid('\\k<99999999999>')).toMatch(/Int32\.MaxValue/);
		expect(isMatch('\\2147483647', '\u008c7483647')).toBe(true); // octal \214, then digits
	});

	test('a case-sensitive class after a (?i:…) group stays case-sensitive', () => {
		// V8 with the v flag lets such a class ignore case unless it is wrapped in (?-i:…)
		expect(isMatch('(?i:a)[^a-z]', 'aZ')).toBe(true);
		expect(isMatch('(?i:a)[b]', 'aB')).toBe(false);
		expect(isMatch('(?i:a)\\P{Ll}', 'aA')).toBe(true);
		expect(isMatch('(?i:a)x[^b]', 'axB')).toBe(true);
	});
});
