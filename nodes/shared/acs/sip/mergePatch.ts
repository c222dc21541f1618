/**
 * RFC 7396 JSON merge patch, safe against hostile keys: `__proto__`, `constructor` and `prototype` are never
 * written (they are reported in `ignoredKeys`), so patch data cannot reach any prototype.
 * Applied to a SIP document this gives the service's semantics: `trunks`/`domains` are maps (null deletes a
 * key, objects merge), `routes` is an array (replaced as a whole).
 */
import type { SipConfiguration, SipConfigurationPatch } from './types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface MergeResult<T> {
	value: T;
	/** Paths of keys that were ignored because they could alter prototypes: 'trunks.__proto__'. */
	ignoredKeys: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cloneJson(value: unknown, path: string, ignored: string[]): unknown {
	if (Array.isArray(value)) return value.map((v, i) => cloneJson(v, `${path}[${i}]`, ignored));
	if (!isPlainObject(value)) return value;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(key)) {
			ignored.push(path ? `${path}.${key}` : key);
			continue;
		}
		out[key] = cloneJson(value[key], path ? `${path}.${key}` : key, ignored);
	}
	return out;
}

function merge(target: unknown, patch: unknown, path: string, ignored: string[]): unknown {
	if (!isPlainObject(patch)) return cloneJson(patch, path, ignored);
	const base = isPlainObject(target)
		? (cloneJson(target, path, []) as Record<string, unknown>)
		: {};
	for (const key of Object.keys(patch)) {
		const keyPath = path ? `${path}.${key}` : key;
		if (FORBIDDEN_KEYS.has(key)) {
			ignored.push(keyPath);
			continue;
		}
		const value = patch[key];
		if (value === null) delete base[key];
		else
			base[key] = merge(
				Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined,
				value,
				keyPath,
				ignored,
			);
	}
	return base;
}

/** Generic RFC 7396 merge; never mutates its arguments. */
export function applyMergePatch<T = unknown>(target: unknown, patch: unknown): MergeResult<T> {
	const ignoredKeys: string[] = [];
	const value = merge(target, patch, '', ignoredKeys) as T;
	return { value, ignoredKeys };
}

/** The SIP document after a PATCH /sip body (before validation). */
export function applySipPatch(
	current: SipConfiguration,
	patch: SipConfigurationPatch,
): MergeResult<SipConfiguration> {
	return applyMergePatch<SipConfiguration>(current, patch);
}

export function isForbiddenKey(key: string): boolean {
	return FORBIDDEN_KEYS.has(key);
}
