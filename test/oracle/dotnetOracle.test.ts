/**
 * Differential test of the .NET pattern translator, and of the emulator's own pattern matcher, against Mono's
 * System.Text.RegularExpressions: thousands of seeded patterns and inputs, compared on validity and IsMatch. Mono is installed when missing (root + apt-get);
 * in CI (CI=true) a missing oracle fails, elsewhere the test is skipped with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { askEmulator } from './askEmulator';
import { askTranslator } from './askTranslator';
import { compare, type Comparison, type Disagreement } from './differential';
import { EMULATOR_KNOWN_DIFFERENCES } from './emulatorKnownDifferences';
import { KNOWN_DIFFERENCES, type KnownDifference } from './knownDifferences';
import { askMono, setUpMonoOracle } from './monoOracle';
import { buildCases, CI_SEED, oracleSeed } from './oracleCases';
import { withoutCellPadding } from '../support/markdownTables';

const PATTERNS = 5000;
const seed = oracleSeed();
const setup = setUpMonoOracle();

function describeCase(d: Disagreement): string {
	return `${d.kind}: pattern ${JSON.stringify(d.pattern)} input ${JSON.stringify(d.input)}\n    .NET ${JSON.stringify(d.dotnet)}\n    ours ${JSON.stringify(d.ours)}`;
}

function figures(result: Comparison): string {
	const known = knownCounts(result);
	return [
		`seed ${seed}: ${result.cases} cases; .NET: ${result.dotnetValid} valid (${result.dotnetMatches} match, ${result.dotnetNonMatches} no match, ${result.dotnetTimeouts} timeout, ${result.dotnetCrashes.length} Mono engine crash), ${result.dotnetInvalid} invalid`,
		`agree on validity: ${result.agreeOnValidity}/${result.cases}; agree on IsMatch: ${result.agreeOnIsMatch}/${result.comparedIsMatch}; not evaluated locally: ${result.notEvaluatedLocally}`,
		`known differences: ${[...known].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`,
		...result.dotnetCrashes
			.slice(0, 5)
			.map((d) => `Mono engine crash (no .NET answer): ${describeCase(d)}`),
		...result.localUnfinished
			.slice(0, 5)
			.map((d) => `JavaScript did not finish (not compared): ${describeCase(d)}`),
	].join('\n');
}

/** The figures table of docs/sip-routing-node.md ("Agreement with .NET"), as the batch gives it. */
function agreementTable(r: Comparison): string {
	const n = (value: number): string => value.toLocaleString('en-US');
	return [
		`| cases | ${n(r.cases)} |`,
		`| .NET accepts / refuses the pattern | ${n(r.dotnetValid)} / ${n(r.dotnetInvalid)} |`,
		`| .NET IsMatch true / false / timeout / Mono crash | ${n(r.dotnetMatches)} / ${n(r.dotnetNonMatches)} / ${n(r.dotnetTimeouts)} / ${n(r.dotnetCrashes.length)} |`,
		`| agree on validity | ${n(r.agreeOnValidity)} of ${n(r.cases)} |`,
		`| IsMatch compared (valid on both sides, translated exactly) | ${n(r.comparedIsMatch)} |`,
		`| agree on IsMatch | ${n(r.agreeOnIsMatch)} of ${n(r.comparedIsMatch)} |`,
		`| not evaluated locally (the translator warns it is approximate) | ${n(r.notEvaluatedLocally)} |`,
	].join('\n');
}

/** The emulator's figures table of docs/sip-routing-node.md ("Agreement with .NET"). */
function emulatorAgreementTable(r: Comparison): string {
	const n = (value: number): string => value.toLocaleString('en-US');
	const refusedValid = r.disagreements.filter(
		(d) => d.kind === 'validity' && d.dotnet.valid,
	).length;
	return [
		`| emulator: agree on validity | ${n(r.agreeOnValidity)} of ${n(r.cases)} |`,
		`| emulator: refuses a pattern .NET accepts | ${n(refusedValid)} |`,
		`| emulator: IsMatch compared (valid on both sides, evaluated by the emulator) | ${n(r.comparedIsMatch)} |`,
		`| emulator: agree on IsMatch | ${n(r.agreeOnIsMatch)} of ${n(r.comparedIsMatch)} |`,
		`| emulator: not evaluated (outside its subset, or too large) | ${n(r.notEvaluatedLocally)} |`,
	].join('\n');
}

function knownCounts(result: Comparison): Map<string, number> {
	const counts = new Map<string, number>();
	for (const d of result.disagreements)
		if (d.known) counts.set(d.known.id, (counts.get(d.known.id) ?? 0) + 1);
	return counts;
}

