/**
 * Hints for ACS route number patterns (.NET regular expressions matched against E.164 numbers such as
 * "+14255550100"). Hints never block: the service accepts every valid .NET pattern.
 */
import { translateDotnetRegex } from './dotnetRegex';
import { NOT_EVALUATED_LOCALLY, type PatternMatcher, type RegexText } from './patternEvaluation';

export type RoutePatternHintCode =
	| 'quantifiedAnchor'
	| 'cannotMatchPlus'
	| 'matchesNothing'
	| 'classUsedAsCount'
	| 'missingStartAnchor'
	| 'missingEndAnchor'
	| 'whitespace'
	| 'approximateEvaluation'
	| 'notEvaluatedLocally';

export interface RoutePatternHint {
	code: RoutePatternHintCode;
	message: string;
}

export interface RoutePatternLint {
	/** False when .NET (and so the service) refuses the pattern. */
	valid: boolean;
	error?: string;
	hints: RoutePatternHint[];
	/** False when the sample numbers were not matched locally (over the time budget, or not translatable). */
	evaluated: boolean;
}

const COMMON_COUNTRY_CODES = ['1', '7', '33', '44', '49', '61', '81', '86', '91', '353'];
const MAX_PREFIXES = 40;

/** Characters of the pattern that are outside character classes and not escaped, with their positions. */
function plainCharacters(pattern: string): { ch: string; index: number }[] {
	const out: { ch: string; index: number }[] = [];
	let depth = 0;
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '\\') {
			i++;
			continue;
		}
		if (depth > 0) {
			if (ch === '[' && pattern[i - 1] === '-') depth++;
			else if (
				ch === ']' &&
				pattern[i - 1] !== '[' &&
				!(pattern[i - 1] === '^' && pattern[i - 2] === '[')
			)
				depth--;
			continue;
		}
		if (ch === '[') {
			depth = 1;
			continue;
		}
		out.push({ ch, index: i });
	}
	return out;
}

/** Numbers to try: built from the digit literals of the pattern and common country codes, lengths 1..16. */
export function sampleNumbersFor(pattern: string): string[] {
	const withoutCounts = pattern.replace(/\{\d*,?\d*\}/g, ' ');
	const runs = [...new Set(withoutCounts.match(/\d+/g) ?? [])];
	const prefixes = new Set<string>(['', ...runs, ...COMMON_COUNTRY_CODES]);
	for (let i = 0; i + 1 < runs.length && prefixes.size < MAX_PREFIXES; i++) {
		for (let j = 0; j < runs.length && prefixes.size < MAX_PREFIXES; j++)
			prefixes.add(runs[i] + runs[j]);
	}
	const fillers = ['0123456789', ...'0123456789'.split('').map((d) => d.repeat(16)), '2345678901'];
	const samples = new Set<string>();
	for (const prefix of [...prefixes].slice(0, MAX_PREFIXES)) {
		for (let length = Math.max(1, prefix.length); length <= 16; length++) {
			for (const filler of fillers) {
				const rest = filler.repeat(2).slice(0, length - prefix.length);
				samples.add(prefix + rest);
			}
		}
	}
	return [...samples];
}

/** Why .NET (and so the service) refuses the pattern; undefined when it is valid. Parses only, never matches. */
export function routePatternSyntaxError(pattern: string): string | undefined {
	const translated = translateDotnetRegex(pattern);
	return translated.ok ? undefined : translated.error;
}

