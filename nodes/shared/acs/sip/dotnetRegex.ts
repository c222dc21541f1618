/**
 * Compiles a .NET regular expression (the dialect of ACS route number patterns) into a JavaScript RegExp that
 * behaves as .NET's Regex.IsMatch would. The pattern is parsed the way System.Text.RegularExpressions.RegexParser
 * parses it (RegexOptions.None), then emitted as a JS pattern with the `v` flag.
 *
 * Where the dialects differ:
 * - A quantifier after an anchor is legal in .NET and repeats the anchor: `^+1` is `^1` (the `+` is NOT a
 *   literal plus), `^*1` and `^?1` make the anchor optional. JS refuses `^+` ("Nothing to repeat").
 * - `\d` is any Unicode decimal digit (\p{Nd}), `\w` is [\p{L}\p{Mn}\p{Nd}\p{Pc}], `\s` is [\f\n\r\t\v\x85\p{Z}].
 * - `$` (and `\Z`) match at the very end or before a final "\n"; `\z` only at the very end; `\A`, `\G` at the start.
 * - `.` matches everything but "\n" (JS also excludes \r, \u2028, \u2029).
 * - `{` that does not start `{n}`, `{n,}` or `{n,m}` is a literal (`{,5}` is the literal text "{,5}").
 * - Named groups `(?<n>…)`/`(?'n'…)`, numbered names `(?<3>…)`, .NET group numbering (unnamed groups first).
 * - Inline options `(?imnsx-imnsx)` / `(?imnsx-imnsx:…)`, comments `(?#…)`, x-mode whitespace and `#` comments.
 * - Atomic groups `(?>…)` (emulated exactly with a lookahead + backreference), class subtraction `[a-z-[aeiou]]`,
 *   expression conditionals `(?(?=x)yes|no)`.
 * Not translatable exactly (warning, conservative fallback): balancing groups, group-test conditionals,
 * .NET's internal `\p{_xmlX}` classes, backreferences to a name defined twice or to a group that may not have
 * captured yet (.NET fails them, JS matches them as empty).
 * .NET has no possessive quantifiers: `a*+` is a "Nested quantifier" error there, and here.
 */

import { DOTNET_BLOCKS, DOTNET_INTERNAL_CLASSES } from './dotnetUnicodeBlocks';
import {
	caseVariants,
	caseVariantsMissingFromClass,
	caseVariantsMissingFromRange,
} from './regexCaseVariants';

export interface DotnetRegexResult {
	/** True when .NET accepts the pattern (the service would too). */
	ok: boolean;
	/** Present when the pattern can be evaluated locally (ok, and the translation compiles in JS). */
	regex?: RegExp;
	/** The emitted JavaScript source and flags (present when translated; a RegExp can be built from them). */
	source?: string;
	flags?: string;
	/** Why .NET refuses the pattern, when !ok. */
	error?: string;
	/** Position in the pattern where .NET stops, when !ok. */
	errorIndex?: number;
	/** Constructs translated approximately, or notes about .NET-specific meaning. */
	warnings: string[];
}

/**
 * What the emitted JavaScript may use. Regexp modifiers `(?i:…)` arrived in V8 12.5 (Node.js 23): without them a
 * pattern that mixes case-sensitive and case-insensitive parts spells the latter out as classes of case variants.
 */
export interface JsRegexTarget {
	modifiers: boolean;
}

function runtimeHasRegexpModifiers(): boolean {
	try {
		new RegExp('(?i:a)', 'v');
		return true;
	} catch {
		return false;
	}
}

/** This runtime: where the RegExp is built and run (the same Node.js in n8n's main process and its workers). */
export const RUNTIME_REGEX_TARGET: JsRegexTarget = { modifiers: runtimeHasRegexpModifiers() };

export interface DotnetRegexOptions {
	ignoreCase?: boolean;
	multiline?: boolean;
	singleline?: boolean;
	explicitCapture?: boolean;
	ignorePatternWhitespace?: boolean;
}

interface Opts {
	i: boolean;
	m: boolean;
	n: boolean;
	s: boolean;
	x: boolean;
}

/** A range of code points, or a JavaScript class operand (`\p{..}`, `[..]`) written positively, maybe negated. */
type ClassItem =
	| { t: 'range'; from: number; to: number }
	| { t: 'js'; text: string; negate: boolean };

interface CharSet {
	negate: boolean;
	items: ClassItem[];
	subtract?: CharSet;
}

type Node =
	| { t: 'empty' }
	| { t: 'seq'; items: Node[] }
	| { t: 'alt'; alts: Node[] }
	| { t: 'char'; cp: number; ci: boolean }
	| { t: 'set'; set: CharSet; ci: boolean }
	| { t: 'raw'; text: string; zeroWidth: boolean }
	| { t: 'capture'; key: CaptureKey; body: Node }
	| { t: 'group'; body: Node }
	| { t: 'atomic'; body: Node }
	| { t: 'look'; ahead: boolean; negate: boolean; body: Node }
	| { t: 'quant'; body: Node; min: number; max: number; lazy: boolean }
	| { t: 'numref'; digits: string; ci: boolean; pos: number }
	| { t: 'nameref'; name: string; ci: boolean; pos: number }
	| { t: 'cond'; testName?: string; test: Node; yes: Node; no?: Node; pos: number };

/** A capture before numbering: unnamed (numbered later, in order), explicit number, or name. */
interface CaptureKey {
	kind: 'auto' | 'number' | 'name';
	value?: string | number;
	slot?: number;
	occurrence?: number;
}

