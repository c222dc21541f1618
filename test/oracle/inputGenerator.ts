/** Inputs for one pattern: its own samples (likely matches), near misses, phone numbers and random short text. */
import type { Rng } from './prng';

const DIGIT_ZEROS = [0x30, 0x30, 0x30, 0x660, 0xff10];
// Besides phone-number text: letters whose case equivalents differ between engines (Kelvin sign, capital sharp s,
// final sigma, titlecase dz), a character outside the BMP and one from a recent Unicode version.
const ALPHABET = [
	...[
		'1',
		'4',
		'0',
		'9',
		'+',
		'a',
		'B',
		'é',
		'٣',
		'３',
		' ',
		'\n',
		'-',
		'_',
		'#',
		'{',
		',',
		'}',
		'x',
		'²',
		'\u00a0',
	],
	...['\u212a', '\u1e9e', 'ς', 'ǅ', '\u{1d7ce}', '\u0870'],
];
const MAX_LENGTH = 24;

function phoneNumber(rng: Rng): string {
	const zero = rng.pick(DIGIT_ZEROS);
	const digits = Array.from({ length: rng.int(4, 12) }, () =>
		String.fromCodePoint(zero + rng.int(0, 9)),
	).join('');
	const prefix = rng.pick(['+', '+', '', '00', '+1', '+44']);
	return prefix + digits + (rng.chance(0.15) ? '\n' : '');
}

function nearMiss(rng: Rng, sample: string): string {
	const at = rng.int(0, sample.length);
	switch (rng.int(0, 5)) {
		case 0:
			return sample + '\n';
		case 1:
			return 'x' + sample;
		case 2:
			return sample.slice(0, at) + sample.slice(at + 1);
		case 3:
			return sample.slice(0, at) + rng.pick(ALPHABET) + sample.slice(at);
		case 4:
			return rng.chance(0.5) ? sample.toUpperCase() : sample.toLowerCase();
		default:
			return sample + sample;
	}
}

function randomText(rng: Rng): string {
	return Array.from({ length: rng.int(0, 8) }, () => rng.pick(ALPHABET)).join('');
}

export function generateInputs(rng: Rng, samples: string[]): string[] {
	const inputs = [samples[0], nearMiss(rng, samples[1]), phoneNumber(rng), randomText(rng)];
	return inputs.map((input) => input.slice(0, MAX_LENGTH));
}
