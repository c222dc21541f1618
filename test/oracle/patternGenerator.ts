/**
 * Random .NET patterns from a grammar of what route number patterns and .NET allow, each with a sampler that
 * builds an input likely to match (so the comparison sees matches, not only non-matches), and deliberately
 * broken variants that .NET must refuse.
 */
import type { Rng } from './prng';

export interface GeneratedPattern {
	pattern: string;
	/** Inputs built from the pattern's own pieces; they usually match when the pattern is valid. */
	samples: string[];
}

interface SampleState {
	rng: Rng;
	captures: Map<string, string>;
}

interface Piece {
	text: string;
	sample(state: SampleState): string;
}

interface Scope {
	rng: Rng;
	depth: number;
	groupCount: number;
	names: string[];
}

const constant = (text: string, sample = ''): Piece => ({ text, sample: () => sample });
const oneOf = (text: string, samples: string[]): Piece => ({
	text,
	sample: ({ rng }) => rng.pick(samples),
});

const LITERALS: Array<[string, string]> = [
	...'0123456789'.split('').map((d): [string, string] => [d, d]),
	['1', '1'],
	['4', '4'],
	['\\+', '+'],
	['\\+', '+'],
	['a', 'a'],
	['B', 'B'],
	['x', 'x'],
	['-', '-'],
	[' ', ' '],
	['#', '#'],
	['é', 'é'],
	['٣', '٣'],
	['_', '_'],
	[',', ','],
	['k', 'k'],
	['ß', 'ß'],
	['σ', 'σ'],
	['ǆ', 'ǆ'],
	['\\.', '.'],
	['\\ ', ' '],
	['\\#', '#'],
	['\\-', '-'],
];

const ESCAPES: Array<[string, string[]]> = [
	['\\d', ['1', '٣', '３', '7']],
	['\\d', ['0', '5']],
	['\\D', ['a', '+', '²']],
	['\\w', ['a', '_', 'é', '٣']],
	['\\W', ['+', ' ', '-']],
	['\\s', [' ', '\t', '\u00a0', '\u2003']],
	['\\S', ['x', '1']],
	['\\t', ['\t']],
	['\\n', ['\n']],
	['\\x2B', ['+']],
	['\\u0031', ['1']],
	['\\053', ['+']],
	['\\cJ', ['\n']],
	['\\p{Nd}', ['٣', '9']],
	['\\P{Nd}', ['x']],
	['\\p{Lu}', ['A', 'É']],
	['\\p{L}', ['é', 'z']],
	['\\e', ['\u001b']],
	['\\.', ['.']],
	['\\(', ['(']],
	['\\{', ['{']],
	['\\p{IsGreek}', ['σ', 'ς']],
	['\\p{IsBasicLatin}', ['a', '+']],
	['\\P{IsArabic}', ['x', '٣']],
	['\\p{IsThai}', ['ก']],
	['\\p{Zs}', [' ', '\u00a0']],
	['\\p{Pd}', ['-']],
	['\\p{Cc}', ['\n']],
	['\\u00e9', ['é']],
	['\\0', ['\0']],
	['\\x{41}', ['A']],
	['[\\b]', ['\b']],
	[']', [']']],
	['}', ['}']],
];

const ANCHORS = ['^', '^', '$', '$', '\\A', '\\z', '\\Z', '\\G', '\\b', '\\B'];
const BRACE_LITERALS = ['{,3}', '{3', '{a}', '{', '}', '{1,2', '{,}', '{ 2}'];
const OPTIONS = ['i', 'x', 'n', 's', 'm', '-i', 'im', 'i-x', '-n', 'x-i', 'I', '+i', 'i-'];
const NAMES = ['a', 'b', 'cc', 'n1', 'é', '_x'];

const CLASS_ITEMS: Array<[string, string[]]> = [
	['0-9', ['0', '5', '9']],
	['1-9', ['1', '8']],
	['a-z', ['a', 'q']],
	['A-Z', ['B']],
	['٠-٩', ['٣']],
	['+', ['+']],
	['\\-', ['-']],
	['\\d', ['4', '３']],
	['\\w', ['w']],
	['\\s', [' ']],
	['é', ['é']],
	['\\p{Nd}', ['٣']],
	['\\]', [']']],
	['.', ['.']],
	['\\x30-\\x35', ['3']],
];
const SUBTRACTIONS = ['[5]', '[aeiou]', '[\\d]', '[0-4]', '[^5]', '[a-c-[b]]'];

