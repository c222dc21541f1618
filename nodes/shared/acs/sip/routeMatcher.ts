/**
 * Which routes match a number and which route/trunks would handle the call: routes are tried in order, every
 * route whose .NET numberPattern matches is listed (as testRoutesWithNumber does), the first one handles the call
 * and its trunks are tried in their listed order.
 */
import { compileDotnetRegex } from './dotnetRegex';
import type { SipConfiguration, SipRoute } from './types';

export interface RouteMatchResult {
  /** Every route whose pattern matches the number, in configuration order. */
  matchingRoutes: SipRoute[];
  /** The route that would handle the call (the first match). */
  selectedRoute?: SipRoute;
  /** The trunks of the selected route, in the order they are tried. */
  trunks: string[];
  /** Routes whose pattern could not be evaluated locally (invalid .NET, or not translatable). */
  unevaluated: { route: SipRoute; reason: string }[];
}

const compiledCache = new Map<string, ReturnType<typeof compileDotnetRegex>>();

function compileCached(pattern: string): ReturnType<typeof compileDotnetRegex> {
  let compiled = compiledCache.get(pattern);
  if (!compiled) {
    compiled = compileDotnetRegex(pattern);
    if (compiledCache.size > 500) compiledCache.clear();
    compiledCache.set(pattern, compiled);
  }
  return compiled;
}

export function routeMatchesNumber(route: SipRoute, phoneNumber: string): boolean | undefined {
  const compiled = compileCached(route.numberPattern ?? '');
  return compiled.regex ? compiled.regex.test(phoneNumber) : undefined;
}

export function matchRoutes(configuration: SipConfiguration, phoneNumber: string): RouteMatchResult {
  const result: RouteMatchResult = { matchingRoutes: [], trunks: [], unevaluated: [] };
  for (const route of configuration.routes ?? []) {
    const compiled = compileCached(route.numberPattern ?? '');
    if (!compiled.regex) {
      result.unevaluated.push({ route, reason: compiled.error ?? compiled.warnings.join(' ') });
      continue;
    }
    if (compiled.regex.test(phoneNumber)) result.matchingRoutes.push(route);
  }
  result.selectedRoute = result.matchingRoutes[0];
  result.trunks = [...(result.selectedRoute?.trunks ?? [])];
  return result;
}
