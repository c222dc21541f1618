/**
 * Which routes match a number and which route/trunks would handle the call: routes are tried in order, every
 * route whose .NET numberPattern matches is listed (as testRoutesWithNumber does), the first one handles the call
 * and its trunks are tried in their listed order.
 */
import { compileDotnetRegex, translateDotnetRegex, type DotnetRegexResult } from './dotnetRegex';
import { NOT_EVALUATED_LOCALLY, type PatternMatcher } from './patternEvaluation';
import type { SipConfiguration, SipRoute } from './types';

export interface RouteMatchResult {
	/** Every route whose pattern matches the number, in configuration order. */
	matchingRoutes: SipRoute[];
	/** The route that would handle the call (the first match). */
	selectedRoute?: SipRoute;
	/** The trunks of the selected route, in the order they are tried. */
	trunks: string[];
	/** Routes whose pattern was not evaluated locally (invalid .NET, not translatable, or over the time budget). */
	unevaluated: { route: SipRoute; reason: string; overBudget?: boolean }[];
}

function cachedBy(
	translate: (pattern: string) => DotnetRegexResult,
): (pattern: string) => DotnetRegexResult {
	const cache = new Map<string, DotnetRegexResult>();
	return (pattern) => {
		let translated = cache.get(pattern);
		if (!translated) {
			translated = translate(pattern);
			if (cache.size > 500) cache.clear();
			cache.set(pattern, translated);
		}
		return translated;
	};
}

const compileCached = cachedBy((pattern) => compileDotnetRegex(pattern));
const translateCached = cachedBy((pattern) => translateDotnetRegex(pattern));

function resultOf(
	matchingRoutes: SipRoute[],
	unevaluated: RouteMatchResult['unevaluated'],
): RouteMatchResult {
	const selectedRoute = matchingRoutes[0];
	return { matchingRoutes, selectedRoute, trunks: [...(selectedRoute?.trunks ?? [])], unevaluated };
}

function untranslatable(route: SipRoute, compiled: DotnetRegexResult) {
	return { route, reason: compiled.error ?? compiled.warnings.join(' ') };
}

export function routeMatchesNumber(route: SipRoute, phoneNumber: string): boolean | undefined {
	const compiled = compileCached(route.numberPattern ?? '');
	return compiled.regex ? compiled.regex.test(phoneNumber) : undefined;
}

/** Matches in the caller's thread, without a time limit: the service's side (the emulator) and tests. */
export function matchRoutes(
	configuration: SipConfiguration,
	phoneNumber: string,
): RouteMatchResult {
	const matching: SipRoute[] = [];
	const unevaluated: RouteMatchResult['unevaluated'] = [];
	for (const route of configuration.routes ?? []) {
		const compiled = compileCached(route.numberPattern ?? '');
		if (!compiled.regex) unevaluated.push(untranslatable(route, compiled));
		else if (compiled.regex.test(phoneNumber)) matching.push(route);
	}
	return resultOf(matching, unevaluated);
}

/** Matches through `matcher`; a route it leaves unanswered is listed in `unevaluated` with `overBudget`. */
export async function matchRoutesWithin(
	configuration: SipConfiguration,
	phoneNumber: string,
	matcher: PatternMatcher,
): Promise<RouteMatchResult> {
	const matching: SipRoute[] = [];
	const unevaluated: RouteMatchResult['unevaluated'] = [];
	for (const route of configuration.routes ?? []) {
		const translated = translateCached(route.numberPattern ?? '');
		if (translated.source === undefined || translated.flags === undefined) {
			unevaluated.push(untranslatable(route, translated));
			continue;
		}
		const regex = { source: translated.source, flags: translated.flags };
		const answer = matcher.canAnswer() ? await matcher.firstMatch(regex, [phoneNumber]) : undefined;
		if (answer === undefined)
			unevaluated.push({ route, reason: NOT_EVALUATED_LOCALLY, overBudget: true });
		else if (answer === 0) matching.push(route);
	}
	return resultOf(matching, unevaluated);
}
