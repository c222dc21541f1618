/**
 * Cases every run includes besides the random ones: each known difference at least once, the translator bugs the
 * oracle found, and the route patterns users actually write.
 */
import { DOTNET_BLOCKS } from '../../nodes/shared/acs/sip/dotnetUnicodeBlocks';
import type { Case } from './differential';

const pin = (pattern: string, ...inputs: string[]): Case[] =>
	inputs.map((input) => ({ pattern, input }));

export const PINNED_CASES: Case[] = [
	// route patterns
	...pin('^+[1-9][0-9]{3,23}$', '+14255550100', '14255550100'),
	...pin('^\\+[1-9][0-9]{3,23}$', '+14255550100', '14255550100', '+١٤٢٥٥٥٥٠١٠٠'),
	...pin('^+1(\\d[10])$', '+1410', '1410', '11'),
	...pin('^\\+1\\d{10}$', '+14255550100\n', '+14255550100\n\n', '+1４２５５５５０１００'),
	// known differences
	...pin('^.$', '\u{1d7ce}'),
	...pin('^\\d$', '\u{1d7ce}'),
	...pin('(?i)k', '\u212a'),
	...pin('(?i)ß', '\u1e9e'),
	...pin('(?i)σ', 'ς'),
	...pin('^\\p{L}$', '\u0870'),
	...pin('^\\w$', '\u0870'),
	...pin('(?(?=\\+)1)', '+'),
	...pin('^(?>(a??)+)b', 'ab'),
	...pin('(?(?!\\+)1x)', '+1'),
	// Mono's interpreter throws inside IsMatch here: no .NET answer, listed as a Mono engine crash
	...pin(',3(?>[a-z]{2,})(?!\\Z+?)+?', ',3qaqa'),
	// translator bugs the oracle found
	...pin('(a)?\\1b', 'b'),
	...pin('(?:(a)|b){2}\\1', 'aba'),
	...pin('(?<-nope>x)', 'x'),
	...pin('(?<a>y)(?<-a>x)', 'yx'),
	...pin('(?(?=a)b|(?i)c)', 'C'),
	...pin('(?(?i)a|b)', 'a'),
	...pin('(?<a>x)(?(a)(?i)b|c)', 'xB'),
	...pin('(?I)a', 'A'),
	...pin('(?+i)a', 'A'),
	...pin('(?--i)a', 'A'),
	...pin('(?(1?)x)', 'x'),
	...pin('(?(0)x|y)', 'x', 'y'),
	...pin('a\\k<0>', 'aa'),
	...pin('[\\--*]', '*', ','),
	...pin('[a-\\-z]', 'm', '-'),
	...pin('[a-\\-]', 'a', '-'),
	...pin('\\cß', ''),
	...pin('(?i:a)[^a-z]', 'aZ'),
	...pin('(?i:a)[b]', 'aB'),
	...pin('(?<=(?>ab))c', 'abc'),
	...pin('(?<=(?(?=\\d)1|\\+))x', '1x', '+x'),
	...pin('(?<=(?(b)a|x))b', 'ab'),
	...pin('^\\269{2}$', '\u001699', '\u00169\u00169'),
	...pin('\\p{IsLatinExtended_A}', 'ā'),
	...pin('\\p{IsGree}', 'α'),
	...pin('\\p{_xmlD}', '1'),
	...pin('\\p{Lu}|(?i)9', 'A'),
	// the block table: each block's first and last character, and the one before it
	...Object.entries(DOTNET_BLOCKS).flatMap(([name, [from, to]]) =>
		pin(
			`^\\p{${name}}$`,
			...[from, to, from - 1].filter((cp) => cp >= 0).map((cp) => String.fromCharCode(cp)),
		),
	),
];