function quantifier(rng: Rng): { text: string; min: number; max: number } {
	const lazy = rng.chance(0.2) ? '?' : '';
	const n = rng.int(0, 3);
	const m = n + rng.int(0, 3);
	const forms: Array<[string, number, number]> = [
		['*', 0, 2],
		['+', 1, 3],
		['?', 0, 1],
		[`{${n}}`, n, n],
		[`{${n},}`, n, n + 2],
		[`{${n},${m}}`, n, m],
		[rng.pick(['{2147483648}', '{1,99999999999}', '{0010}', '{1000}']), 0, 0],
	];
	const [text, min, max] = rng.pick(forms);
	return { text: text + lazy, min, max };
}

function repeat(piece: Piece, q: { text: string; min: number; max: number }): Piece {
	return {
		text: piece.text + q.text,
		sample: (state) => {
			const times = state.rng.int(q.min, Math.min(q.max, q.min + 2));
			let out = '';
			for (let i = 0; i < times; i++) out += piece.sample(state);
			return out;
		},
	};
}

function characterClass(rng: Rng): Piece {
	const negate = rng.chance(0.2);
	const items = Array.from({ length: rng.int(1, 3) }, () => rng.pick(CLASS_ITEMS));
	const subtraction = rng.chance(0.2) ? `-${rng.pick(SUBTRACTIONS)}` : '';
	const text = `[${negate ? '^' : ''}${items.map(([t]) => t).join('')}${subtraction}]`;
	const samples = negate ? ['x', '+', '٣', 'Z', '\n'] : items.flatMap(([, s]) => s);
	return oneOf(text, samples);
}

function group(scope: Scope): Piece {
	const { rng } = scope;
	const body = (): Piece => alternation({ ...scope, depth: scope.depth + 1 }, rng.int(1, 3));
	const kind = rng.int(0, 17);
	const wrap = (open: string, inner: Piece, record?: string, sampled = true): Piece => ({
		text: `${open}${inner.text})`,
		sample: (state) => {
			const out = inner.sample(state);
			if (record !== undefined) state.captures.set(record, out);
			return sampled ? out : '';
		},
	});
	switch (kind) {
		case 0:
		case 1:
		case 2: {
			const number = String(++scope.groupCount);
			return wrap('(', body(), number);
		}
		case 3:
			return wrap('(?:', body());
		case 4:
		case 5: {
			const name = rng.pick(NAMES);
			scope.names.push(name);
			return wrap(rng.chance(0.7) ? `(?<${name}>` : `(?'${name}'`, body(), name);
		}
		case 6:
			return wrap('(?=', body(), undefined, false);
		case 7:
			return wrap('(?!', body(), undefined, false);
		case 8:
			return wrap('(?<=', body(), undefined, false);
		case 9:
			return wrap('(?<!', body(), undefined, false);
		case 10:
		case 11:
			return wrap('(?>', body());
		case 12:
			return wrap(`(?${rng.pick(OPTIONS)}:`, body());
		case 13: {
			const yes = body();
			const no = body();
			const test = rng.pick(['(?=\\d)', '(?!\\+)', '(?<=1)', '(?=a)', '(\\d)', '(x)']);
			return {
				text: `(?${test}${yes.text}|${no.text})`,
				sample: (state) => (state.rng.chance(0.5) ? yes : no).sample(state),
			};
		}
		case 14: {
			const target =
				scope.groupCount > 0 && rng.chance(0.8)
					? String(rng.int(1, scope.groupCount))
					: rng.pick([...scope.names, '1', '2']);
			const yes = body();
			const no = body();
			return {
				text: `(?(${target})${yes.text}|${no.text})`,
				sample: (state) => (state.rng.chance(0.5) ? yes : no).sample(state),
			};
		}
		case 15: {
			const other = scope.names.length > 0 ? rng.pick(scope.names) : rng.pick(NAMES);
			const name = rng.chance(0.5) ? rng.pick(NAMES) : '';
			if (name) scope.names.push(name);
			return wrap(`(?<${name}-${other}>`, body());
		}
		case 16:
			return constant(`(?#${rng.pick(['c', 'route', 'a(b', ''])})`);
		default: {
			const number = rng.int(1, 4);
			scope.groupCount = Math.max(scope.groupCount, number);
			return wrap(`(?<${number}>`, body(), String(number));
		}
	}
}

function backreference(scope: Scope): Piece {
	const { rng } = scope;
	const known = [
		...Array.from({ length: scope.groupCount }, (_, i) => String(i + 1)),
		...scope.names,
	];
	const target =
		known.length > 0 && rng.chance(0.85) ? rng.pick(known) : rng.pick(['1', '2', 'zz']);
	const numeric = /^\d+$/.test(target);
	const text =
		numeric && rng.chance(0.6)
			? `\\${target}`
			: rng.chance(0.7)
				? `\\k<${target}>`
				: `\\k'${target}'`;
	return { text, sample: (state) => state.captures.get(target) ?? '' };
}

