/** Runs every case through Mono and through the translator and sorts the outcomes. */
import type { DotnetRegexResult } from '../../nodes/shared/acs/sip/dotnetRegex';
import type { KnownDifference } from './knownDifferences';
import type { OracleAnswer } from './monoOracle';

export type OurAnswer =
	| { valid: false; error: string }
	| { valid: true; isMatch: boolean }
	| { valid: true; notEvaluated: string }
	| { valid: true; unfinished: string };

export interface Case {
	pattern: string;
	input: string;
}

export interface Disagreement extends Case {
	kind: 'validity' | 'isMatch';
	dotnet: OracleAnswer;
	ours: OurAnswer;
	known?: KnownDifference;
}

export interface Comparison {
	cases: number;
	dotnetValid: number;
	dotnetInvalid: number;
	dotnetMatches: number;
	dotnetNonMatches: number;
	dotnetTimeouts: number;
	/** IsMatch threw inside Mono's engine (not a .NET answer at all). */
	dotnetCrashes: Disagreement[];
	agreeOnValidity: number;
	/** Cases both sides evaluated (valid on both, no timeout, translated exactly) that agree on IsMatch. */
	agreeOnIsMatch: number;
	comparedIsMatch: number;
	/** Valid on both sides, but the translator only approximates the pattern (it warns) or cannot run it. */
	notEvaluatedLocally: number;
	/** Valid on both sides, but JavaScript did not finish: past the time limit, or out of stack. */
	localUnfinished: Disagreement[];
	disagreements: Disagreement[];
}

export function answerLocally(compiled: DotnetRegexResult, input: string): OurAnswer {
	if (!compiled.ok) return { valid: false, error: compiled.error ?? '' };
	if (!compiled.regex || compiled.warnings.length > 0)
		return { valid: true, notEvaluated: compiled.warnings.join(' ') };
	try {
		return { valid: true, isMatch: compiled.regex.test(input) };
	} catch (error) {
		return { valid: true, unfinished: String(error) }; // V8 runs out of stack on some deep backtracking
	}
}

export function compare(
	cases: readonly Case[],
	dotnet: readonly OracleAnswer[],
	local: readonly OurAnswer[],
	known: readonly KnownDifference[],
): Comparison {
	const result: Comparison = {
		cases: cases.length,
		dotnetValid: 0,
		dotnetInvalid: 0,
		dotnetMatches: 0,
		dotnetNonMatches: 0,
		dotnetTimeouts: 0,
		dotnetCrashes: [],
		agreeOnValidity: 0,
		agreeOnIsMatch: 0,
		comparedIsMatch: 0,
		notEvaluatedLocally: 0,
		localUnfinished: [],
		disagreements: [],
	};
	cases.forEach((c, index) => {
		const theirs = dotnet[index];
		const ours = local[index];
		if (theirs.valid) result.dotnetValid++;
		else result.dotnetInvalid++;
		if ('isMatch' in theirs) result[theirs.isMatch ? 'dotnetMatches' : 'dotnetNonMatches']++;
		if ('timeout' in theirs) result.dotnetTimeouts++;
		const record = (kind: Disagreement['kind']): void => {
			const entry = known.find(
				(k) =>
					k.kind === kind &&
					(k.pattern?.test(c.pattern) ?? true) &&
					(k.input?.test(c.input) ?? true) &&
					(k.ours?.(ours) ?? true),
			);
			result.disagreements.push({ ...c, kind, dotnet: theirs, ours, known: entry });
		};
		if (theirs.valid !== ours.valid) return record('validity');
		result.agreeOnValidity++;
		if ('crash' in theirs)
			result.dotnetCrashes.push({ ...c, kind: 'isMatch', dotnet: theirs, ours });
		if (!theirs.valid || !ours.valid || 'timeout' in theirs || 'crash' in theirs) return;
		if ('unfinished' in ours) {
			result.localUnfinished.push({ ...c, kind: 'isMatch', dotnet: theirs, ours });
			return;
		}
		if ('notEvaluated' in ours) {
			result.notEvaluatedLocally++;
			return;
		}
		result.comparedIsMatch++;
		if (theirs.isMatch === ours.isMatch) result.agreeOnIsMatch++;
		else record('isMatch');
	});
	return result;
}