/** A conditional being parsed: .NET refuses option groups among its direct children when it tests an expression. */
interface ConditionalScope {
	testName?: string;
	optionsAt: number[];
}

export class DotnetRegexSyntaxError extends Error {
	constructor(
		message: string,
		readonly index: number,
	) {
		super(message);
	}
}

const WORD_CLASS = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const SPACE_CLASS = '\\f\\n\\r\\t\\v\\u{85}\\p{Z}';
const BOUNDARY_WORD = `[${WORD_CLASS}\\u{200C}\\u{200D}]`;
const GENERAL_CATEGORIES = new Set(
	'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No Z Zs Zl Zp C Cc Cf Cs Co Cn P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So'.split(
		' ',
	),
);

function isWordChar(ch: string | undefined): boolean {
	return ch !== undefined && /[\p{L}\p{Mn}\p{Nd}\p{Pc}]/u.test(ch);
}

function isPatternWhitespace(ch: string | undefined): boolean {
	return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

class Parser {
	private pos = 0;
	private opts: Opts;
	private readonly optStack: Opts[] = [];
	readonly warnings: string[] = [];
	readonly captures: CaptureKey[] = [];
	readonly conditionals: ConditionalScope[] = [];
	readonly balancedNames: { name: string; at: number }[] = [];
	private conditional: ConditionalScope | undefined;

	constructor(
		private readonly p: string,
		initial: Opts,
	) {
		this.opts = { ...initial };
	}

	private fail(message: string, at = this.pos): never {
		throw new DotnetRegexSyntaxError(message, at);
	}

	private peek(offset = 0): string | undefined {
		return this.p[this.pos + offset];
	}

	private get left(): number {
		return this.p.length - this.pos;
	}

	parse(): Node {
		const node = this.parseAlternation();
		if (this.pos < this.p.length) this.fail("Too many )'s.");
		return node;
	}

	/** Comments (?#...) always, whitespace and # comments in x mode. */
	private scanBlank(): void {
		for (;;) {
			if (this.opts.x) {
				while (isPatternWhitespace(this.peek())) this.pos++;
				if (this.peek() === '#') {
					while (this.pos < this.p.length && this.peek() !== '\n') this.pos++;
					continue;
				}
			}
			if (this.peek() === '(' && this.peek(1) === '?' && this.peek(2) === '#') {
				const close = this.p.indexOf(')', this.pos);
				if (close < 0) this.fail('Unterminated (?#...) comment.');
				this.pos = close + 1;
				continue;
			}
			return;
		}
	}

	/** `{n}`, `{n,}`, `{n,m}` at the current position. */
	private isTrueQuantifier(): boolean {
		const ch = this.peek();
		if (ch === '*' || ch === '+' || ch === '?') return true;
		if (ch !== '{') return false;
		return /^\{\d+(,\d*)?\}/.test(this.p.slice(this.pos));
	}

	private parseAlternation(): Node {
		const alts: Node[] = [];
		let items: Node[] = [];
		let prevWasQuantifier = false;
		for (;;) {
			this.scanBlank();
			if (this.pos >= this.p.length || this.peek() === ')') break;
			const ch = this.peek()!;
			if (ch === '|') {
				this.pos++;
				alts.push(seqOf(items));
				items = [];
				prevWasQuantifier = false;
				continue;
			}
			if (this.isTrueQuantifier()) {
				this.fail(
					prevWasQuantifier ? `Nested quantifier '${ch}'.` : 'Quantifier {x,y} following nothing.',
				);
			}
			const unit = this.parseUnit();
			prevWasQuantifier = false;
			if (unit === null) continue; // option-only group (?i)
			this.scanBlank();
			if (this.pos < this.p.length && this.isTrueQuantifier()) {
				items.push(this.parseQuantifier(unit));
				prevWasQuantifier = true;
			} else {
				items.push(unit);
			}
		}
		alts.push(seqOf(items));
		return alts.length === 1 ? alts[0] : { t: 'alt', alts };
	}

	private parseQuantifier(body: Node): Node {
		const start = this.pos;
		const ch = this.p[this.pos++];
		let min: number;
		let max: number;
		if (ch === '*') [min, max] = [0, Infinity];
		else if (ch === '+') [min, max] = [1, Infinity];
		else if (ch === '?') [min, max] = [0, 1];
		else {
			const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(start))!;
			this.pos = start + m[0].length;
			min = toInt(m[1], start, this);
			max = m[2] === undefined ? min : m[3] === '' ? Infinity : toInt(m[3], start, this);
		}
		this.scanBlank();
		let lazy = false;
		if (this.peek() === '?') {
			this.pos++;
			lazy = true;
		}
		if (min > max) this.fail('Illegal {x,y} with x > y.', start);
		return { t: 'quant', body, min, max, lazy };
	}

	failAt(message: string, at: number): never {
		this.fail(message, at);
	}

	private parseUnit(): Node | null {
		const ch = this.peek()!;
		switch (ch) {
			case '(':
				return this.parseGroup();
			case '[':
				this.pos++;
				return { t: 'set', set: this.parseClass(), ci: this.opts.i };
			case '\\':
				this.pos++;
				return this.parseBackslash();
			case '.':
				this.pos++;
				return { t: 'raw', text: this.opts.s ? '[^]' : '[^\\n]', zeroWidth: false };
			case '^':
				this.pos++;
				return { t: 'raw', text: this.opts.m ? '(?<![^\\n])' : '^', zeroWidth: true };
			case '$':
				this.pos++;
				return { t: 'raw', text: this.opts.m ? '(?![^\\n])' : '(?=\\n?$)', zeroWidth: true };
			default: {
				const cp = this.p.codePointAt(this.pos)!;
				this.pos += cp > 0xffff ? 2 : 1;
				return { t: 'char', cp, ci: this.opts.i };
			}
		}
	}

	private parseBackslash(): Node {
		if (this.pos >= this.p.length) this.fail('Illegal \\ at end of pattern.');
		const ch = this.peek()!;
		const simple: Record<string, string> = {
			A: '^',
			G: '^',
			z: '$',
			Z: '(?=\\n?$)',
			b: `(?:(?<=${BOUNDARY_WORD})(?!${BOUNDARY_WORD})|(?<!${BOUNDARY_WORD})(?=${BOUNDARY_WORD}))`,
			B: `(?:(?<=${BOUNDARY_WORD})(?=${BOUNDARY_WORD})|(?<!${BOUNDARY_WORD})(?!${BOUNDARY_WORD}))`,
		};
		if (ch in simple) {
			this.pos++;
			return { t: 'raw', text: simple[ch], zeroWidth: true };
		}
		const shorthand = this.shorthandClass(ch);
		if (shorthand) {
			this.pos++;
			return { t: 'set', set: { negate: false, items: [shorthand] }, ci: this.opts.i };
		}
		if (ch === 'p' || ch === 'P') {
			this.pos++;
			return {
				t: 'set',
				set: { negate: false, items: [this.parseProperty(ch === 'P')] },
				ci: this.opts.i,
			};
		}
		return this.parseBasicBackslash();
	}

	private shorthandClass(ch: string): ClassItem | undefined {
		const text = { d: '\\p{Nd}', w: `[${WORD_CLASS}]`, s: `[${SPACE_CLASS}]` }[ch.toLowerCase()];
		return text === undefined ? undefined : { t: 'js', text, negate: ch !== ch.toLowerCase() };
	}

	private parseProperty(negated: boolean): ClassItem {
		const start = this.pos;
		const m = /^\{([\w-]+)\}/.exec(this.p.slice(this.pos));
		if (!m) this.fail('Incomplete \\p{X} character escape.', start);
		this.pos += m[0].length;
		const name = m[1];
		if (GENERAL_CATEGORIES.has(name)) return { t: 'js', text: `\\p{${name}}`, negate: negated };
		const block = Object.hasOwn(DOTNET_BLOCKS, name) ? DOTNET_BLOCKS[name] : undefined;
		if (block) {
			const range = `[\\u{${block[0].toString(16)}}-\\u{${block[1].toString(16)}}]`;
			return { t: 'js', text: range, negate: negated };
		}
		if (DOTNET_INTERNAL_CLASSES.has(name)) {
			this.warnings.push(
				`\\p{${name}} is not translated: treated as "any character" locally (the service knows it).`,
			);
			return { t: 'js', text: '\\p{Any}', negate: negated };
		}
		this.fail(`Unknown property '${name}'.`, start);
	}

	private parseBasicBackslash(): Node {
		const backPos = this.pos;
		const ci = this.opts.i;
		let ch = this.peek()!;
		let close = '';
		if (ch === 'k') {
			const open = this.peek(1);
			if (open !== '<' && open !== "'") this.fail('Malformed \\k<...> named back reference.');
			close = open === "'" ? "'" : '>';
			this.pos += 2;
			if (this.pos >= this.p.length) this.fail('Malformed \\k<...> named back reference.');
		} else if ((ch === '<' || ch === "'") && this.left > 1) {
			close = ch === "'" ? "'" : '>';
			this.pos++;
		}
		ch = this.peek() ?? '';
		if (close && /[0-9]/.test(ch)) {
			const m = /^(\d+)/.exec(this.p.slice(this.pos))!;
			toInt(m[1], this.pos, this);
			if (this.p[this.pos + m[1].length] === close) {
				this.pos += m[1].length + 1;
				return { t: 'numref', digits: m[1], ci, pos: backPos };
			}
		} else if (!close && /[1-9]/.test(ch)) {
			const m = /^(\d+)/.exec(this.p.slice(this.pos))!;
			toInt(m[1], this.pos, this);
			this.pos += m[1].length;
			return { t: 'numref', digits: m[1], ci, pos: backPos };
		} else if (close && isWordChar(ch)) {
			const start = this.pos;
			while (isWordChar(this.peek())) this.pos++;
			const name = this.p.slice(start, this.pos);
			if (this.peek() === close) {
				this.pos++;
				return { t: 'nameref', name, ci, pos: backPos };
			}
		}
		if (this.p[backPos] === 'k') this.fail('Malformed \\k<...> named back reference.', backPos);
		this.pos = backPos;
		return { t: 'char', cp: this.scanCharEscape(), ci };
	}

	/** The character after a backslash that is not a class, anchor or reference. */
	scanCharEscape(): number {
		const at = this.pos;
		const ch = this.p[this.pos++];
		if (ch >= '0' && ch <= '7') {
			this.pos--;
			let value = 0;
			for (let n = 0; n < 3 && /[0-7]/.test(this.peek() ?? ''); n++)
				value = value * 8 + Number(this.p[this.pos++]);
			return value & 0xff;
		}
		const fixed: Record<string, number> = { a: 7, b: 8, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };
		if (ch in fixed) return fixed[ch];
		if (ch === 'x' || ch === 'u') {
			const len = ch === 'x' ? 2 : 4;
			const hex = this.p.slice(this.pos, this.pos + len);
			if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex))
				this.fail('Insufficient hexadecimal digits.', at);
			this.pos += len;
			return parseInt(hex, 16);
		}
		if (ch === 'c') {
			const c = this.p[this.pos++];
			if (c === undefined) this.fail('Missing control character.', at);
			const upper = c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 0x20 : c.charCodeAt(0); // ASCII letters only
			const code = upper - 0x40;
			if (code < 0 || code >= 0x20) this.fail('Unrecognized control character.', at);
			return code;
		}
		if (isWordChar(ch)) this.fail(`Unrecognized escape sequence \\${ch}.`, at);
		const cp = this.p.codePointAt(at)!;
		this.pos = at + (cp > 0xffff ? 2 : 1);
		return cp;
	}

	private parseClass(): CharSet {
		const start = this.pos - 1;
		const set: CharSet = { negate: false, items: [] };
		if (this.peek() === '^') {
			this.pos++;
			set.negate = true;
		}
		let first = true;
		let rangeStart: number | undefined;
		for (;;) {
			if (this.pos >= this.p.length) this.fail('Unterminated [] set.', start);
			const ch = this.p[this.pos++];
			let cp: number;
			let translated = false;
			if (ch === ']' && !first) return set; // .NET drops a range start left open by `\-`, as in [a-\-]
			first = false;
			if (ch === '\\' && this.pos < this.p.length) {
				const esc = this.p[this.pos];
				const shorthand = this.shorthandClass(esc);
				if (shorthand || esc === 'p' || esc === 'P') {
					if (rangeStart !== undefined)
						this.fail(`Cannot include class \\${esc} in character range.`);
					this.pos++;
					set.items.push(shorthand ?? this.parseProperty(esc === 'P'));
					continue;
				}
				if (esc === '-') {
					// \- is a lone '-': it never starts or ends a range, and a pending range start carries over it
					this.pos++;
					set.items.push({ t: 'range', from: 0x2d, to: 0x2d });
					continue;
				}
				cp = this.scanCharEscape();
				translated = true;
			} else {
				cp = this.p.codePointAt(this.pos - 1)!;
				if (cp > 0xffff) this.pos++;
			}
			if (rangeStart !== undefined) {
				const from = rangeStart;
				rangeStart = undefined;
				if (ch === '[' && !translated) {
					set.items.push({ t: 'range', from, to: from });
					set.subtract = this.parseClass();
					if (this.peek() !== ']')
						this.fail('A subtraction must be the last element in a character class.');
					continue;
				}
				if (from > cp) this.fail('[x-y] range in reverse order.');
				set.items.push({ t: 'range', from, to: cp });
			} else if (this.left >= 2 && this.peek() === '-' && this.peek(1) !== ']') {
				rangeStart = cp;
				this.pos++;
			} else if (ch === '-' && !translated && this.peek() === '[' && this.left >= 1) {
				this.pos++;
				set.subtract = this.parseClass();
				if (this.peek() !== ']')
					this.fail('A subtraction must be the last element in a character class.');
			} else {
				set.items.push({ t: 'range', from: cp, to: cp });
			}
		}
	}

	private parseGroup(): Node | null {
		const open = this.pos;
		this.pos++; // (
		const saved = this.opts;
		this.optStack.push({ ...saved });
		const finish = (make: (body: Node) => Node, conditional?: ConditionalScope): Node => {
			const outer = this.conditional;
			this.conditional = conditional;
			const body = this.parseAlternation();
			this.conditional = outer;
			if (this.peek() !== ')') this.fail("Not enough )'s.", open);
			this.pos++;
			this.opts = this.optStack.pop()!;
			return make(body);
		};
		if (this.peek() !== '?' || this.peek(1) === ')') {
			if (this.opts.n) return finish((body) => ({ t: 'group', body }));
			const key: CaptureKey = { kind: 'auto' };
			this.captures.push(key);
			return finish((body) => ({ t: 'capture', key, body }));
		}
		this.pos++; // ?
		const ch = this.peek();
		if (ch === ':') {
			this.pos++;
			return finish((body) => ({ t: 'group', body }));
		}
		if (ch === '=' || ch === '!') {
			this.pos++;
			return finish((body) => ({ t: 'look', ahead: true, negate: ch === '!', body }));
		}
		if (ch === '>') {
			this.pos++;
			return finish((body) => ({ t: 'atomic', body }));
		}
		if (
			(ch === '<' || ch === "'") &&
			(this.peek(1) === '=' || this.peek(1) === '!') &&
			ch === '<'
		) {
			const negate = this.peek(1) === '!';
			this.pos += 2;
			return finish((body) => ({ t: 'look', ahead: false, negate, body }));
		}
		if (ch === '<' || ch === "'") return this.parseNamedGroup(ch === "'" ? "'" : '>', finish);
		if (ch === '(') return this.parseConditional(open, finish);
		// options: (?imnsx-imnsx) or (?imnsx-imnsx:...); letters in any case, '-' turns off and '+' on what follows
		const m = /^([imnsx+-]*)([:)])/i.exec(this.p.slice(this.pos));
		if (!m) this.fail('Unrecognized grouping construct.', open);
		if (this.conditional && m[0].length > 1) this.conditional.optionsAt.push(open);
		const next = { ...this.opts };
		let on = true;
		for (const o of m[1].toLowerCase()) {
			if (o === '-' || o === '+') on = o === '+';
			else next[o as keyof Opts] = on;
		}
		this.pos += m[0].length;
		if (m[2] === ')') {
			this.optStack.pop();
			this.opts = next;
			return null;
		}
		this.opts = next;
		return finish((body) => ({ t: 'group', body }));
	}

	private parseNamedGroup(close: string, finish: (make: (body: Node) => Node) => Node): Node {
		this.pos++; // < or '
		const start = this.pos;
		let key: CaptureKey;
		if (/[0-9]/.test(this.peek() ?? '')) {
			const m = /^\d+/.exec(this.p.slice(this.pos))!;
			this.pos += m[0].length;
			const num = Number(m[0]);
			if (num === 0) this.fail('Capture number cannot be zero.', start);
			key = { kind: 'number', value: num };
		} else if (isWordChar(this.peek())) {
			while (isWordChar(this.peek())) this.pos++;
			key = { kind: 'name', value: this.p.slice(start, this.pos) };
		} else if (this.peek() === '-') {
			key = { kind: 'auto' };
		} else {
			this.fail('Invalid group name: Group names must begin with a word character.', start);
		}
		if (this.peek() === '-') {
			this.pos++;
			const balStart = this.pos;
			while (isWordChar(this.peek())) this.pos++;
			if (balStart === this.pos)
				this.fail('Invalid group name: Group names must begin with a word character.');
			this.balancedNames.push({ name: this.p.slice(balStart, this.pos), at: balStart });
			this.warnings.push(
				`Balancing group (?<${key.value ?? ''}-${this.p.slice(balStart, this.pos)}>…) has no JavaScript equivalent: evaluated as a plain group locally.`,
			);
			if (key.kind === 'auto') {
				if (this.peek() !== close) this.fail('Invalid group name.', start);
				this.pos++;
				return finish((body) => ({ t: 'group', body }));
			}
		}
		if (this.peek() !== close)
			this.fail('Invalid group name: Group names must begin with a word character.', start);
		this.pos++;
		this.captures.push(key);
		return finish((body) => ({ t: 'capture', key, body }));
	}

	private parseConditional(
		open: number,
		finish: (make: (body: Node) => Node, conditional?: ConditionalScope) => Node,
	): Node {
		// (?(name)yes|no), (?(1)yes|no) or (?(expression)yes|no)
		const testStart = this.pos + 1;
		const ref = /^\((\d+|[\p{L}\p{Mn}\p{Nd}\p{Pc}]+)\)/u.exec(this.p.slice(this.pos));
		const number = /^\((\d+)/.exec(this.p.slice(this.pos));
		if (number && !/^\d+$/.test(ref?.[1] ?? ''))
			this.fail(`(?(${Number(number[1])}) ) malformed.`, testStart);
		if (this.peek(1) === '?' && this.peek(2) === '#')
			this.fail('Alternation conditions cannot be comments.');
		if (
			this.peek(1) === '?' &&
			(this.peek(2) === "'" || (this.peek(2) === '<' && !['=', '!'].includes(this.peek(3) ?? '')))
		)
			this.fail('Alternation conditions do not capture and cannot be named.');
		const savedN = this.opts.n;
		const scope: ConditionalScope = { testName: ref ? ref[1] : undefined, optionsAt: [] };
		this.conditionals.push(scope);
		const outer = this.conditional;
		this.conditional = scope;
		this.opts = { ...this.opts, n: true }; // the condition's own parentheses never capture
		const group = this.parseGroup();
		this.opts = { ...this.opts, n: savedN };
		this.conditional = outer;
		const test: Node = group ?? { t: 'empty' };
		const body = finish((b) => b, scope);
		const alts = body.t === 'alt' ? body.alts : [body];
		if (alts.length > 2) this.fail('Too many | in (?()|).', open);
		return {
			t: 'cond',
			testName: ref ? ref[1] : undefined,
			test,
			yes: alts[0],
			no: alts[1],
			pos: testStart,
		};
	}
}

