/**
 * Translator bugs the .NET oracle (test/oracle) found, each pinned with Mono's answer, so they stay fixed on
 * machines without Mono.
 */
import { compileDotnetRegex, dotnetIsMatch } from '../../../../nodes/shared/acs/sip/dotnetRegex';

const invalid = (pattern: string): string | undefined => compileDotnetRegex(pattern).error;

describe('.NET regex translation: oracle findings', () => {
	test('a balancing group naming an undefined group is refused, as .NET does', () => {
		expect(invalid('(?<-nope>x)')).toMatch(/Reference to undefined group name nope\./);
		expect(invalid('(?<a-2>x)')).toMatch(/Reference to undefined group number 2\./);
		expect(compileDotnetRegex('(?<a>y)(?<-a>x)').ok).toBe(true);
		expect(compileDotnetRegex('(?<-a>x)(?<a>y)').ok).toBe(true); // defined later still counts
	});

	test('option groups directly inside an expression conditional are refused; elsewhere they are fine', () => {
		expect(invalid('(?(?=a)b|(?i)c)')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(?=a)b|(?i:c))')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(?i)a|b)')).toMatch(/Unrecognized grouping construct\./);
		expect(invalid('(?(a)(?i)b|c)')).toMatch(/Unrecognized grouping construct\./); // a is no group: an expression
		expect(compileDotnetRegex('(?<a>x)(?(a)(?i)b|c)').ok).toBe(true); // a group test allows options
		expect(compileDotnetRegex('(?(?=a)b|(c(?i)))').ok).toBe(true); // nested one group deeper
		expect(dotnetIsMatch('(?(?=a)a|(?:(?i)b))', 'B')).toBe(true);
	});

	test('option letters in any case, with + and - anywhere', () => {
		expect(dotnetIsMatch('(?I)a', 'A')).toBe(true);
		expect(dotnetIsMatch('(?+i)a', 'A')).toBe(true);
		expect(dotnetIsMatch('(?-+i)a', 'A')).toBe(true);
		expect(dotnetIsMatch('(?--i)a', 'A')).toBe(false);
		expect(dotnetIsMatch('(?i+-s:a)', 'A')).toBe(true);
		expect(dotnetIsMatch('(?X)a b', 'ab')).toBe(true);
	});

	test('(?(digits…) must be a group number and a closing parenthesis', () => {
		expect(invalid('(?(1?)x)')).toMatch(/\(\?\(1\) \) malformed\./);
		expect(invalid('(a)(?(1 )x|y)')).toMatch(/malformed/);
		expect(dotnetIsMatch('(?(١)x|y)', 'y')).toBe(true); // a non-ASCII digit is an expression test
	});

	test('group 0 exists for references and conditionals, and has not captured while matching', () => {
		expect(dotnetIsMatch('a\\k<0>', 'aa')).toBe(false);
		expect(dotnetIsMatch("\\k'0'", '')).toBe(false);
		expect(dotnetIsMatch('(?(0)x|y)', 'y')).toBe(true);
		expect(dotnetIsMatch('(?(0)x|y)', 'x')).toBe(false);
		expect(compileDotnetRegex('(?<a-0>x)').ok).toBe(true);
	});

	test('\\- in a class is a lone hyphen: it neither starts nor ends a range', () => {
		expect(dotnetIsMatch('[\\--*]', '*')).toBe(true);
		expect(dotnetIsMatch('[\\--*]', ',')).toBe(false);
		expect(dotnetIsMatch('[\\--/]', '.')).toBe(false);
		expect(dotnetIsMatch('[a-\\-z]', 'm')).toBe(true); // the range a-z carries over the \-
		expect(dotnetIsMatch('[a-\\-]', '-')).toBe(true);
		expect(dotnetIsMatch('[a-\\-]', 'a')).toBe(false); // .NET drops the unfinished range
		expect(dotnetIsMatch('[!-\\-]', '#')).toBe(false);
	});

	test('\\c takes an ASCII letter or @[\\]^_ only', () => {
		expect(invalid('\\cß')).toMatch(/Unrecognized control character\./); // 'ß'.toUpperCase() is "SS"
		expect(invalid('\\cı')).toMatch(/Unrecognized control character\./); // dotless i uppercases to I
		expect(dotnetIsMatch('\\cj', '\n')).toBe(true);
		expect(dotnetIsMatch('\\c[', '\u001b')).toBe(true);
	});

	test('inside a lookbehind (matched right to left) atomic groups and conditionals keep their meaning', () => {
		expect(dotnetIsMatch('(?<=(?>ab))c', 'abc')).toBe(true);
		expect(dotnetIsMatch('(?<=(?>a+))c', 'aac')).toBe(true);
		expect(dotnetIsMatch('(?<=(?>ab))c', 'xbc')).toBe(false);
		// the test is made at the conditional's right end; an expression test runs right to left there too
		expect(dotnetIsMatch('(?<=(?(?=\\d)1|\\+))x', '1x')).toBe(false);
		expect(dotnetIsMatch('(?<=(?(?=x)1|\\+))x', '1x')).toBe(true);
		expect(dotnetIsMatch('(?<=(?(?<=\\+)1|2))x', '+2x')).toBe(true);
		expect(dotnetIsMatch('(?<=(?(b)a|x))b', 'ab')).toBe(false);
		expect(dotnetIsMatch('(?<=(?(?!a)b|a))c', 'ac')).toBe(false);
		expect(dotnetIsMatch('(?<=(?(?!c)b|a))c', 'ac')).toBe(true);
	});

	test('\\p{IsName} knows every .NET block and refuses other names', () => {
		expect(dotnetIsMatch('^\\p{IsThai}$', 'ก')).toBe(true);
		expect(dotnetIsMatch('^\\p{IsSpecials}$', '\uffff')).toBe(true);
		expect(dotnetIsMatch('^\\P{IsBasicLatin}$', 'é')).toBe(true);
		expect(invalid('\\p{IsGree}')).toMatch(/Unknown property 'IsGree'\./);
		expect(invalid('\\p{IsLatinExtended_A}')).toMatch(/Unknown property/); // .NET spells it IsLatinExtended-A
		expect(compileDotnetRegex('\\p{_xmlD}').ok).toBe(true); // an internal class .NET accepts
	});

	test('a backreference to a group that may not have captured is flagged as approximate', () => {
		// .NET fails such a backreference; JavaScript matches it as empty (and resets captures on each repetition)
		const flagged = (pattern: string): boolean =>
			compileDotnetRegex(pattern).warnings.some((w) => /may not have captured/.test(w));
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
		expect(dotnetIsMatch('^\\269{2}$', '\u001699')).toBe(true); // \26 is octal, then 9{2}
		expect(dotnetIsMatch('^\\269{2}$', '\u00169\u00169')).toBe(false);
		expect(dotnetIsMatch('^(a)\\1{2}$', 'aaa')).toBe(true);
	});

	test('a backreference number beyond Int32.MaxValue is refused', () => {
		expect(invalid('\\2147483648')).toMatch(
			/Capture group numbers must be less than or equal to Int32\.MaxValue\./,
		);
		expect(invalid('\\k<99999999999>')).toMatch(/Int32\.MaxValue/);
		expect(dotnetIsMatch('\\2147483647', '\u008c7483647')).toBe(true); // octal \214, then digits
	});

	test('a case-sensitive class after a (?i:…) group stays case-sensitive', () => {
		// V8 with the v flag lets such a class ignore case unless it is wrapped in (?-i:…)
		expect(dotnetIsMatch('(?i:a)[^a-z]', 'aZ')).toBe(true);
		expect(dotnetIsMatch('(?i:a)[b]', 'aB')).toBe(false);
		expect(dotnetIsMatch('(?i:a)\\P{Ll}', 'aA')).toBe(true);
		expect(dotnetIsMatch('(?i:a)x[^b]', 'axB')).toBe(true);
	});
});
