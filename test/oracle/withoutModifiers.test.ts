/**
 * The translator without regexp modifiers (as on Node.js 22) against the translator with them, on the oracle's
 * seeded batch: wherever the two write a pattern differently (it mixes case-sensitive and case-insensitive parts),
 * they give the same IsMatch answer, or the one without modifiers says it does not evaluate the pattern locally
 * (a case-insensitive backreference). Few seeded patterns mix case, so each is also tried made case-insensitive
 * next to a case-sensitive alternative, on its inputs and their upper- and lower-case forms. Mono is not needed:
 * the oracle test compares the path with modifiers to .NET.
 */
import { RUNTIME_REGEX_TARGET, translateDotnetRegex } from '../../nodes/shared/acs/sip/dotnetRegex';
import { WITHOUT_MODIFIERS } from '../support/regexTargets';
import { askTranslator } from './askTranslator';
import type { OurAnswer } from './differential';
import { buildCases, oracleSeed } from './oracleCases';

const PATTERNS = 5000;

if (!RUNTIME_REGEX_TARGET.modifiers) {
	test.skip('the path with regexp modifiers needs Node.js 23 or later', () => undefined);
} else {
	describe(`without regexp modifiers, the translator answers as with them on ${PATTERNS} seeded patterns`, () => {
		const written = new Map<string, boolean>();
		const writtenDifferently = (pattern: string): boolean => {
			let differs = written.get(pattern);
			if (differs === undefined) {
				differs =
					translateDotnetRegex(pattern, {}, WITHOUT_MODIFIERS).source !==
					translateDotnetRegex(pattern, {}, RUNTIME_REGEX_TARGET).source;
				written.set(pattern, differs);
			}
			return differs;
		};
		const seeded = buildCases(oracleSeed(), PATTERNS);
		const caseless = seeded.flatMap(({ pattern, input }) =>
			[input, input.toUpperCase(), input.toLowerCase()].map((variant) => ({
				pattern: `(?i:${pattern})|Q`,
				input: variant,
			})),
		);
		const cases = [...seeded, ...caseless].filter((c) => writtenDifferently(c.pattern));
		const withModifiers = askTranslator(cases, RUNTIME_REGEX_TARGET);
		const withoutModifiers = askTranslator(cases, WITHOUT_MODIFIERS);
		const isMatch = (answer: OurAnswer): boolean | undefined =>
			'isMatch' in answer ? answer.isMatch : undefined;
		const outcomes = cases.map((c, i) => ({
			...c,
			with: withModifiers[i],
			without: withoutModifiers[i],
		}));
		const compared = outcomes.filter(
			(o) => isMatch(o.with) !== undefined && isMatch(o.without) !== undefined,
		);
		const notEvaluated = outcomes.filter(
			(o) => isMatch(o.with) !== undefined && 'notEvaluated' in o.without,
		);
		console.log(
			`without regexp modifiers: ${cases.length} cases of ${new Set(cases.map((c) => c.pattern)).size} mixed-case patterns; ` +
				`IsMatch compared ${compared.length} (${compared.filter((o) => isMatch(o.with)).length} match), ` +
				`not evaluated locally without modifiers only ${notEvaluated.length}`,
		);

		test('the batch has many mixed-case patterns, most of them evaluated both ways', () => {
			expect(new Set(cases.map((c) => c.pattern)).size).toBeGreaterThan(PATTERNS / 4);
			expect(compared.length).toBeGreaterThan(notEvaluated.length);
		});

		test('both give the same IsMatch answer', () => {
			expect(compared.filter((o) => isMatch(o.with) !== isMatch(o.without))).toEqual([]);
		});

		test('what only the path with modifiers evaluates has a case-insensitive backreference', () => {
			const reasons = notEvaluated.map((o) =>
				'notEvaluated' in o.without ? o.without.notEvaluated : '',
			);
			expect(reasons.filter((r) => !/a case-insensitive backreference/.test(r))).toEqual([]);
		});

		test('validity and the other outcomes are the same', () => {
			const kind = (answer: object): string => Object.keys(answer).sort().join();
			const accounted = new Set([...compared, ...notEvaluated]);
			const rest = outcomes.filter((o) => !accounted.has(o));
			expect(rest.filter((o) => kind(o.with) !== kind(o.without))).toEqual([]);
		});
	});
}
