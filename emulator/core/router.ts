/** Finds the route for a method + raw path. */
import type { Domain, Route } from './types';

export interface MountedRoute {
	route: Route;
	domain?: Domain<any>;
}

/** Routes grouped by upper-case method, built once per route list (route lists are fixed at start). */
const byMethodCache = new WeakMap<MountedRoute[], Map<string, MountedRoute[]>>();

function routesByMethod(routes: MountedRoute[]): Map<string, MountedRoute[]> {
	let byMethod = byMethodCache.get(routes);
	if (!byMethod) {
		byMethod = new Map();
		for (const mounted of routes) {
			const method = mounted.route.method.toUpperCase();
			byMethod.set(method, [...(byMethod.get(method) ?? []), mounted]);
		}
		byMethodCache.set(routes, byMethod);
	}
	return byMethod;
}

export function findRoute(
	routes: MountedRoute[],
	method: string,
	rawPath: string,
): { mounted: MountedRoute; match: RegExpMatchArray } | undefined {
	for (const mounted of routesByMethod(routes).get(method) ?? []) {
		const match = rawPath.match(mounted.route.pattern);
		if (match) return { mounted, match };
	}
	return undefined;
}
