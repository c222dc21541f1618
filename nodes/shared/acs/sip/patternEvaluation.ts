/**
 * How route patterns are matched: through a PatternMatcher that the caller supplies. The SIP node supplies one
 * that runs off the event loop within a time budget (nodes/shared/regexBudget); the emulator, standing in for
 * the service, and the tests match in their own thread.
 */

/** A translated pattern (translateDotnetRegex): what a RegExp is built from. */
export interface RegexText {
	source: string;
	flags: string;
}

export interface PatternMatcher {
	/** Index of the first of `inputs` that the regex matches, -1 for none; undefined when it was not evaluated. */
	firstMatch(regex: RegexText, inputs: string[]): Promise<number | undefined>;
	/** False once the matcher evaluates nothing more (its time budget is spent), so inputs need not be prepared. */
	canAnswer(): boolean;
}

export const NOT_EVALUATED_LOCALLY =
	'Not evaluated locally: this pattern could not be matched here within the local time budget (about 100 ms per ' +
	'run); nested or overlapping repetitions such as "(\\d+)+" can take minutes. The service decides.';

/** Matches in the caller's thread, without a limit. Only for the service's side and for tests. */
export const matcherInThisThread: PatternMatcher = {
	firstMatch: async ({ source, flags }, inputs) => {
		const regex = new RegExp(source, flags);
		return inputs.findIndex((input) => regex.test(input));
	},
	canAnswer: () => true,
};
