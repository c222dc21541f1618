/**
 * Evaluates a read pattern (dotnetPattern.ts) as .NET's Regex.IsMatch would, on UTF-16 code units as .NET does.
 * The tree becomes a small automaton that follows every alternative at once (a Thompson/Pike simulation): the
 * work is at most (automaton size) x (input length + 1) steps, whatever the pattern, so no pattern can freeze the
 * emulator the way `^(\d+)+$` freezes a backtracking engine. For the emulator's subset (no backreferences, no
 * lookarounds, no atomic groups) whether a match exists does not depend on the order alternatives are tried, so
 * this answers exactly what .NET answers.
 *
 * Bounds, both deterministic: an automaton larger than MAX_STATES (a count such as `\d{1,100000}`) or a run of
 * more than MAX_STEPS is not evaluated (`tooLarge`) instead of being approximated.
 */
import { isWordUnit, type Assertion, type PatternNode } from './dotnetPattern';

export const MAX_STATES = 20_000;
export const MAX_STEPS = 5_000_000;

type Instruction =
	| { op: 'unit'; test: (unit: number) => boolean }
	| { op: 'assert'; assertion: Assertion }
	| { op: 'split'; to: number[] }
	| { op: 'jump'; to: number }
	| { op: 'match' };

export type Automaton = { kind: 'ok'; program: Instruction[] } | { kind: 'tooLarge' };

class TooLarge extends Error {}

function emit(node: PatternNode, program: Instruction[]): void {
	if (program.length > MAX_STATES) throw new TooLarge();
	switch (node.kind) {
		case 'unit':
			program.push({ op: 'unit', test: node.test });
			return;
		case 'assert':
			program.push({ op: 'assert', assertion: node.assertion });
			return;
		case 'sequence':
			for (const item of node.items) emit(item, program);
			return;
		case 'choice': {
			const split: Instruction = { op: 'split', to: [] };
			program.push(split);
			const exits: Array<{ op: 'jump'; to: number }> = [];
			for (const alternative of node.alternatives) {
				split.to.push(program.length);
				emit(alternative, program);
				const exit = { op: 'jump' as const, to: -1 };
				exits.push(exit);
				program.push(exit);
			}
			for (const exit of exits) exit.to = program.length;
			return;
		}
		case 'repeat':
			emitRepeat(node.body, node.min, node.max, program);
	}
}

function emitRepeat(body: PatternNode, min: number, max: number, program: Instruction[]): void {
	const start = program.length;
	for (let i = 0; i < min; i++) {
		emit(body, program);
		if (program.length === start) return; // a body that matches only the empty string: repeating it changes nothing
	}
	if (max === Infinity) {
		const loop: Instruction = { op: 'split', to: [] };
		const at = program.length;
		program.push(loop);
		loop.to.push(program.length);
		emit(body, program);
		program.push({ op: 'jump', to: at });
		loop.to.push(program.length);
		return;
	}
	const skips: Array<{ op: 'split'; to: number[] }> = [];
	for (let i = min; i < max; i++) {
		const skip = { op: 'split' as const, to: [] as number[] };
		skips.push(skip);
		program.push(skip);
		skip.to.push(program.length);
		const before = program.length;
		emit(body, program);
		if (program.length === before) break;
	}
	for (const skip of skips) skip.to.push(program.length);
}

export function buildAutomaton(tree: PatternNode): Automaton {
	const program: Instruction[] = [];
	try {
		emit(tree, program);
	} catch (error) {
		if (error instanceof TooLarge) return { kind: 'tooLarge' };
		throw error;
	}
	if (program.length > MAX_STATES) return { kind: 'tooLarge' };
	program.push({ op: 'match' });
	return { kind: 'ok', program };
}

/** .NET's word characters for \b and \B: \w plus ZERO WIDTH (NON-)JOINER. */
const isBoundaryWordUnit = (unit: number): boolean =>
	unit === 0x200c || unit === 0x200d || isWordUnit(unit);

function holds(assertion: Assertion, input: string, at: number): boolean {
	const end = input.length;
	switch (assertion) {
		case 'start':
			return at === 0;
		case 'end':
			return at === end;
		case 'endOrFinalNewline':
			return at === end || (at === end - 1 && input.charCodeAt(at) === 10);
		default: {
			const before = at > 0 && isBoundaryWordUnit(input.charCodeAt(at - 1));
			const after = at < end && isBoundaryWordUnit(input.charCodeAt(at));
			return (before !== after) === (assertion === 'wordBoundary');
		}
	}
}

/** Regex.IsMatch(input): a match anywhere. undefined when the run would exceed MAX_STEPS. */
export function automatonMatches(program: Instruction[], input: string): boolean | undefined {
	if (program.length * (input.length + 1) > MAX_STEPS) return undefined;
	const seen = new Int32Array(program.length).fill(-1);
	let current: number[] = [];
	/** Adds `pc` and everything reachable from it without consuming input; true when that reaches the end. */
	const add = (pc: number, at: number, into: number[]): boolean => {
		const stack = [pc];
		while (stack.length > 0) {
			const here = stack.pop()!;
			if (seen[here] === at) continue;
			seen[here] = at;
			const instruction = program[here];
			if (instruction.op === 'match') return true;
			if (instruction.op === 'unit') into.push(here);
			else if (instruction.op === 'jump') stack.push(instruction.to);
			else if (instruction.op === 'split')
				for (let i = instruction.to.length - 1; i >= 0; i--) stack.push(instruction.to[i]);
			else if (holds(instruction.assertion, input, at)) stack.push(here + 1);
		}
		return false;
	};
	for (let at = 0; ; at++) {
		if (add(0, at, current)) return true;
		if (at === input.length) return false;
		const unit = input.charCodeAt(at);
		const next: number[] = [];
		for (const pc of current) {
			const instruction = program[pc] as { op: 'unit'; test: (unit: number) => boolean };
			if (instruction.test(unit) && add(pc + 1, at + 1, next)) return true;
		}
		current = next;
	}
}