/** Checks .NET makes once every group is known: balancing group names, options inside expression conditionals. */
function checkGroupReferences(
	parser: Parser,
	slots: Set<number>,
	names: Map<string, number>,
): void {
	const defined = (name: string): boolean =>
		/^\d+$/.test(name) ? Number(name) === 0 || slots.has(Number(name)) : names.has(name);
	for (const { name, at } of parser.balancedNames) {
		if (!defined(name))
			throw new DotnetRegexSyntaxError(
				/^\d+$/.test(name)
					? `Reference to undefined group number ${name}.`
					: `Reference to undefined group name ${name}.`,
				at,
			);
	}
	for (const c of parser.conditionals) {
		const testsGroup =
			c.testName !== undefined && (/^\d+$/.test(c.testName) || names.has(c.testName));
		if (!testsGroup && c.optionsAt.length > 0)
			throw new DotnetRegexSyntaxError('Unrecognized grouping construct.', c.optionsAt[0]);
	}
}

function toInt(digits: string, at: number, parser: Parser): number {
	const n = Number(digits);
	if (n > 2147483647)
		parser.failAt('Capture group numbers must be less than or equal to Int32.MaxValue.', at);
	return n;
}

function seqOf(items: Node[]): Node {
	if (items.length === 0) return { t: 'empty' };
	return items.length === 1 ? items[0] : { t: 'seq', items };
}

