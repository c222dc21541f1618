import type { SipRoute } from './sipTypes';

export type RoutePosition = 'keep' | 'first' | 'last' | 'before' | 'after';

export interface PlacedRoutes {
	routes: SipRoute[];
	/** Index of the placed route in `routes`. */
	index: number;
	/** True when `before`/`after` names a route that does not exist (routes are then unchanged). */
	missingAnchor: boolean;
}

/** Puts `route` (replacing a route of the same name) at `position`. Order is priority. */
export function placeRoute(
	current: SipRoute[],
	route: SipRoute,
	position: RoutePosition,
	relativeTo?: string,
): PlacedRoutes {
	const existingIndex = current.findIndex((entry) => entry.name === route.name);
	const others = current.filter((entry) => entry.name !== route.name);
	let index: number;
	switch (position) {
		case 'first':
			index = 0;
			break;
		case 'last':
			index = others.length;
			break;
		case 'before':
		case 'after': {
			const anchor = others.findIndex((entry) => entry.name === relativeTo);
			if (anchor < 0) return { routes: current, index: existingIndex, missingAnchor: true };
			index = position === 'before' ? anchor : anchor + 1;
			break;
		}
		default:
			index = existingIndex >= 0 ? existingIndex : others.length;
	}
	const routes = [...others.slice(0, index), route, ...others.slice(index)];
	return { routes, index, missingAnchor: false };
}
