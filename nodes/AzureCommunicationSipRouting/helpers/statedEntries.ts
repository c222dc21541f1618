import type { SipDomain, SipRoute, SipTrunk } from './sipTypes';

/**
 * The one rule for what an input does not state: a field left out keeps the stored value of an existing trunk,
 * route or domain; a new one without a field the service needs is refused, naming the field. A route's
 * `description` or `callerIdOverride` stated as null is cleared.
 */

export type StatedTrunk = Partial<Omit<SipTrunk, 'health'>>;
export type StatedDomain = Partial<SipDomain>;
export interface StatedRoute {
	name: string;
	numberPattern?: string;
	trunks?: string[];
	description?: string | null;
	callerIdOverride?: string | null;
}

export type Completed<T> =
	| { value: T; missing?: undefined }
	| { value?: undefined; missing: string };

export function completeTrunk(
	stored: SipTrunk | undefined,
	stated: StatedTrunk,
): Completed<SipTrunk> {
	const merged = { ...stored, ...stated };
	delete merged.health;
	if (merged.sipSignalingPort === undefined) return { missing: 'sipSignalingPort' };
	return { value: merged as SipTrunk };
}

export function completeRoute(
	stored: SipRoute | undefined,
	stated: StatedRoute,
): Completed<SipRoute> {
	const merged: Record<string, unknown> = { ...stored, ...stated };
	for (const clearable of ['description', 'callerIdOverride'])
		if (merged[clearable] === null) delete merged[clearable];
	if (merged.numberPattern === undefined) return { missing: 'numberPattern' };
	return {
		value: { ...merged, trunks: (merged.trunks as string[] | undefined) ?? [] } as SipRoute,
	};
}

export function completeDomain(
	stored: SipDomain | undefined,
	stated: StatedDomain,
): Completed<SipDomain> {
	const enabled = stated.enabled ?? stored?.enabled;
	return enabled === undefined ? { missing: 'enabled' } : { value: { enabled } };
}

export function missingMessage(
	kind: 'trunk' | 'route' | 'domain',
	name: string,
	field: string,
): string {
	return `new ${kind} "${name}" has no ${field}`;
}
