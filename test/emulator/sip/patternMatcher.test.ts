/**
 * The emulator's own .NET pattern reader and matcher (emulator/sip/), on facts checked against .NET's engine (Mono,
 * see test/oracle/): validity, Regex.IsMatch, what it leaves unevaluated, and bounded work.
 */
import { readDotnetPattern } from '../../../emulator/sip/dotnetPattern';
import { automatonMatches, buildAutomaton, MAX_STATES } from '../../../emulator/sip/patternMachine';
import {
	checkNumberPattern,
	matchRoutes,
	numberPatternMatches,
} from '../../../emulator/sip/routeMatching';

const isMatch = (pattern: string, input: string) => {
	const answer = numberPatternMatches(pattern, input);
	if (!answer.evaluated) throw new Error(`${pattern}: ${answer.reason}`);
	return answer.isMatch;
};

describe('the emulator reads .NET patterns', () => {
	test.each([
		['a{2,1}', 'Illegal {x,y} with x > y.'],
		['[z-a]', '[x-y] range in reverse order.'],
		['(', "Not enough )'s."],
		[')', "Too many )'s."],
		['a**', 'Nested quantifier.'],
		['*1', 'Quantifier following nothing.'],
		['(?i)*a', 'Quantifier following nothing.'],
		['\\q', 'Unrecognized escape sequence \\q.'],
		['[a-\\d]', 'Cannot include class \\d in character range.'],
		['\\p{Foo}', "Unknown property 'Foo'."],
		[
			'a{2147483648}',
			'Quantifier and capture group numbers must be less than or equal to Int32.MaxValue.',
		],
		['(?<a>x)\\2', 'Reference to undefined group number 2.'],
		['\\k<x>', 'Reference to undefined group name x.'],
		['(?q)', 'Unrecognized grouping construct.'],
	])('refuses %s: %s', (pattern, reason) => {
		expect(checkNumberPattern(pattern)).toEqual({ valid: false, reason });
	});

	test.each([
		'^+[1-9][0-9]{3,23}$',
		'\\d{,3}',
		'[\\d-z]',
		'[a-\\-z]',
		'٣{1}(?#c)?',
		'(?<n>1)',
		"(?'n'1)",
		'(?<2>1)',
		'[0-9-[5]]',
		'\\<x',
		'(?I)a',
	])('accepts %s, as .NET does', (pattern) => expect(checkNumberPattern(pattern).valid).toBe(true));

	test.each([
		['^(?=\\+1)\\d', 'lookahead'],
		['(a)\\1', 'backreferences'],
		['(?i)a', 'inline options'],
		['\\p{IsGreek}', 'Unicode block'],
		['(?(1)a|b)', 'conditional'],
	])('accepts %s without evaluating it (%s)', (pattern, construct) => {
		const check = checkNumberPattern(pattern);
		expect(check.valid).toBe(true);
		expect(check.valid && check.unsupported).toContain(construct);
		expect(numberPatternMatches(pattern, '+1')).toMatchObject({ evaluated: false });
	});
});

describe('the emulator matches as Regex.IsMatch', () => {
	test.each([
		['^+[1-9][0-9]{3,23}$', '+14255550100', false],
		['^+[1-9][0-9]{3,23}$', '14255550100', true],
		['^\\+1\\d{10}$', '+14255550100\n', true],
		['^\\+1\\d{10}$', '+14255550100\n\n', false],
		['^\\+1\\d{10}\\z', '+14255550100\n', false],
		['\\d{4}', '+1 4255', true],
		['^\\d$', '٣', true],
		['^\\d$', '\u{1d7ce}', false],
		['^.$', '\u{1d7ce}', false],
		['^..$', '\u{1d7ce}', true],
		['[0-9-[5]]{4}', '1254', false],
		['^\\b1\\b$', '1', true],
		['^\\+\\d{,3}$', '+1{,3}', true],
		['^\\+1{,3}', '+1{,3}', true],
		['^(\\+|00)44', '0044', true],
		['^*1', 'x1', true],
	])('%s on %j: %s', (pattern, input, expected) => {
		expect(isMatch(pattern, input)).toBe(expected);
	});

	test('a pattern that freezes backtracking engines is answered in bounded work', () => {
		expect(isMatch('^\\+(\\d+)+$', `+${'1'.repeat(5000)}x`)).toBe(false);
		expect(isMatch('^(\\d|\\d\\d)*$', `${'1'.repeat(5000)}x`)).toBe(false);
	});

	test('a count that would build a huge automaton is not evaluated, and a huge count over nothing costs nothing', () => {
		const reading = readDotnetPattern(`\\d{${MAX_STATES + 1}}`);
		expect(reading.kind === 'ok' && buildAutomaton(reading.tree).kind).toBe('tooLarge');
		expect(numberPatternMatches('^(){2147483647}1$', '1')).toEqual({
			evaluated: true,
			isMatch: true,
		});
	});

	test('a run above the step bound is not evaluated', () => {
		const reading = readDotnetPattern('\\d{1,9000}');
		const automaton = reading.kind === 'ok' ? buildAutomaton(reading.tree) : undefined;
		expect(automaton?.kind).toBe('ok');
		expect(
			automaton?.kind === 'ok' && automatonMatches(automaton.program, '1'.repeat(1000)),
		).toBeUndefined();
	});

	test('routes: every match in route order; the first unevaluable route is named', () => {
		const routes = [
			{ name: 'US', numberPattern: '^\\+1\\d{10}$' },
			{ name: 'Other', numberPattern: '^\\+44' },
			{ name: 'Any', numberPattern: '\\d' },
		];
		expect(matchRoutes(routes, '+14255550100')).toEqual({ matchingRoutes: [routes[0], routes[2]] });
		const odd = { name: 'Odd', numberPattern: '(?=1)1' };
		expect(matchRoutes([...routes, odd], '+1')).toMatchObject({ notEvaluated: odd });
	});
});
