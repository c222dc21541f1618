/**
 * The secret values this process's credentials produced (access keys, signatures, client secrets, tokens and their
 * segments), so that the scrubber can remove them where no marker gives them away. Shared across bundles: it hangs
 * under a registered symbol on the built-in Symbol function, which every bundle of this process sees (community
 * nodes may not use globalThis). In memory only, bounded to the most recent values; never logged or returned.
 */
const REGISTRY_KEY = Symbol.for('n8n-nodes-azure-communication.secrets');
const MAX_VALUES = 256;
/** Shorter values are not registered; a fragment of this length of a registered value counts as that value. */
export const SECRET_WINDOW = 16;
/**
 * Half a window: text holding a SECRET_WINDOW fragment holds one of its PROBE_WINDOW fragments at every multiple of
 * PROBE_WINDOW, so looking there first is enough to rule a run out.
 */
export const PROBE_WINDOW = SECRET_WINDOW / 2;

interface Registry {
	values: Set<string>;
	/** Every SECRET_WINDOW-character fragment of a registered value, with how many registered values hold it. */
	windows: Map<string, number>;
	/** The same for PROBE_WINDOW-character fragments. */
	probes: Map<string, number>;
}

function registry(): Registry {
	const holder = Symbol as unknown as { [REGISTRY_KEY]?: Registry };
	return (holder[REGISTRY_KEY] ??= { values: new Set(), windows: new Map(), probes: new Map() });
}

function countWindows(
	windows: Map<string, number>,
	width: number,
	value: string,
	change: 1 | -1,
): void {
	for (let start = 0; start + width <= value.length; start++) {
		const window = value.slice(start, start + width);
		const count = (windows.get(window) ?? 0) + change;
		if (count > 0) windows.set(window, count);
		else windows.delete(window);
	}
}

function countFragments(entry: Registry, value: string, change: 1 | -1): void {
	countWindows(entry.windows, SECRET_WINDOW, value, change);
	countWindows(entry.probes, PROBE_WINDOW, value, change);
}

export function registerSecret(value: string): void {
	if (typeof value !== 'string' || value.length < SECRET_WINDOW) return;
	const entry = registry();
	const { values } = entry;
	if (values.delete(value)) {
		values.add(value);
		return;
	}
	values.add(value);
	countFragments(entry, value, 1);
	if (values.size > MAX_VALUES) {
		const oldest = values.values().next().value as string;
		values.delete(oldest);
		countFragments(entry, oldest, -1);
	}
}

/** A JWT (or an opaque token): the whole value and each of its dot-separated segments. */
export function registerToken(token: string): void {
	registerSecret(token);
	for (const segment of token.split('.')) if (segment !== token) registerSecret(segment);
}

export function hasRegisteredSecrets(): boolean {
	return registry().values.size > 0;
}

/** Whether `fragment` (SECRET_WINDOW characters) is part of a registered value. */
export function isSecretFragment(fragment: string): boolean {
	return registry().windows.has(fragment);
}

/** Whether `fragment` (PROBE_WINDOW characters) is part of a registered value. */
export function isSecretProbe(fragment: string): boolean {
	return registry().probes.has(fragment);
}
