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
    ours: (answer) => answer.valid && 'notEvaluated' in answer && answer.notEvaluated.startsWith('the emulator does not evaluate'),
    reason:
      'The pattern uses a construct outside the emulator subset (backreferences, balancing groups, conditionals, ' +
      'inline options, Unicode block names). The emulator checks the syntax around such constructs (lookarounds and ' +
      'atomic groups are read through) but not what needs the whole construct (whether a referenced group exists, ' +
      'block names, the x option), so it accepts some patterns .NET refuses. It never evaluates them: ' +
      'testRoutesWithNumber answers 501 naming the route.',
  },
  ...KNOWN_DIFFERENCES.filter((known) => known.id === 'unicode-version'),
];
