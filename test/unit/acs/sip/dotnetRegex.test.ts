import {
	compileDotnetRegex,
	dotnetIsMatch,
	RUNTIME_REGEX_TARGET,
	type JsRegexTarget,
} from '../../../../nodes/shared/acs/sip/dotnetRegex';
import { REGEX_TARGETS } from '../../../support/regexTargets';

function matches(pattern: string, input: string, target = RUNTIME_REGEX_TARGET): boolean {
	const compiled = compileDotnetRegex(pattern, {}, target);
	if (!compiled.regex)
		throw new Error(`not evaluable: ${pattern}: ${compiled.error ?? compiled.warnings.join()}`);
	return compiled.regex.test(input);
}

describe('.NET regex translation: constructs JavaScript reads differently', () => {
	test('a quantifier after ^ repeats the anchor (accepted, the + is not a literal plus)', () => {
		// Microsoft's SDK sample: JS `new RegExp` refuses it, .NET accepts it as "^ one or more times"
		expect(() => new RegExp('^+[1-9][0-9]{3,23}$')).toThrow();
		const compiled = compileDotnetRegex('^+[1-9][0-9]{3,23}$');
		expect(compiled.ok).toBe(true);
		expect(matches('^+[1-9][0-9]{3,23}$', '14255550100')).toBe(true);
		expect(matches('^+[1-9][0-9]{3,23}$', '+14255550100')).toBe(false);
	});

	test('^* and ^? make the anchor optional', () => {
		expect(matches('^*1', 'x1')).toBe(true);
		expect(matches('^?1', 'x1')).toBe(true);
		expect(matches('^1', 'x1')).toBe(false);
		expect(matches('^{2}1', 'x1')).toBe(false);
		expect(matches('^{0,1}1', 'x1')).toBe(true);
	});

	test('quantified $ and \\b are accepted too', () => {
		expect(matches('1$+', '21')).toBe(true);
		expect(matches('\\b+1', 'a 1')).toBe(true);
	});

	test('\\d matches any Unicode decimal digit, as in .NET', () => {
		expect(matches('^\\d+$', '١٢٣')).toBe(true); // Arabic-Indic digits
		expect(matches('^[\\d]+$', '١٢٣')).toBe(true);
		expect(matches('^\\D$', '٣')).toBe(false);
		expect(matches('^[0-9]+$', '١٢٣')).toBe(false);
	});

	test('\\w and \\s use the .NET classes', () => {
		expect(matches('^\\w+$', 'Zürich_١')).toBe(true);
		expect(matches('^\\s$', '\u0085')).toBe(true); // NEL is .NET whitespace
		expect(matches('^\\W$', 'a')).toBe(false);
	});

	test('$ and \\Z match before a final newline, \\z only at the very end', () => {
		expect(matches('^\\+1$', '+1\n')).toBe(true);
		expect(matches('^\\+1\\Z', '+1\n')).toBe(true);
		expect(matches('^\\+1\\z', '+1\n')).toBe(false);
		expect(matches('^\\+1$', '+1\n\n')).toBe(false);
		expect(matches('\\A\\+1', 'x\n+1')).toBe(false);
	});

	test('multiline option (?m) makes ^ and $ line anchors', () => {
		expect(matches('(?m)^2$', '1\n2\n3')).toBe(true);
		expect(matches('^2$', '1\n2\n3')).toBe(false);
	});

	test('. excludes only \\n (JS also excludes \\r); (?s) includes it', () => {
		expect(matches('^a.b$', 'a\rb')).toBe(true);
		expect(matches('^a.b$', 'a\nb')).toBe(false);
		expect(matches('(?s)^a.b$', 'a\nb')).toBe(true);
	});

	test('{ that is not a quantifier is a literal: {,n} and {x}', () => {
		expect(matches('^a{,5}$', 'a{,5}')).toBe(true);
		expect(matches('^a{,5}$', 'aaa')).toBe(false);
		expect(matches('^a{x}$', 'a{x}')).toBe(true);
		expect(matches('^a{2,}$', 'aaa')).toBe(true);
	});

	test("named groups (?<n>) and (?'n') with \\k<n>, \\k'n' and numbered backreferences", () => {
		expect(matches('^(?<d>\\d)\\k<d>$', '11')).toBe(true);
		expect(matches('^(?<d>\\d)\\k<d>$', '12')).toBe(false);
		expect(matches("^(?'d'\\d)\\k'd'$", '33')).toBe(true);
		// .NET numbers unnamed groups first, then named ones: (?<n>x) is group 2 here
		expect(matches('^(?<n>x)(\\d)\\1\\2$', 'x55x')).toBe(true);
		expect(matches('^(?<2>a)\\2$', 'aa')).toBe(true);
	});

	test.each(REGEX_TARGETS)(
		'inline options (?i) to the end of the group, (?i:...) scoped, (?-i) off, %s',
		(_name, target: JsRegexTarget) => {
			expect(matches('^(?i)abc$', 'ABC', target)).toBe(true);
			expect(matches('^a(?i:b)c$', 'aBc', target)).toBe(true);
			expect(matches('^a(?i:b)c$', 'aBC', target)).toBe(false);
			expect(matches('^(?i)a(?-i)b$', 'Ab', target)).toBe(true);
			expect(matches('^(?i)a(?-i)b$', 'AB', target)).toBe(false);
			expect(matches('^(x(?i)a)b$', 'xAb', target)).toBe(true);
			expect(matches('^(x(?i)a)b$', 'xAB', target)).toBe(false);
		},
	);

	test('explicit capture (?n) and x-mode whitespace/comments', () => {
		expect(matches('(?n)^(\\d)(?<k>\\d)\\k<k>$', '122')).toBe(true);
		expect(compileDotnetRegex('(?n)(\\d)\\1').ok).toBe(false);
		expect(matches('(?x) ^ \\+ 1 # country code\n \\d{3} $', '+1425')).toBe(true);
		expect(matches('^\\+1(?#comment)\\d$', '+15')).toBe(true);
	});

	test('atomic groups do not backtrack', () => {
		expect(matches('^(?>a+)a$', 'aaa')).toBe(false);
		expect(matches('^(?:a+)a$', 'aaa')).toBe(true);
		expect(matches('^(?>\\+1|\\+)\\d+$', '+15')).toBe(true);
	});

	test('character class subtraction [a-z-[aeiou]]', () => {
		expect(matches('^[a-z-[aeiou]]+$', 'bcd')).toBe(true);
		expect(matches('^[a-z-[aeiou]]+$', 'bad')).toBe(false);
		expect(matches('^[0-9-[0]]$', '0')).toBe(false);
		expect(matches('^[0-9-[0]]$', '7')).toBe(true);
		expect(matches('^[^0-9-[a]]$', 'a')).toBe(false);
		expect(matches('^[a-z-[d-w-[m-o]]]+$', 'amz')).toBe(true);
	});

	test('lookarounds and expression conditionals', () => {
		expect(matches('^(?=\\+1)\\+\\d+$', '+1425')).toBe(true);
		expect(matches('(?<!\\+)1', '+1')).toBe(false);
		expect(matches('^(?(\\+)\\+1|1)\\d$', '+15')).toBe(true);
		expect(matches('^(?(\\+)\\+1|1)\\d$', '15')).toBe(true);
		expect(matches('^(?(\\+)\\+1|1)\\d$', '+5')).toBe(false);
	});

	test('escapes: octal, hex, unicode, control, literal punctuation, ] first in a class', () => {
		expect(matches('^\\x2B\\u0031\\053$', '+1+')).toBe(true);
		expect(matches('^\\cJ$', '\n')).toBe(true);
		expect(matches('^[]a]+$', ']a')).toBe(true);
		expect(matches('^[\\b]$', '\b')).toBe(true);
		expect(matches('^\\+\\(\\)\\{\\}$', '+(){}')).toBe(true);
		expect(matches('^\\12$', '\n')).toBe(true); // not a group: octal 12
	});

	test('\\p{..} categories and a few blocks', () => {
		expect(matches('^\\p{Nd}+$', '٣4')).toBe(true);
		expect(matches('^\\p{IsGreek}$', 'α')).toBe(true);
		expect(matches('^\\P{L}$', 'a')).toBe(false);
		expect(compileDotnetRegex('\\p{Nonsense}').ok).toBe(false);
	});

	test('what .NET refuses is refused, with a position', () => {
		for (const bad of [
			'a**',
			'*a',
			'+1',
			'{2}',
			'a{3,2}',
			'\\q',
			'(a',
			'a)',
			'[a',
			'\\1',
			'[z-a]',
			'(?<x>a)\\k<y>',
			'(?z)',
			'\\',
			'a++',
			'[a-\\d]',
			'(?(1)a|b)',
			'(?(a)b|c|d)',
		]) {
			const compiled = compileDotnetRegex(bad);
			expect({ bad, ok: compiled.ok }).toEqual({ bad, ok: false });
			expect(compiled.error).toMatch(/offset \d+/);
		}
	});

	test('never refuses what .NET accepts: balancing groups and group-test conditionals warn and fall back', () => {
		const balancing = compileDotnetRegex('^(?<o>\\()+(?<c-o>\\))+$');
		expect(balancing.ok).toBe(true);
		expect(balancing.warnings.join()).toMatch(/Balancing group/);
		const conditional = compileDotnetRegex('^(\\+)?(?(1)1|0)$');
		expect(conditional.ok).toBe(true);
		expect(conditional.warnings.join()).toMatch(/Conditional/);
		expect(conditional.regex!.test('+1')).toBe(true);
	});

	test('the route patterns of the spec examples behave as the example says', () => {
		const target = '+14251234567';
		expect(dotnetIsMatch('^\\+1(425|206)\\d{7}$', target)).toBe(true);
		expect(dotnetIsMatch('^\\+1\\d{10}$', target)).toBe(true);
		expect(dotnetIsMatch('^\\+7\\d+$', target)).toBe(false);
		expect(dotnetIsMatch('^\\+\\d+$', target)).toBe(true);
		expect(dotnetIsMatch('^\\+?\\d+$', target)).toBe(true);
		expect(dotnetIsMatch('^\\+1[0-9]{10}$', target)).toBe(true);
	});

	test('IsMatch searches: an unanchored pattern matches anywhere', () => {
		expect(dotnetIsMatch('425', '+14251234567')).toBe(true);
		expect(dotnetIsMatch('(', 'x')).toBeUndefined();
	});
});
