/**
 * Reads a route numberPattern the way .NET's Regex (RegexOptions.None) reads it, for the subset of the dialect the
 * emulator evaluates: literals and escapes, `.`, classes (ranges, negation, subtraction, \d \w \s, \p{category}),
 * groups `( )`, `(?: )`, `(?<name> )`, `(?'name' )`, `(?<2> )`, comments `(?# )`, alternation, every quantifier (greedy or
 * lazy, also after an anchor: `^+1` repeats the anchor), and the anchors ^ $ \A \z \Z \G \b \B.
 *
 * The answer is one of:
 * - `invalid`: .NET refuses the pattern, with the reason;
 * - `unsupported`: the pattern uses a construct outside the subset (lookarounds, atomic groups, backreferences,
 *   inline options, Unicode blocks, conditionals, balancing groups). Reading goes on through the first five, so
 *   the rest is still checked (a backreference to a group that does not exist is refused); it stops at the others
 *   and at the x and n options, which change how the rest reads. Such a pattern is accepted and not evaluated;
 * - `ok`: the pattern as a tree of code-unit tests, assertions, sequences, alternatives and repetitions.
 */

import { captureGroups, type CaptureGroups } from './captureGroups';

export type Assertion = 'start' | 'end' | 'endOrFinalNewline' | 'wordBoundary' | 'notWordBoundary';

export type PatternNode =
	| { kind: 'unit'; test: (codeUnit: number) => boolean }
	| { kind: 'assert'; assertion: Assertion }
	| { kind: 'sequence'; items: PatternNode[] }
	| { kind: 'choice'; alternatives: PatternNode[] }
	| { kind: 'repeat'; body: PatternNode; min: number; max: number };

export type PatternReading =
	| { kind: 'ok'; tree: PatternNode }
	| { kind: 'invalid'; reason: string }
	| { kind: 'unsupported'; construct: string };

const INT32_MAX = 2147483647;
const CATEGORIES = new Set(
	'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No Z Zs Zl Zp C Cc Cf Cs Co Cn P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So'.split(
		' ',
	),
);

const charOf = (unit: number): string => String.fromCharCode(unit);
const isDigit = (unit: number): boolean => /\p{Nd}/u.test(charOf(unit));
export const isWordUnit = (unit: number): boolean =>
	/[\p{L}\p{Mn}\p{Nd}\p{Pc}]/u.test(charOf(unit));
const isSpace = (unit: number): boolean => /[\f\n\r\t\v\u0085\p{Z}]/u.test(charOf(unit));
const CATEGORY_TESTS = new Map<string, RegExp>();
function inCategory(name: string, unit: number): boolean {
	let test = CATEGORY_TESTS.get(name);
	if (!test) CATEGORY_TESTS.set(name, (test = new RegExp(`\\p{${name}}`, 'u')));
	return test.test(charOf(unit));
}

class Invalid extends Error {}
class Unsupported extends Error {}

type UnitTest = (unit: number) => boolean;
const negated =
	(test: UnitTest): UnitTest =>
	(unit) =>
		!test(unit);
const SHORTHANDS: Record<string, UnitTest> = {
	d: isDigit,
	D: negated(isDigit),
	w: isWordUnit,
	W: negated(isWordUnit),
	s: isSpace,
	S: negated(isSpace),
};
const SIMPLE_ESCAPES: Record<string, number> = {
	a: 7,
	b: 8,
	e: 27,
	f: 12,
	n: 10,
	r: 13,
	t: 9,
	v: 11,
};

const NOTHING: PatternNode = { kind: 'sequence', items: [] };
const OPTIONS_ONLY: PatternNode = { kind: 'sequence', items: [] };

class Reader {
	private at = 0;
	/** The first construct outside the subset; reading goes on when its syntax can be checked without it. */
	unsupported: string | undefined;

	private readonly groups: CaptureGroups;

	constructor(private readonly text: string) {
		this.groups = captureGroups(text);
	}

	read(): PatternNode {
		const tree = this.alternatives();
		if (this.at < this.text.length) throw new Invalid("Too many )'s.");
		return tree;
	}

	private peek(offset = 0): string | undefined {
		return this.text[this.at + offset];
	}

	private next(): string {
		if (this.at >= this.text.length) throw new Invalid('Unexpected end of pattern.');
		return this.text[this.at++];
	}

	/** Comments `(?#…)` may stand anywhere between atoms and before a quantifier. */
	private skipComments(): void {
		while (this.text.startsWith('(?#', this.at)) {
			const close = this.text.indexOf(')', this.at);
			if (close < 0) throw new Invalid('Unterminated (?#...) comment.');
			this.at = close + 1;
		}
	}