/** Assigns .NET slot numbers: unnamed captures 1..k, explicit numbers as written, names after (free slots). */
function numberCaptures(captures: CaptureKey[]): {
	slots: Set<number>;
	names: Map<string, number>;
} {
	const slots = new Set<number>();
	const names = new Map<string, number>();
	let auto = 1;
	for (const c of captures) if (c.kind === 'auto') c.slot = auto++;
	for (const c of captures) if (c.kind === 'number') c.slot = c.value as number;
	for (const c of captures) if (c.slot !== undefined) slots.add(c.slot);
	let next = auto;
	for (const c of captures) {
		if (c.kind !== 'name') continue;
		const name = c.value as string;
		if (!names.has(name)) {
			while (slots.has(next)) next++;
			names.set(name, next);
			slots.add(next);
		}
		c.slot = names.get(name);
	}
	const seen = new Map<number, number>();
	for (const c of captures) {
		const count = (seen.get(c.slot!) ?? 0) + 1;
		seen.set(c.slot!, count);
		c.occurrence = count;
	}
	return { slots, names };
}

function hexChar(cp: number): string {
	if (/^[A-Za-z0-9]$/.test(String.fromCodePoint(cp))) return String.fromCodePoint(cp);
	return `\\u{${cp.toString(16)}}`;
}