/** The hints that need matching: sample numbers with and without "+"; undefined when they were not matched. */
async function sampleHints(
	regex: RegexText,
	pattern: string,
	matcher: PatternMatcher,
): Promise<RoutePatternHint[] | undefined> {
	if (!matcher.canAnswer()) return undefined;
	const samples = sampleNumbersFor(pattern);
	const withPlus = await matcher.firstMatch(
		regex,
		samples.map((s) => `+${s}`),
	);
	if (withPlus === undefined) return undefined;
	if (withPlus >= 0) return [];
	const withoutPlus = await matcher.firstMatch(regex, samples);
	if (withoutPlus === undefined) return undefined;
	const example = samples[withoutPlus];
	return [
		withoutPlus >= 0
			? {
					code: 'cannotMatchPlus',
					message:
						`The pattern matches numbers without "+" (e.g. "${example}") but none written in E.164 with "+" ` +
						`(e.g. "+${example}"), which is how the service matches them. Start the pattern with "^\\+".`,
				}
			: {
					code: 'matchesNothing',
					message: `The pattern matched none of ${samples.length * 2} sample numbers (with and without "+"): check it.`,
				},
	];
}

export async function lintRoutePattern(
	pattern: string,
	matcher: PatternMatcher,
): Promise<RoutePatternLint> {
	const compiled = translateDotnetRegex(pattern);
	if (!compiled.ok) return { valid: false, error: compiled.error, hints: [], evaluated: false };
	const hints: RoutePatternHint[] = [];
	const plain = plainCharacters(pattern);

	for (let k = 0; k + 1 < plain.length; k++) {
		const { ch, index } = plain[k];
		const next = pattern[index + 1];
		if (ch !== '^' || plain[k + 1].index !== index + 1) continue;
		if (next === '+') {
			hints.push({
				code: 'quantifiedAnchor',
				message:
					`"^+" at offset ${index} repeats the start anchor in .NET: the "+" is not a literal plus sign, so numbers ` +
					'written with "+" (E.164, as the service tests them) do not match. Write "^\\+" to match the plus sign.',
			});
		} else if (next === '*' || next === '?' || next === '{') {
			hints.push({
				code: 'quantifiedAnchor',
				message:
					`"^${next}" at offset ${index} makes the start anchor optional in .NET, so the pattern can match in the middle ` +
					'of a number. Write "^\\+" for a literal plus sign, or "^" alone.',
			});
		}
	}

	const classCount = /(?<!\\)\[(\d{2,}|\d+,\d*)\]/.exec(pattern);
	if (classCount) {
		hints.push({
			code: 'classUsedAsCount',
			message:
				`"${classCount[0]}" is a character class matching ONE character out of "${classCount[1]}", not a repetition ` +
				`count. To repeat the previous item write "{${classCount[1]}}" (e.g. "\\d{10}" for ten digits).`,
		});
	}

	if (/\s/.test(pattern) && !/^\(\?[imnsx-]*x/.test(pattern)) {
		hints.push({
			code: 'whitespace',
			message:
				'The pattern contains whitespace; numbers are matched as "+" and digits only, without spaces.',
		});
	}

	const startsAnchored = /^(\^|\\A|\\G|\(\?[imnsx-]*\)\^)/.test(pattern);
	if (!startsAnchored && !plain.some((p) => p.ch === '|')) {
		hints.push({
			code: 'missingStartAnchor',
			message:
				'The pattern does not start with "^": it also matches numbers that merely contain it. Start with "^\\+".',
		});
	}
	if (!/(\$|\\z|\\Z)$/.test(pattern) && !plain.some((p) => p.ch === '|')) {
		hints.push({
			code: 'missingEndAnchor',
			message: 'The pattern does not end with "$": it also matches longer numbers. End with "$".',
		});
	}

	let evaluated = false;
	if (compiled.source !== undefined && compiled.flags !== undefined) {
		const matched = await sampleHints(
			{ source: compiled.source, flags: compiled.flags },
			pattern,
			matcher,
		);
		evaluated = matched !== undefined;
		hints.push(...(matched ?? [{ code: 'notEvaluatedLocally', message: NOT_EVALUATED_LOCALLY }]));
	}
	for (const warning of compiled.warnings)
		hints.push({ code: 'approximateEvaluation', message: warning });
	return { valid: true, hints, evaluated };
}
