import {
	matcherInThisThread,
	NOT_EVALUATED_LOCALLY,
	type PatternMatcher,
} from '../../../../nodes/shared/acs/sip/patternEvaluation';
import { matchRoutes, matchRoutesWithin } from '../../../../nodes/shared/acs/sip/routeMatcher';
import { lintRoutePattern as lintWith } from '../../../../nodes/shared/acs/sip/routePatternLint';

const lintRoutePattern = (pattern: string) => lintWith(pattern, matcherInThisThread);
const codes = async (pattern: string) => (await lintRoutePattern(pattern)).hints.map((h) => h.code);

describe('route pattern hints', () => {
	test('a good E.164 pattern gets no hint', async () => {
		expect(await codes('^\\+[1-9][0-9]{3,23}$')).toEqual([]);
		expect(await codes('^\\+1(425|206)\\d{7}$')).toEqual([]);
		expect(await codes('^\\+?\\d+$')).toEqual([]);
	});

	test('the SDK sample ^+[1-9]... : quantified anchor, cannot match a number with +', async () => {
		const lint = await lintRoutePattern('^+[1-9][0-9]{3,23}$');
		expect(lint.valid).toBe(true);
		expect(lint.hints.map((h) => h.code)).toEqual(['quantifiedAnchor', 'cannotMatchPlus']);
		expect(lint.hints[0].message).toContain('^\\+');
	});

	test('^1\\d{10}$ cannot match an E.164 number with its +', async () => {
		const { hints } = await lintRoutePattern('^1\\d{10}$');
		expect(hints.map((h) => h.code)).toEqual(['cannotMatchPlus']);
		expect(hints[0].message).toContain('+1');
	});

	test("Microsoft docs' ^+1(\\d[10])$ : class used as a count", async () => {
		const { hints } = await lintRoutePattern('^+1(\\d[10])$');
		expect(hints.map((h) => h.code)).toEqual([
			'quantifiedAnchor',
			'classUsedAsCount',
			'cannotMatchPlus',
		]);
		expect(hints[1].message).toContain('{10}');
	});

	test('a pattern that matches no number at all', async () => {
		expect(await codes('^\\+1[a-z]$')).toEqual(['matchesNothing']);
		expect(await codes('^$x')).toContain('matchesNothing');
	});

	test('missing anchors and whitespace', async () => {
		expect(await codes('\\+1425')).toEqual(['missingStartAnchor', 'missingEndAnchor']);
		expect(await codes('^\\+1 425\\d+$')).toEqual(['whitespace', 'matchesNothing']);
	});

	test('^* makes the anchor optional', async () => {
		expect(await codes('^*\\+1\\d+$')).toEqual(['quantifiedAnchor']);
	});

	test('invalid .NET is reported as invalid, not as hints', async () => {
		const lint = await lintRoutePattern('^\\+1(\\d{3}$');
		expect(lint.valid).toBe(false);
		expect(lint.error).toMatch(/Not enough \)'s/);
	});

	test('approximations are surfaced', async () => {
		expect(await codes('^(\\+)?(?(1)\\d+|\\d+)$')).toContain('approximateEvaluation');
	});
});

describe('route pattern hints when the matcher does not evaluate', () => {
	const silent = (canAnswer: boolean) => {
		const asked: string[][] = [];
		const matcher: PatternMatcher = {
			firstMatch: async (_regex, inputs) => {
				asked.push(inputs);
				return undefined;
			},
			canAnswer: () => canAnswer,
		};
		return { matcher, asked };
	};

	test('a question left unanswered gives the "not evaluated locally" hint, after the static ones', async () => {
		const { matcher } = silent(true);
		const lint = await lintWith('^+1\\d+', matcher);
		expect(lint).toMatchObject({ valid: true, evaluated: false });
		expect(lint.hints.map((h) => h.code)).toEqual([
			'quantifiedAnchor',
			'missingEndAnchor',
			'notEvaluatedLocally',
		]);
		expect(lint.hints[2].message).toBe(NOT_EVALUATED_LOCALLY);
	});

	test('a matcher that answers nothing more is not asked, and no sample numbers are prepared', async () => {
		const { matcher, asked } = silent(false);
		const lint = await lintWith('^\\+1\\d{10}$', matcher);
		expect(lint.evaluated).toBe(false);
		expect(asked).toEqual([]);
	});

	test('an evaluated pattern says so', async () => {
		expect((await lintRoutePattern('^\\+1\\d{10}$')).evaluated).toBe(true);
	});
});

describe('matchRoutesWithin', () => {
	const routes = [
		{ name: 'slow', numberPattern: '^\\+(\\d+)+$', trunks: ['a.contoso.com'] },
		{ name: 'US', numberPattern: '^\\+1\\d{10}$', trunks: ['b.contoso.com'] },
	];
	let questions = 0;
	const leavesFirstUnanswered: PatternMatcher = {
		firstMatch: async (regex, inputs) =>
			questions++ === 0 ? undefined : matcherInThisThread.firstMatch(regex, inputs),
		canAnswer: () => true,
	};

	test('a route left unanswered is listed as not evaluated, over budget; the others are matched', async () => {
		const result = await matchRoutesWithin(
			{ trunks: {}, routes },
			'+14255550100',
			leavesFirstUnanswered,
		);
		expect(result.matchingRoutes.map((r) => r.name)).toEqual(['US']);
		expect(result.selectedRoute?.name).toBe('US');
		expect(result.unevaluated).toEqual([
			{ route: routes[0], reason: NOT_EVALUATED_LOCALLY, overBudget: true },
		]);
	});

	test('with a matcher in this thread it agrees with matchRoutes', async () => {
		const config = { trunks: {}, routes };
		const within = await matchRoutesWithin(config, '+14255550100', matcherInThisThread);
		expect(within).toEqual(matchRoutes(config, '+14255550100'));
	});
});