class Emitter {
	private atomicCount = 0;
	/** Inside a lookbehind, which JS (like .NET) matches right to left: the last element of a sequence goes first. */
	private behind = false;
	ciNodes = 0;
	csNodes = 0;
	useGlobalI = false;

	constructor(
		private readonly slots: Set<number>,
		private readonly names: Map<string, number>,
		private readonly duplicates: Set<number>,
		private readonly warnings: string[],
		private readonly pattern: string,
		private readonly target: JsRegexTarget,
	) {}

	countCase(node: Node): void {
		walk(node, (n) => {
			if (n.t === 'char' || n.t === 'set' || n.t === 'numref' || n.t === 'nameref') {
				if (n.t === 'char' && !isLetter(n.cp)) return;
				if (n.ci) this.ciNodes++;
				else this.csNodes++;
			}
		});
		this.useGlobalI = this.ciNodes > 0 && this.csNodes === 0;
	}

	/** Case-sensitive and case-insensitive parts both: only then does case need spelling out part by part. */
	private get mixedCase(): boolean {
		return this.ciNodes > 0 && !this.useGlobalI;
	}

	emit(node: Node): string {
		switch (node.t) {
			case 'empty':
				return '';
			case 'seq':
				return node.items.map((n) => this.emit(n)).join('');
			case 'alt':
				return node.alts.map((n) => this.emit(n)).join('|');
			case 'char':
				if (!node.ci || !isLetter(node.cp) || !this.mixedCase) return hexChar(node.cp);
				return this.target.modifiers
					? `(?i:${hexChar(node.cp)})`
					: `[${codePointsText(caseVariants(node.cp))}]`;
			case 'set':
				if (!this.mixedCase) return emitSet(node.set);
				// (?-i:…) is a no-op, but without it V8 (v flag) lets a class after a (?i:…) group ignore case
				if (this.target.modifiers) return `(?${node.ci ? 'i' : '-i'}:${emitSet(node.set)})`;
				return emitSet(node.set, node.ci);
			case 'raw':
				return node.text;
			case 'capture': {
				const occurrence = node.key.occurrence ?? 1;
				const name = occurrence === 1 ? `g${node.key.slot}` : `g${node.key.slot}_${occurrence}`;
				return `(?<${name}>${this.emit(node.body)})`;
			}
			case 'group':
				return `(?:${this.emit(node.body)})`;
			case 'atomic': {
				const name = `atomic${++this.atomicCount}`;
				return this.behind
					? `(?:\\k<${name}>(?<=(?<${name}>${this.emit(node.body)})))`
					: `(?:(?=(?<${name}>${this.emit(node.body)}))\\k<${name}>)`;
			}
			case 'look':
				return `(?${node.ahead ? '' : '<'}${node.negate ? '!' : '='}${this.emitIn(!node.ahead, node.body)})`;
			case 'quant': {
				const body = this.emit(node.body);
				const atom = isSingleAtom(node.body) ? body : `(?:${body})`;
				const q =
					node.min === 0 && node.max === Infinity
						? '*'
						: node.min === 1 && node.max === Infinity
							? '+'
							: node.min === 0 && node.max === 1
								? '?'
								: node.max === Infinity
									? `{${node.min},}`
									: node.min === node.max
										? `{${node.min}}`
										: `{${node.min},${node.max}}`;
				return `${atom}${q}${node.lazy ? '?' : ''}`;
			}
			case 'numref':
				return this.emitNumref(node);
			case 'nameref': {
				const slot =
					this.names.get(node.name) ?? (/^\d+$/.test(node.name) ? Number(node.name) : undefined);
				if (slot === undefined || !this.slots.has(slot))
					throw new DotnetRegexSyntaxError(
						`Reference to undefined group name '${node.name}'.`,
						node.pos,
					);
				return this.backref(slot, node.ci);
			}
			case 'cond':
				return this.emitConditional(node);
		}
	}

