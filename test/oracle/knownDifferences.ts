/**
 * Differences between Mono's System.Text.RegularExpressions and the translator that are understood and accepted.
 * An entry covers the cases of its kind whose .NET pattern text matches `pattern`. `origin` says whether the translator is knowingly inexact or Mono differs from .NET (Core),
 * the service's runtime.
 */
export interface KnownDifference {
  id: string;
  kind: 'validity' | 'isMatch';
  origin: 'translator' | 'mono';
  pattern: RegExp;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: 'unset-backreference',
    kind: 'isMatch',
    origin: 'translator',
    pattern: /\\(?:[1-9]|k[<'])/,
    reason:
      'A backreference to a group that has not captured (a forward reference, a reference inside its own group, or ' +
      'a group in a branch or optional part not taken) never matches in .NET; JavaScript matches it as the empty ' +
      'string. Which way the answer goes depends on the context (a negative lookaround or an atomic group turns a ' +
      'false "match" into a false "no match").',
  },
];
