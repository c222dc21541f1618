/** The seeded batch of (pattern, input) cases the oracle test compares. */
import type { Case } from './differential';
import { generateInputs } from './inputGenerator';
import { generatePattern } from './patternGenerator';
import { PINNED_CASES } from './pinnedCases';
import { createRng } from './prng';

export const CI_SEED = 20261206;

/** ORACLE_SEED=<n> picks another batch; the default is the fixed CI batch. */
export function oracleSeed(env: NodeJS.ProcessEnv = process.env): number {
	const requested = env.ORACLE_SEED;
	if (requested === undefined || requested === '') return CI_SEED;
	const seed = Number(requested);
	if (!Number.isSafeInteger(seed))
		throw new Error(`ORACLE_SEED must be an integer, got "${requested}"`);
	return seed;
}

/** The pinned cases, then `patterns` random patterns with their inputs. */
export function buildCases(seed: number, patterns: number): Case[] {
	const rng = createRng(seed);
	const cases: Case[] = [...PINNED_CASES];
	for (let i = 0; i < patterns; i++) {
		const generated = generatePattern(rng);
		for (const input of generateInputs(rng, generated.samples))
			cases.push({ pattern: generated.pattern, input });
	}
	return cases;
}
