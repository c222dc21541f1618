/**
 * The capture groups a .NET pattern defines, found before reading it (as .NET does), so that a backreference can be
 * checked against groups defined anywhere in the pattern: unnamed groups are numbered 1, 2, … in order, explicitly
 * numbered groups `(?<3>…)` keep their number, and names take the next free numbers after the unnamed groups.
 * Group 0 (the whole match) always exists.
 */
export interface CaptureGroups {
	numbers: Set<number>;
	names: Set<string>;
}

const NAME = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}]+/u;

/** Skips a character class starting at `at` (its `[`); returns the index after its `]`. */
function skipClass(pattern: string, at: number): number {
	let i = at + 1;
	if (pattern[i] === '^') i++;
	for (let first = true; i < pattern.length; first = false) {
		const ch = pattern[i];
		if (ch === '\\') i += 2;
		else if (ch === '[' && !first && pattern[i - 1] === '-') i = skipClass(pattern, i);
		else if (ch === ']' && !first) return i + 1;
		else i++;
	}
	return i;
}

export function captureGroups(pattern: string): CaptureGroups {
	let unnamed = 0;
	const explicit = new Set<number>();
	const names: string[] = [];
	for (let i = 0; i < pattern.length; ) {
		const ch = pattern[i];
		if (ch === '\\') i += 2;
		else if (ch === '[') i = skipClass(pattern, i);
		else if (ch !== '(') i++;
		else if (pattern.startsWith('(?#', i))
			i = pattern.indexOf(')', i) < 0 ? pattern.length : pattern.indexOf(')', i) + 1;
		else if (pattern[i + 1] !== '?') {
			unnamed++;
			i++;
		} else {
			const open = pattern[i + 2];
			if (open === '<' || open === "'") {
				const rest = pattern.slice(i + 3);
				const number = /^\d+/.exec(rest)?.[0];
				const name = NAME.exec(rest)?.[0];
				if (number !== undefined) explicit.add(Number(number));
				else if (name !== undefined && !names.includes(name)) names.push(name);
			}
			i += 2;
		}
	}
	const numbers = new Set<number>([0, ...explicit]);
	for (let n = 1; n <= unnamed; n++) numbers.add(n);
	let next = unnamed + 1;
	for (const _name of names) {
		while (numbers.has(next)) next++;
		numbers.add(next);
	}
	return { numbers, names: new Set(names) };
}
