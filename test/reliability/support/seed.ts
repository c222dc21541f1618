import { createSeededRandom } from '../../../emulator/core/random';

/**
 * One seed per test file, printed so that a failure can be replayed: RELIABILITY_SEED=<n> npm run test:reliability.
 * The same seed drives the emulator (fault ratios, inventory) and the suite's own choices.
 */
export function reliabilitySeed(fileLabel: string): number {
	const given = process.env.RELIABILITY_SEED;
	const seed =
		given && /^\d+$/.test(given) ? Number(given) % 2 ** 31 : Math.floor(Math.random() * 2 ** 31);
	// eslint-disable-next-line no-console
	console.log(`[reliability] ${fileLabel}: seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
	return seed;
}

/** The emulator's seeded generator (mulberry32): same seed, same sequence. */
export const seededRandom = createSeededRandom;

export function pick<T>(random: () => number, choices: readonly T[]): T {
	return choices[Math.floor(random() * choices.length)];
}
