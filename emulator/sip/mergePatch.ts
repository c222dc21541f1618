/**
 * RFC 7396 JSON merge patch: an object merges key by key, `null` deletes the key, anything else (arrays included)
 * replaces. Applied to the SIP document this gives the service's semantics: `trunks` and `domains` are maps,
 * `routes` is replaced as a whole. Keys that name prototype properties are never written.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key);

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function copy(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(copy);
	if (!isObject(value)) return value;
	const out: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value))
		if (!isPrototypeKey(key)) out[key] = copy(inner);
	return out;
}

/** The target after the patch; neither argument is changed. */
export function mergePatch(target: unknown, patch: unknown): unknown {
	if (!isObject(patch)) return copy(patch);
	const out = (isObject(target) ? copy(target) : {}) as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch)) {
		if (isPrototypeKey(key)) continue;
		if (value === null) delete out[key];
		else out[key] = mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value);
	}
	return out;
}
