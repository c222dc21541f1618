/** Awaits a promise into a result, so that failures are inspected as values rather than re-thrown from a catch. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: Error): Settled<T> => ({ ok: false, error }),
	);
}