	private alternatives(): PatternNode {
		const alternatives = [this.sequence()];
		while (this.peek() === '|') {
			this.at++;
			alternatives.push(this.sequence());
		}
		return alternatives.length === 1 ? alternatives[0] : { kind: 'choice', alternatives };
	}

	private sequence(): PatternNode {
		const items: PatternNode[] = [];
		let afterQuantifier = false;
		for (;;) {
			this.skipComments();
			const ch = this.peek();
			if (ch === undefined || ch === '|' || ch === ')') break;
			if (ch === '*' || ch === '+' || ch === '?' || (ch === '{' && this.quantifierAhead()))
				throw new Invalid(afterQuantifier ? 'Nested quantifier.' : 'Quantifier following nothing.');
			let atom = this.atom();
			afterQuantifier = false;
			if (atom === OPTIONS_ONLY) continue; // .NET: nothing to quantify after (?i)
			this.skipComments();
			const bounds = this.quantifier();
			if (bounds) {
				atom = { kind: 'repeat', body: atom, min: bounds.min, max: bounds.max };
				afterQuantifier = true;
			}
			items.push(atom);
		}
		return items.length === 1 ? items[0] : { kind: 'sequence', items };
	}

	/** `{n}`, `{n,}` or `{n,m}` starts here; any other `{` is a literal. */
	private quantifierAhead(): boolean {
		return /^\{\d+(,\d*)?\}/.test(this.text.slice(this.at));
	}

	private quantifier(): { min: number; max: number } | undefined {
		const ch = this.peek();
		let bounds: { min: number; max: number } | undefined;
		if (ch === '*') bounds = { min: 0, max: Infinity };
		else if (ch === '+') bounds = { min: 1, max: Infinity };
		else if (ch === '?') bounds = { min: 0, max: 1 };
		if (bounds) this.at++;
		else if (ch === '{' && this.quantifierAhead()) {
			const [, low, comma, high] = /^\{(\d+)(,?)(\d*)\}/.exec(this.text.slice(this.at))!;
			this.at += 2 + low.length + comma.length + high.length;
			const min = this.count(low);
			const max = comma === '' ? min : high === '' ? Infinity : this.count(high);
			if (min > max) throw new Invalid('Illegal {x,y} with x > y.');
			bounds = { min, max };
		}
		if (!bounds) return undefined;
		this.skipComments();
		if (this.peek() === '?') this.at++; // lazy: the same strings match
		return bounds;
	}

	private count(digits: string): number {
		const value = Number(digits);
		if (value > INT32_MAX)
			throw new Invalid(
				'Quantifier and capture group numbers must be less than or equal to Int32.MaxValue.',
			);
		return value;
	}

	private atom(): PatternNode {
		const ch = this.next();
		switch (ch) {
			case '(':
				return this.group();
			case '[':
				return { kind: 'unit', test: this.characterClass() };
			case '\\':
				return this.escape();
			case '.':
				return { kind: 'unit', test: (unit) => unit !== 10 };
			case '^':
				return { kind: 'assert', assertion: 'start' };
			case '$':
				return { kind: 'assert', assertion: 'endOrFinalNewline' };
			default: {
				const unit = ch.charCodeAt(0);
				return { kind: 'unit', test: (u) => u === unit };
			}
		}
	}

	private group(): PatternNode {
		if (this.peek() === '?') {
			this.at++;
			const kind = this.next();
			if (kind === ':') return this.groupBody();
			if (kind === '<' || kind === "'") return this.namedGroup(kind === '<' ? '>' : "'");
			if (kind === '=' || kind === '!') return this.skippedGroup('lookahead (?= ) / (?! )');
			if (kind === '>') return this.skippedGroup('atomic group (?> )');
			if (kind === '(') throw new Unsupported('conditional (?( ) )');
			if (/[imnsx+-]/i.test(kind)) return this.options();
			throw new Invalid('Unrecognized grouping construct.');
		}
		return this.groupBody();
	}

	/** `(?imnsx-imnsx)` or `(?imnsx-imnsx: )`; reading goes on unless x (whitespace) or n (numbering) changes syntax. */
	private options(): PatternNode {
		const letters = /^[imnsx+-]*/i.exec(this.text.slice(this.at - 1))![0];
		this.at += letters.length - 1;
		const end = this.next();
		if (end !== ')' && end !== ':') throw new Invalid('Unrecognized grouping construct.');
		if (/[xn]/i.test(letters)) throw new Unsupported('inline options x or n');
		if (end === ':') return this.skippedGroup('inline options (?imnsx-imnsx)');
		this.unsupported ??= 'inline options (?imnsx-imnsx)';
		return OPTIONS_ONLY;
	}