/** The documented figures: the table, then each known difference as "**id** (count, ". */
function expectDocumented(table: string, result: Comparison, section: string): void {
	const docs = withoutCellPadding(
		readFileSync(join(__dirname, '..', '..', 'docs', 'sip-routing-node.md'), 'utf8'),
	);
	expect(docs).toContain(withoutCellPadding(table));
	const part = docs.slice(docs.indexOf(section));
	for (const [id, count] of knownCounts(result)) expect(part).toContain(`**${id}** (${count}, `);
}

function expectNoStaleEntry(result: Comparison, known: readonly KnownDifference[]): void {
	const seen = new Set(result.disagreements.map((d) => d.known?.id));
	expect(known.map((k) => k.id).filter((id) => !seen.has(id))).toEqual([]);
}

if (!setup.ok) {
	const reason = `the .NET regex oracle (Mono) is unavailable: ${setup.reason}`;
	if (process.env.CI === 'true') {
		test('the .NET regex oracle is available (required in CI)', () => {
			throw new Error(reason);
		});
	} else {
		console.warn(`Skipping the .NET regex oracle test: ${reason}`);
		test.skip(`.NET regex oracle: ${reason}`, () => undefined);
	}
} else {
	const { executable } = setup;

	describe('the Mono oracle answers as .NET does', () => {
		test('it reports .NET errors, matches and timeouts', () => {
			const answers = askMono(executable, [
				{ pattern: 'a{2,1}', input: 'aa' },
				{ pattern: '^+1\\d', input: '15' },
				{ pattern: '^\\d$', input: '٣' },
				{ pattern: '(a+)+$', input: `${'a'.repeat(40)}b` },
			]);
			expect(answers[0]).toEqual({
				valid: false,
				error: 'parsing "a{2,1}" - Illegal {x,y} with x > y.',
			});
			expect(answers[1]).toEqual({ valid: true, isMatch: true });
			expect(answers[2]).toEqual({ valid: true, isMatch: true });
			expect(answers[3]).toEqual({ valid: true, timeout: true });
		});
	});

	describe(`the translator agrees with .NET (Mono) on ${PATTERNS} seeded patterns`, () => {
		const cases = buildCases(seed, PATTERNS);
		const result = compare(
			cases,
			askMono(executable, cases),
			askTranslator(cases),
			KNOWN_DIFFERENCES,
		);
		console.log(`.NET regex oracle\n${figures(result)}`);

		test('the batch mixes valid and invalid patterns, matches and non-matches', () => {
			expect(result.cases).toBeGreaterThanOrEqual(10000);
			expect(result.dotnetInvalid / result.cases).toBeGreaterThan(0.15);
			expect(result.dotnetMatches / result.dotnetValid).toBeGreaterThan(0.2);
			expect(result.dotnetNonMatches / result.dotnetValid).toBeGreaterThan(0.2);
		});

		test('every pattern .NET accepts is accepted by the translator', () => {
			const refused = result.disagreements.filter(
				(d) => d.kind === 'validity' && d.dotnet.valid && !d.known,
			);
			expect(refused.map(describeCase)).toEqual([]);
		});

		test('every other difference is a known, documented one', () => {
			const unknown = result.disagreements.filter((d) => !d.known);
			expect(unknown.map(describeCase)).toEqual([]);
		});

		(seed === CI_SEED ? test : test.skip)('the documented figures are the measured ones', () => {
			expectDocumented(agreementTable(result), result, '### Agreement with .NET');
		});

		(seed === CI_SEED ? test : test.skip)(
			'every known difference still occurs (the table has no stale entry)',
			() => {
				expectNoStaleEntry(result, KNOWN_DIFFERENCES);
			},
		);
	});

	describe(`the emulator's own matcher agrees with .NET (Mono) on the same ${PATTERNS} seeded patterns`, () => {
		const cases = buildCases(seed, PATTERNS);
		const result = compare(
			cases,
			askMono(executable, cases),
			askEmulator(cases),
			EMULATOR_KNOWN_DIFFERENCES,
		);
		console.log(`.NET regex oracle, emulator matcher\n${figures(result)}`);

		test('every pattern .NET accepts is accepted by the emulator', () => {
			const refused = result.disagreements.filter((d) => d.kind === 'validity' && d.dotnet.valid);
			expect(refused.map(describeCase)).toEqual([]);
		});

		test('where the emulator evaluates a pattern, it answers as .NET; every other difference is a known one', () => {
			const unknown = result.disagreements.filter((d) => !d.known);
			expect(unknown.map(describeCase)).toEqual([]);
		});

		(seed === CI_SEED ? test : test.skip)('the documented figures are the measured ones', () => {
			expectDocumented(emulatorAgreementTable(result), result, "#### The emulator's matcher");
		});

		(seed === CI_SEED ? test : test.skip)(
			'every known difference still occurs (the table has no stale entry)',
			() => {
				expectNoStaleEntry(result, EMULATOR_KNOWN_DIFFERENCES);
			},
		);
	});
}
