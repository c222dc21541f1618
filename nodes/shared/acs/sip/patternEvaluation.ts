/**
 * How route patterns are matched: through a PatternMatcher that the caller supplies. The SIP node supplies one
 * that runs off the event loop within a time budget (nodes/shared/regexBudget); the emulator, standing in for
 * the service, and the tests match in their own thread.
 */

export interface PatternMatcher {
  /** Index of the first of `inputs` that `regex` matches, -1 for none; undefined when it was not evaluated. */
  firstMatch(regex: RegExp, inputs: string[]): Promise<number | undefined>;
  /** False once the matcher evaluates nothing more (its time budget is spent), so inputs need not be prepared. */
  canAnswer(): boolean;
}

export const NOT_EVALUATED_LOCALLY =
  'Not evaluated locally: matching this pattern took longer than the local time budget (about 100 ms per run), ' +
  'as nested or overlapping repetitions such as "(\\d+)+" can; the service decides.';

/** Matches in the caller's thread, without a limit. Only for the service's side and for tests. */
export const matcherInThisThread: PatternMatcher = {
  firstMatch: async (regex, inputs) =>
    inputs.findIndex((input) => {
      regex.lastIndex = 0;
      return regex.test(input);
    }),
  canAnswer: () => true,
};
