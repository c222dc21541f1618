/**
 * Which routes a number matches, as testRoutesWithNumber answers: every route whose numberPattern matches (.NET
 * Regex.IsMatch: anywhere in the number unless the pattern anchors it), in route order; the first one is the route
 * that handles the call. Patterns the emulator does not evaluate (dotnetPattern.ts, patternMachine.ts) are named
 * instead of guessed.
 */
import { readDotnetPattern, type PatternReading } from './dotnetPattern';
import type { SipRoute } from './model';
import { automatonMatches, buildAutomaton, type Automaton } from './patternMachine';

export type PatternCheck = { valid: false; reason: string } | { valid: true; unsupported?: string };

export type PatternAnswer =
	| { evaluated: true; isMatch: boolean }
	| { evaluated: false; reason: string };

interface Compiled {
	reading: PatternReading;
	automaton?: Automaton;
}

const cache = new Map<string, Compiled>();

function compiled(pattern: string): Compiled {
	let entry = cache.get(pattern);
	if (!entry) {
		const reading = readDotnetPattern(pattern);
		entry = {
			reading,
			automaton: reading.kind === 'ok' ? buildAutomaton(reading.tree) : undefined,
		};
		if (cache.size >= 1000) cache.clear();
		cache.set(pattern, entry);
	}
	return entry;
}

/** Whether the service accepts the pattern's syntax; constructs outside the emulator's subset are not checked. */
export function checkNumberPattern(pattern: string): PatternCheck {
	const { reading } = compiled(pattern);
	if (reading.kind === 'invalid') return { valid: false, reason: reading.reason };
	return reading.kind === 'unsupported'
		? { valid: true, unsupported: reading.construct }
		: { valid: true };
}

export function numberPatternMatches(pattern: string, phoneNumber: string): PatternAnswer {
	const { reading, automaton } = compiled(pattern);
	if (reading.kind === 'invalid')
		return { evaluated: false, reason: `it is not a valid .NET pattern (${reading.reason})` };
	if (reading.kind === 'unsupported')
		return { evaluated: false, reason: `the emulator does not evaluate ${reading.construct}` };
	const isMatch =
		automaton?.kind === 'ok' ? automatonMatches(automaton.program, phoneNumber) : undefined;
	if (isMatch === undefined)
		return {
			evaluated: false,
			reason:
				'the pattern is too large for the emulator to evaluate (a very high repetition count)',
		};
	return { evaluated: true, isMatch };
}

export type RouteMatch =
	| { matchingRoutes: SipRoute[] }
	| { notEvaluated: SipRoute; reason: string };

/** Every matching route in order, or the first route the emulator cannot evaluate. */
export function matchRoutes(routes: readonly SipRoute[], phoneNumber: string): RouteMatch {
	const matchingRoutes: SipRoute[] = [];
	for (const route of routes) {
		const answer = numberPatternMatches(route.numberPattern, phoneNumber);
		if (!answer.evaluated) return { notEvaluated: route, reason: answer.reason };
		if (answer.isMatch) matchingRoutes.push(route);
	}
	return { matchingRoutes };
}