	private backref(slot: number, ci: boolean): string {
		if (this.duplicates.has(slot))
			this.warnings.push(
				`Group ${slot} is defined more than once: a backreference to it is approximate locally.`,
			);
		const reference = `\\k<g${slot}>`;
		if (!ci || !this.mixedCase) return reference;
		if (!this.target.modifiers)
			throw new Error(
				'a case-insensitive backreference next to case-sensitive parts needs regexp modifiers (?i:…), which this JavaScript runtime lacks',
			);
		return `(?i:${reference})`;
	}

	private emitNumref(node: Extract<Node, { t: 'numref' }>): string {
		const num = Number(node.digits);
		if (num === 0) return '[]'; // group 0 is only captured once the whole match succeeds
		if (this.slots.has(num)) return this.backref(num, node.ci);
		if (num <= 9 || !/^[0-7]/.test(node.digits))
			throw new DotnetRegexSyntaxError(
				num <= 9
					? `Reference to undefined group number ${num}.`
					: `Unrecognized escape sequence \\${node.digits[0]}.`,
				node.pos,
			);
		// \NN.. that is not a group: octal escape of up to 3 digits, the rest literal digits
		const octal = /^[0-7]{1,3}/.exec(node.digits)![0];
		const rest = node.digits.slice(octal.length);
		return hexChar(parseInt(octal, 8) & 0xff) + rest;
	}

