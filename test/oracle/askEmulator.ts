/** The emulator's own pattern reader and matcher (emulator/sip/routeMatching.ts) answering a batch, in process: its work per case is bounded. */
import { checkNumberPattern, numberPatternMatches } from '../../emulator/sip/routeMatching';
import type { Case, OurAnswer } from './differential';

export function emulatorAnswer({ pattern, input }: Case): OurAnswer {
	const check = checkNumberPattern(pattern);
	if (!check.valid) return { valid: false, error: check.reason };
	const answer = numberPatternMatches(pattern, input);
	return answer.evaluated
		? { valid: true, isMatch: answer.isMatch }
		: { valid: true, notEvaluated: answer.reason };
}

export const askEmulator = (cases: readonly Case[]): OurAnswer[] => cases.map(emulatorAnswer);