	private namedGroup(close: string): PatternNode {
		const first = this.peek();
		if (first === undefined) throw new Invalid('Unrecognized grouping construct.');
		if (close === '>' && (first === '=' || first === '!')) {
			this.at++;
			return this.skippedGroup('lookbehind (?<= ) / (?<! )');
		}
		if (/[0-9]/.test(first)) {
			const digits = /^\d+/.exec(this.text.slice(this.at))![0];
			this.at += digits.length;
			if (this.count(digits) === 0) throw new Invalid('Capture number cannot be zero.');
			if (this.peek() === '-') throw new Unsupported('balancing group (?<a-b> )');
			if (this.peek() !== close)
				throw new Invalid('Invalid group name: group names must begin with a word character.');
			this.at++;
			return this.groupBody();
		}
		if (first === '-') throw new Unsupported('balancing group (?<a-b> )');
		if (!isWordUnit(first.charCodeAt(0)))
			throw new Invalid('Invalid group name: group names must begin with a word character.');
		while (this.peek() !== undefined && isWordUnit(this.peek()!.charCodeAt(0))) this.at++;
		if (this.peek() === '-') throw new Unsupported('balancing group (?<a-b> )');
		if (this.peek() !== close)
			throw new Invalid('Invalid group name: group names must begin with a word character.');
		this.at++;
		return this.groupBody();
	}

	/** A group whose syntax is checked but whose meaning the emulator does not evaluate. */
	private skippedGroup(construct: string): PatternNode {
		this.unsupported ??= construct;
		this.groupBody();
		return NOTHING;
	}

	private groupBody(): PatternNode {
		const body = this.alternatives();
		if (this.peek() !== ')') throw new Invalid("Not enough )'s.");
		this.at++;
		return body;
	}

	private escape(): PatternNode {
		if (this.at >= this.text.length) throw new Invalid('Illegal \\ at end of pattern.');
		const ch = this.next();
		const anchors: Record<string, Assertion> = {
			A: 'start',
			G: 'start',
			z: 'end',
			Z: 'endOrFinalNewline',
			b: 'wordBoundary',
			B: 'notWordBoundary',
		};
		if (anchors[ch]) return { kind: 'assert', assertion: anchors[ch] };
		if (SHORTHANDS[ch]) return { kind: 'unit', test: SHORTHANDS[ch] };
		if (ch === 'p' || ch === 'P') return { kind: 'unit', test: this.property(ch === 'P') };
		if (ch === 'k' || ch === '<' || ch === "'") {
			const reference = /^(?:k?)([<'])(?:(\d+)|([\p{L}\p{Mn}\p{Nd}\p{Pc}]+))([>'])/u.exec(
				this.text.slice(this.at - 1),
			);
			const closes = reference !== null && (reference[1] === '<' ? '>' : "'") === reference[4];
			if (closes) return this.backreference(reference[0].length - 1, reference[2], reference[3]);
			if (ch === 'k') throw new Invalid('Malformed \\k<...> named back reference.');
		}
		if (/[1-9]/.test(ch)) {
			const digits = /^\d+/.exec(this.text.slice(this.at - 1))![0];
			if (this.groups.numbers.has(Number(digits)))
				return this.backreference(digits.length - 1, digits);
			if (Number(digits) <= 9) throw new Invalid(`Reference to undefined group number ${digits}.`);
			throw new Unsupported('octal escape after a backslash and a digit');
		}
		const unit = this.characterEscape(ch, false);
		return { kind: 'unit', test: (u) => u === unit };
	}

	/** A reference to a group that exists is not evaluated; one to a missing group is refused, as .NET does. */
	private backreference(length: number, number?: string, name?: string): PatternNode {
		if (number !== undefined && !this.groups.numbers.has(Number(number)))
			throw new Invalid(`Reference to undefined group number ${number}.`);
		if (name !== undefined && !this.groups.names.has(name))
			throw new Invalid(`Reference to undefined group name ${name}.`);
		this.at += length;
		this.unsupported ??= 'backreferences';
		return NOTHING;
	}

