import { compileDotnetRegex } from '../../../nodes/shared/acs/sip/dotnetRegex';
import { BudgetedMatcher } from '../../../nodes/shared/regexBudget/budgetedMatcher';

/** A .NET pattern as the thread receives it. */
function question(pattern: string, inputs: string[]) {
	const { regex } = compileDotnetRegex(pattern);
	if (!regex) throw new Error(`not translatable: ${pattern}`);
	return { source: regex.source, flags: regex.flags, inputs };
}

/** Exponential backtracking: 2^40 ways to split the digits before the final "x" fails the match. */
const HOSTILE = question('^\\+(\\d+)+$', [`+${'1'.repeat(40)}x`]);

describe('BudgetedMatcher', () => {
	let matcher: BudgetedMatcher;
	afterEach(async () => await matcher.close());

	it('answers with the index of the first matching input, -1 for none, with .NET semantics', async () => {
		matcher = new BudgetedMatcher();
		expect(await matcher.firstMatch(question('^\\+1\\d{3}$', ['+44123', '+1425', '+1206']))).toBe(
			1,
		);
		expect(await matcher.firstMatch(question('^+1\\d{3}$', ['+1425']))).toBe(-1);
		expect(await matcher.firstMatch(question('^+1\\d{3}$', ['1425']))).toBe(0);
		expect(await matcher.firstMatch(question('^\\d$', ['٣']))).toBe(0);
		expect(await matcher.firstMatch(question('^\\d$', []))).toBe(-1);
	});

	it('answers a catastrophic question "not evaluated" and still answers the next one on a new thread', async () => {
		matcher = new BudgetedMatcher();
		expect(await matcher.firstMatch(HOSTILE)).toBeUndefined();
		expect(matcher.canAnswer()).toBe(true);
		expect(await matcher.firstMatch(question('^\\+\\d+$', ['x', '+1']))).toBe(1);
	});

	it('answers nothing more once the budget is spent', async () => {
		matcher = new BudgetedMatcher({ totalMs: 30, perQuestionMs: 30, startupMs: 10_000 });
		expect(await matcher.firstMatch(HOSTILE)).toBeUndefined();
		expect(matcher.canAnswer()).toBe(false);
		expect(await matcher.firstMatch(question('^\\+\\d+$', ['+1']))).toBeUndefined();
	});

	it('close() stops a thread in the middle of a match; the pending question is answered "not evaluated"', async () => {
		matcher = new BudgetedMatcher({ totalMs: 600_000, perQuestionMs: 600_000, startupMs: 10_000 });
		expect(await matcher.firstMatch(question('^1$', ['1']))).toBe(0);
		const pending = matcher.firstMatch(HOSTILE);
		await matcher.close();
		expect(await pending).toBeUndefined();
		expect(matcher.canAnswer()).toBe(false);
	});

	it('answers "not evaluated" when the expression does not compile in JavaScript', async () => {
		matcher = new BudgetedMatcher();
		expect(await matcher.firstMatch({ source: '(', flags: 'v', inputs: ['('] })).toBeUndefined();
	});
});