	private emitConditional(node: Extract<Node, { t: 'cond' }>): string {
		const name = node.testName;
		const slot =
			name === undefined
				? undefined
				: /^\d+$/.test(name)
					? this.slots.has(Number(name))
						? Number(name)
						: undefined
					: this.names.get(name);
		if (name !== undefined && /^\d+$/.test(name) && Number(name) === 0)
			return `(?:${node.no ? this.emit(node.no) : ''})`;
		if (name !== undefined && /^\d+$/.test(name) && slot === undefined)
			throw new DotnetRegexSyntaxError(`(?(${name}) ) reference to undefined group.`, node.pos);
		const yes = this.emit(node.yes);
		const no = node.no ? this.emit(node.no) : '';
		if (slot !== undefined) {
			this.warnings.push(
				`Conditional (?(${name})…) tests whether a group matched; JavaScript cannot: evaluated locally as "either branch".`,
			);
			return `(?:${yes}|${no})`;
		}
		const look = node.test.t === 'look' ? node.test : undefined;
		const ahead = look ? look.ahead : !this.behind; // an expression test runs in the current direction
		const test = this.emitIn(!ahead, look ? look.body : innerOf(node.test));
		const [holds, fails] = ahead ? ['?=', '?!'] : ['?<=', '?<!'];
		const positive = !look || !look.negate;
		const yesTest = `(${positive ? holds : fails}${test})`;
		const noTest = `(${positive ? fails : holds}${test})`;
		// the test is made where the conditional starts: its right end inside a lookbehind
		const branch = (assertion: string, body: string): string =>
			this.behind ? body + assertion : assertion + body;
		return `(?:${branch(yesTest, yes)}|${branch(noTest, no)})`;
	}

	private emitIn(behind: boolean, node: Node): string {
		const outer = this.behind;
		this.behind = behind;
		const text = this.emit(node);
		this.behind = outer;
		return text;
	}

	get source(): string {
		return this.pattern;
	}
}

function innerOf(node: Node): Node {
	return node.t === 'group' || node.t === 'capture' ? node.body : node;
}

function isSingleAtom(node: Node): boolean {
	// a numref that is no group (\269: octal \26 then "9") is quantified on its last character, as in .NET
	return (
		node.t === 'char' ||
		node.t === 'set' ||
		node.t === 'capture' ||
		node.t === 'group' ||
		node.t === 'numref'
	);
}

function isLetter(cp: number): boolean {
	return /\p{L}/u.test(String.fromCodePoint(cp));
}

/** Ascending code points as class content, runs as ranges. */
function codePointsText(cps: readonly number[]): string {
	let text = '';
	for (let first = 0; first < cps.length; ) {
		let last = first;
		while (cps[last + 1] === cps[last] + 1) last++;
		text += last === first ? hexChar(cps[first]) : `${hexChar(cps[first])}-${hexChar(cps[last])}`;
		first = last + 1;
	}
	return text;
}

function classItemText(item: ClassItem): string {
	if (item.t === 'range')
		return item.from === item.to ? hexChar(item.from) : `${hexChar(item.from)}-${hexChar(item.to)}`;
	if (!item.negate) return item.text;
	return item.text.startsWith('\\p') ? `\\P${item.text.slice(2)}` : `[^${item.text.slice(1)}`;
}

/** A class item with the case variants of its members added: what `(?i:[item])` matches. */
function caselessItemText(item: ClassItem): string {
	if (item.t === 'range')
		return classItemText(item) + codePointsText(caseVariantsMissingFromRange(item.from, item.to));
	const missing = caseVariantsMissingFromClass(item.text);
	const closed = missing.length === 0 ? item.text : `[${item.text}${codePointsText(missing)}]`;
	// ignoring case, \P{X} and [^X] leave out every case variant of X's members as well
	return item.negate ? `[^${closed}]` : closed;
}

/** The class in JavaScript; with `ignoreCase`, its case variants spelled out (for a runtime without (?i:…)). */
function emitSet(set: CharSet, ignoreCase = false): string {
	const parts = set.items.map(ignoreCase ? caselessItemText : classItemText);
	let base = `[${set.negate ? '^' : ''}${parts.join('')}]`;
	if (parts.length === 0) base = set.negate ? '[^]' : '[]';
	if (!set.subtract) return base;
	return `[${base}--${emitSet(set.subtract, ignoreCase)}]`;
}

/**
 * Groups surely captured after `node`, given those surely captured before it, reporting each backreference to a
 * group that may not have captured yet: .NET fails such a backreference, JavaScript matches it as empty (and
 * resets a quantified group's captures on each repetition, where .NET keeps the last ones).
 */
