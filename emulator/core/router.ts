/** Finds the route for a method + raw path. */
import type { Domain, Route } from './types';

export interface MountedRoute {
  route: Route;
  domain?: Domain<any>;
}

export function findRoute(routes: MountedRoute[], method: string, rawPath: string): { mounted: MountedRoute; match: RegExpMatchArray } | undefined {
  for (const mounted of routes) {
    if (mounted.route.method.toUpperCase() !== method) continue;
    const match = rawPath.match(mounted.route.pattern);
    if (match) return { mounted, match };
  }
  return undefined;
}
