/**
 * One seed per test file, printed so that a failure can be replayed: RELIABILITY_SEED=<n> npm run test:reliability.
 * The same seed drives the emulator (fault ratios, inventory) and the suite's own choices.
 */
export function reliabilitySeed(fileLabel: string): number {
	const given = process.env.RELIABILITY_SEED;
	const seed = given && /^\d+$/.test(given) ? Number(given) % 2 ** 31 : Math.floor(Math.random() * 2 ** 31);
	// eslint-disable-next-line no-console
	console.log(`[reliability] ${fileLabel}: seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
	return seed;
}

/** Small seeded PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(random: () => number, choices: readonly T[]): T {
	return choices[Math.floor(random() * choices.length)];
}
