/**
 * Reads of id-keyed state records. State stays plain JSON objects (persisted and restored as such), so a key taken
 * from a request ('constructor', '__proto__', 'toString', ...) must never resolve to an Object.prototype member.
 */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}