function sureCaptures(
	node: Node,
	before: ReadonlySet<number>,
	behind: boolean,
	refSlot: (n: Node) => number | undefined,
	unsure: Set<number>,
): ReadonlySet<number> {
	const next = (n: Node, from: ReadonlySet<number>, back = behind): ReadonlySet<number> =>
		sureCaptures(n, from, back, refSlot, unsure);
	switch (node.t) {
		case 'seq':
			return (behind ? [...node.items].reverse() : node.items).reduce(
				(sure, item) => next(item, sure),
				before,
			);
		case 'alt': {
			const ends = node.alts.map((alt) => next(alt, before));
			return new Set([...ends[0]].filter((slot) => ends.every((end) => end.has(slot))));
		}
		case 'capture':
			return new Set([...next(node.body, before), node.key.slot!]);
		case 'group':
		case 'atomic':
			return next(node.body, before);
		case 'look': {
			const after = next(node.body, before, !node.ahead);
			return node.negate ? before : after;
		}
		case 'quant': {
			const after = next(node.body, before);
			return node.min === 0 ? before : after;
		}
		case 'cond': {
			next(node.test, before);
			const yes = next(node.yes, before);
			const no = node.no ? next(node.no, before) : before;
			return new Set([...yes].filter((slot) => no.has(slot)));
		}
		case 'numref':
		case 'nameref': {
			const slot = refSlot(node);
			if (slot !== undefined && slot !== 0 && !before.has(slot)) unsure.add(slot);
			return before;
		}
		default:
			return before;
	}
}

function walk(node: Node, visit: (n: Node) => void): void {
	visit(node);
	switch (node.t) {
		case 'seq':
			node.items.forEach((n) => walk(n, visit));
			break;
		case 'alt':
			node.alts.forEach((n) => walk(n, visit));
			break;
		case 'capture':
		case 'group':
		case 'atomic':
		case 'look':
		case 'quant':
			walk(node.body, visit);
			break;
		case 'cond':
			walk(node.test, visit);
			walk(node.yes, visit);
			if (node.no) walk(node.no, visit);
			break;
		default:
			break;
	}
}

/**
 * Parses and translates a .NET pattern without building the RegExp. Never throws. Building a RegExp from some
 * translations takes seconds (hundreds of Unicode classes), so code on n8n's event loop uses this and leaves
 * building and matching to a worker thread.
 */
export function translateDotnetRegex(
	pattern: string,
	options: DotnetRegexOptions = {},
	target: JsRegexTarget = RUNTIME_REGEX_TARGET,
): DotnetRegexResult {
	const parser = new Parser(pattern, {
		i: !!options.ignoreCase,
		m: !!options.multiline,
		n: !!options.explicitCapture,
		s: !!options.singleline,
		x: !!options.ignorePatternWhitespace,
	});
	let source: string;
	let flags = 'v';
	try {
		const tree = parser.parse();
		const { slots, names } = numberCaptures(parser.captures);
		checkGroupReferences(parser, slots, names);
		const counts = new Map<number, number>();
		for (const c of parser.captures) counts.set(c.slot!, (counts.get(c.slot!) ?? 0) + 1);
		const duplicates = new Set([...counts].filter(([, n]) => n > 1).map(([slot]) => slot));
		const emitter = new Emitter(slots, names, duplicates, parser.warnings, pattern, target);
		emitter.countCase(tree);
		source = emitter.emit(tree);
		if (emitter.useGlobalI) flags += 'i';
		const refSlot = (n: Node): number | undefined =>
			n.t === 'numref' && slots.has(Number(n.digits))
				? Number(n.digits)
				: n.t === 'nameref'
					? (names.get(n.name) ?? Number(n.name))
					: undefined;
		const unsure = new Set<number>();
		sureCaptures(tree, new Set(), false, refSlot, unsure);
		for (const slot of unsure)
			parser.warnings.push(
				`Backreference to group ${slot}, which may not have captured there: .NET fails it, JavaScript matches it as empty; approximate locally.`,
			);
	} catch (error) {
		if (error instanceof DotnetRegexSyntaxError) {
			return {
				ok: false,
				error: `Invalid pattern '${pattern}' at offset ${error.index}: ${error.message}`,
				errorIndex: error.index,
				warnings: parser.warnings,
			};
		}
		// Not a syntax error but a gap in this translator: never refuse what the service may accept.
		return {
			ok: true,
			warnings: [
				...parser.warnings,
				`The pattern could not be evaluated locally (${(error as Error).message}); the service decides.`,
			],
		};
	}
	return { ok: true, source, flags, warnings: [...new Set(parser.warnings)] };
}

/** Parses and translates a .NET pattern into a RegExp. Never throws. */
export function compileDotnetRegex(
	pattern: string,
	options: DotnetRegexOptions = {},
	target: JsRegexTarget = RUNTIME_REGEX_TARGET,
): DotnetRegexResult {
	const translated = translateDotnetRegex(pattern, options, target);
	if (translated.source === undefined) return translated;
	try {
		return { ...translated, regex: new RegExp(translated.source, translated.flags) };
	} catch (error) {
		const warnings = [
			...translated.warnings,
			`The pattern is valid .NET but could not be evaluated locally (${(error as Error).message}).`,
		];
		return { ...translated, warnings };
	}
}

/** .NET Regex.IsMatch(input, pattern): undefined when the pattern is invalid or cannot be evaluated locally. */
export function dotnetIsMatch(
	pattern: string,
	input: string,
	target: JsRegexTarget = RUNTIME_REGEX_TARGET,
): boolean | undefined {
	const compiled = compileDotnetRegex(pattern, {}, target);
	return compiled.regex ? compiled.regex.test(input) : undefined;
}
