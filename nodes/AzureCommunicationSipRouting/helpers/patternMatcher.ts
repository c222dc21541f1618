import type { IExecuteFunctions } from 'n8n-workflow';

import type { PatternMatcher } from '../../shared/acs/sip/patternEvaluation';
import { BudgetedMatcher } from '../../shared/regexBudget/budgetedMatcher';

const matchers = new WeakMap<IExecuteFunctions, BudgetedMatcher>();

function budgetedMatcherOf(context: IExecuteFunctions): BudgetedMatcher {
	let matcher = matchers.get(context);
	if (!matcher) {
		matcher = new BudgetedMatcher();
		matchers.set(context, matcher);
	}
	return matcher;
}

/**
 * How this node run matches route patterns: off the event loop, on one thread and within one time budget for
 * the whole run (the thread starts on first use).
 */
export function patternMatcherOf(context: IExecuteFunctions): PatternMatcher {
	return {
		firstMatch: async ({ source, flags }, inputs) =>
			await budgetedMatcherOf(context).firstMatch({ source, flags, inputs }),
		canAnswer: () => matchers.get(context)?.canAnswer() ?? true,
	};
}

/** Stops the run's matching thread; the router calls it when the run ends, however it ends. */
export async function endPatternMatching(context: IExecuteFunctions): Promise<void> {
	const matcher = matchers.get(context);
	matchers.delete(context);
	await matcher?.close();
}