function atom(scope: Scope): Piece {
	const { rng } = scope;
	const roll = rng.next();
	if (roll < 0.3) {
		const [text, sample] = rng.pick(LITERALS);
		return constant(text, sample);
	}
	if (roll < 0.45) {
		const [text, samples] = rng.pick(ESCAPES);
		return oneOf(text, samples);
	}
	if (roll < 0.55) return characterClass(rng);
	if (roll < 0.63) return constant(rng.pick(ANCHORS));
	if (roll < 0.66) return constant('.', rng.pick(['x', '1', '+']));
	if (roll < 0.8 && scope.depth < 3) return group(scope);
	if (roll < 0.84) return backreference(scope);
	if (roll < 0.88) return constant(`(?${rng.pick(OPTIONS)})`);
	if (roll < 0.91) return constant(rng.pick(BRACE_LITERALS), '');
	if (roll < 0.94) return constant(rng.pick([' ', '  ', '# note\n', '\t']), '');
	const [text, sample] = rng.pick(LITERALS);
	return constant(text, sample);
}

function sequence(scope: Scope, length: number): Piece {
	const pieces: Piece[] = [];
	for (let i = 0; i < length; i++) {
		const piece = atom(scope);
		pieces.push(scope.rng.chance(0.3) ? repeat(piece, quantifier(scope.rng)) : piece);
	}
	return {
		text: pieces.map((p) => p.text).join(''),
		sample: (state) => pieces.map((p) => p.sample(state)).join(''),
	};
}

function alternation(scope: Scope, length: number): Piece {
	const branches = scope.rng.chance(0.2) ? scope.rng.int(2, 3) : 1;
	const alts = Array.from({ length: branches }, () => sequence(scope, length));
	return {
		text: alts.map((a) => a.text).join('|'),
		sample: (state) => state.rng.pick(alts).sample(state),
	};
}

/** A route-style pattern: anchors, an optional plus, a country code and a digit run. */
function routePattern(rng: Rng): Piece {
	const plus = rng.pick(['\\+', '+', '\\+?', '[+]', '']);
	const country = rng.pick(['1', '44', '49', '91', '1425', '(1|44)', '(?<cc>1)', '[1-9]']);
	const countrySample = country.replace(/[^0-9]/g, '').slice(0, 2) || '1';
	const digits = rng.pick([
		'\\d{10}',
		'[0-9]{3,23}',
		'\\d+',
		'\\d*',
		'[2-9]\\d{2}',
		'\\d{7,}',
		'[0-9-[5]]{4}',
		'\\d{,3}',
	]);
	const start = rng.pick(['^', '^', '\\A', '', '^+', '^*']);
	const end = rng.pick(['$', '$', '\\z', '\\Z', '']);
	const text = `${start}${plus}${country}${digits}${end}`;
	return {
		text,
		sample: ({ rng: r }) =>
			`${plus.includes('+') && !plus.startsWith('+') ? '+' : ''}${countrySample}${'4255550100'.slice(0, r.int(3, 10))}`,
	};
}

const BROKEN = [
	'(',
	')',
	'a{2,1}',
	'[z-a]',
	'a**',
	'1+*',
	'\\d{2}{3}',
	'\\q',
	'\\i',
	'\\m',
	'(?<1a>x)',
	'(?<>x)',
	'(?<a->x)',
	'\\k<nope>',
	'\\9',
	'[',
	'(?#',
	'(?z)',
	'\\p{Foo}',
	'\\x1',
	'\\c',
	'(?(?#c)a|b)',
	'(?(1)a|b|c)',
	'*',
	'?',
	'(?<-nope>x)',
	'[a-\\d]',
	'[\\d-z]',
	'\\',
	'|+',
	'(?<0>x)',
	'(?(2)a)',
	'(?(1?)a)',
	'(?(0)a|b)',
	'\\k<0>',
	'(?(?=a)(?i)b|c)',
	'[a-\\-]',
	'(?<-0>x)',
];
const META = '()[]{}|*+?\\^$-.#<>';

function breakPattern(rng: Rng, pattern: string): string {
	const at = rng.int(0, pattern.length);
	const roll = rng.next();
	if (roll < 0.6) return pattern.slice(0, at) + rng.pick(BROKEN) + pattern.slice(at);
	if (roll < 0.8)
		return pattern.slice(0, at) + META[rng.int(0, META.length - 1)] + pattern.slice(at);
	return pattern.slice(0, at) + pattern.slice(at + 1);
}

export function generatePattern(rng: Rng): GeneratedPattern {
	const scope: Scope = { rng, depth: 0, groupCount: 0, names: [] };
	const piece = rng.chance(0.25) ? routePattern(rng) : alternation(scope, rng.int(1, 5));
	const samples = [0, 1].map(() => piece.sample({ rng, captures: new Map() }));
	const pattern = rng.chance(0.25) ? breakPattern(rng, piece.text) : piece.text;
	return { pattern, samples };
}
