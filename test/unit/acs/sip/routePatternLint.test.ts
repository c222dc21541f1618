import { lintRoutePattern } from '../../../../nodes/shared/acs/sip/routePatternLint';

const codes = (pattern: string) => lintRoutePattern(pattern).hints.map((h) => h.code);

describe('route pattern hints', () => {
  test('a good E.164 pattern gets no hint', () => {
    expect(codes('^\\+[1-9][0-9]{3,23}$')).toEqual([]);
    expect(codes('^\\+1(425|206)\\d{7}$')).toEqual([]);
    expect(codes('^\\+?\\d+$')).toEqual([]);
  });

  test('the SDK sample ^+[1-9]... : quantified anchor, cannot match a number with +', () => {
    const lint = lintRoutePattern('^+[1-9][0-9]{3,23}$');
    expect(lint.valid).toBe(true);
    expect(lint.hints.map((h) => h.code)).toEqual(['quantifiedAnchor', 'cannotMatchPlus']);
    expect(lint.hints[0].message).toContain('^\\+');
  });

  test('^1\\d{10}$ cannot match an E.164 number with its +', () => {
    const hints = lintRoutePattern('^1\\d{10}$').hints;
    expect(hints.map((h) => h.code)).toEqual(['cannotMatchPlus']);
    expect(hints[0].message).toContain('+1');
  });

  test("Microsoft docs' ^+1(\\d[10])$ : class used as a count", () => {
    const hints = lintRoutePattern('^+1(\\d[10])$').hints;
    expect(hints.map((h) => h.code)).toEqual(['quantifiedAnchor', 'classUsedAsCount', 'cannotMatchPlus']);
    expect(hints[1].message).toContain('{10}');
  });

  test('a pattern that matches no number at all', () => {
    expect(codes('^\\+1[a-z]$')).toEqual(['matchesNothing']);
    expect(codes('^$x')).toContain('matchesNothing');
  });

  test('missing anchors and whitespace', () => {
    expect(codes('\\+1425')).toEqual(['missingStartAnchor', 'missingEndAnchor']);
    expect(codes('^\\+1 425\\d+$')).toEqual(['whitespace', 'matchesNothing']);
  });

  test('^* makes the anchor optional', () => {
    expect(codes('^*\\+1\\d+$')).toEqual(['quantifiedAnchor']);
  });

  test('invalid .NET is reported as invalid, not as hints', () => {
    const lint = lintRoutePattern('^\\+1(\\d{3}$');
    expect(lint.valid).toBe(false);
    expect(lint.error).toMatch(/Not enough \)'s/);
  });

  test('approximations are surfaced', () => {
    expect(codes('^(\\+)?(?(1)\\d+|\\d+)$')).toContain('approximateEvaluation');
  });
});
