/**
 * Differences between Mono's System.Text.RegularExpressions and the emulator's own pattern reader and matcher
 * (emulator/sip/dotnetPattern.ts, patternMachine.ts) that are understood and accepted. The emulator works on
 * UTF-16 code units as .NET does, so the translator's utf16-code-units difference does not apply to it.
 */
import { KNOWN_DIFFERENCES, type KnownDifference } from './knownDifferences';

export const EMULATOR_KNOWN_DIFFERENCES: KnownDifference[] = [
	{
		id: 'unchecked-unsupported-construct',
		kind: 'validity',
		origin: 'emulator',
		ours: (answer) =>
			answer.valid &&
			'notEvaluated' in answer &&
			answer.notEvaluated.startsWith('the emulator does not evaluate'),
		reason:
			'The pattern uses a construct outside the emulator subset. The emulator reads on through lookarounds, atomic ' +
			'groups, backreferences (refusing one to a missing group), inline options other than x and n, and Unicode ' +
			'block names (any name), but stops at conditionals, balancing groups and the x and n options, which change how ' +
			'the rest reads; what follows is not checked, and a block name is not checked. So it accepts some patterns ' +
			'.NET refuses. It never evaluates them: testRoutesWithNumber answers 501 naming the route.',
	},
	...KNOWN_DIFFERENCES.filter((known) => known.id === 'unicode-version'),
];