	/** After `\p` or `\P`: `{Category}`. */
	private property(negate: boolean): UnitTest {
		const match = /^\{([^}]*)\}/.exec(this.text.slice(this.at));
		if (!match) throw new Invalid('Incomplete \\p{X} character escape.');
		this.at += match[0].length;
		const name = match[1];
		if (!/^[\p{L}\p{Mn}\p{Nd}\p{Pc}-]+$/u.test(name))
			throw new Invalid('Incomplete \\p{X} character escape.');
		if (/^Is/.test(name) || name.startsWith('_xml')) {
			this.unsupported ??= `Unicode block or internal class \\p{${name}}`;
			return () => false;
		}
		if (!CATEGORIES.has(name)) throw new Invalid(`Unknown property '${name}'.`);
		return negate ? (unit) => !inCategory(name, unit) : (unit) => inCategory(name, unit);
	}

	/** One character escape after `\` (ch already read): octal, \x, \u, \c, the letters, or an escaped symbol. */
	private characterEscape(ch: string, inClass: boolean): number {
		if (/[0-7]/.test(ch) && (inClass || ch === '0')) {
			let digits = ch;
			while (digits.length < 3 && /[0-7]/.test(this.peek() ?? '')) digits += this.next();
			return parseInt(digits, 8) & 0xff;
		}
		if (ch === 'x' || ch === 'u') {
			const length = ch === 'x' ? 2 : 4;
			const hex = this.text.slice(this.at, this.at + length);
			if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex))
				throw new Invalid('Insufficient hex digits.');
			this.at += length;
			return parseInt(hex, 16);
		}
		if (ch === 'c') {
			if (this.at >= this.text.length) throw new Invalid('Missing control character.');
			let code = this.next().charCodeAt(0);
			if (code >= 0x61 && code <= 0x7a) code -= 0x20;
			code = (code - 0x40) & 0xffff;
			if (code >= 0x20) throw new Invalid('Unrecognized control character.');
			return code;
		}
		if (ch in SIMPLE_ESCAPES && (ch !== 'b' || inClass)) return SIMPLE_ESCAPES[ch];
		const unit = ch.charCodeAt(0);
		if (isWordUnit(unit)) throw new Invalid(`Unrecognized escape sequence \\${ch}.`);
		return unit;
	}

	/** After `[`: the class up to its `]`, as one code-unit test. */
	private characterClass(): UnitTest {
		const tests: UnitTest[] = [];
		let negate = false;
		let subtract: UnitTest | undefined;
		if (this.peek() === '^') {
			this.at++;
			negate = true;
		}
		let first = true;
		let rangeFrom: number | undefined;
		let closed = false;
		const addRange = (from: number, to: number): void => {
			if (from > to) throw new Invalid('[x-y] range in reverse order.');
			tests.push((u) => u >= from && u <= to);
		};
		for (; this.at < this.text.length; first = false) {
			let ch = this.next();
			let escaped = false;
			let unit = ch.charCodeAt(0);
			if (ch === ']' && !first) {
				closed = true;
				break;
			}
			if (ch === '\\' && this.at < this.text.length) {
				ch = this.next();
				if (SHORTHANDS[ch] || ch === 'p' || ch === 'P') {
					if (rangeFrom !== undefined)
						throw new Invalid(`Cannot include class \\${ch} in character range.`);
					tests.push(SHORTHANDS[ch] ?? this.property(ch === 'P'));
					continue;
				}
				if (ch === '-') {
					tests.push((u) => u === 0x2d); // a lone '-': a pending range start carries over it
					continue;
				}
				unit = this.characterEscape(ch, true);
				escaped = true;
			} else if (ch === '[' && rangeFrom === undefined && this.text.startsWith('::]', this.at)) {
				this.at += 3; // .NET skips a POSIX-looking "[::]" and keeps the "["
			}
			if (rangeFrom !== undefined) {
				const from = rangeFrom;
				rangeFrom = undefined;
				if (ch === '[' && !escaped) {
					tests.push((u) => u === from);
					subtract = this.characterClass();
					if (this.at < this.text.length && this.peek() !== ']')
						throw new Invalid('A subtraction must be the last element in a character class.');
				} else addRange(from, unit);
			} else if (this.at + 1 < this.text.length && this.peek() === '-' && this.peek(1) !== ']') {
				rangeFrom = unit;
				this.at++;
			} else if (ch === '-' && !escaped && this.peek() === '[' && !first) {
				this.at++;
				subtract = this.characterClass();
				if (this.at < this.text.length && this.peek() !== ']')
					throw new Invalid('A subtraction must be the last element in a character class.');
			} else tests.push((u) => u === unit);
		}
		if (!closed) throw new Invalid('Unterminated [] set.');
		const inBase = (u: number): boolean => tests.some((test) => test(u)) !== negate;
		const minus = subtract;
		return minus ? (u) => inBase(u) && !minus(u) : inBase;
	}
}

/** How .NET reads `pattern`, within the emulator's subset. Never throws. */
export function readDotnetPattern(pattern: string): PatternReading {
	try {
		const reader = new Reader(pattern);
		const tree = reader.read();
		return reader.unsupported
			? { kind: 'unsupported', construct: reader.unsupported }
			: { kind: 'ok', tree };
	} catch (error) {
		if (error instanceof Invalid) return { kind: 'invalid', reason: error.message };
		if (error instanceof Unsupported) return { kind: 'unsupported', construct: error.message };
		throw error;
	}
}
