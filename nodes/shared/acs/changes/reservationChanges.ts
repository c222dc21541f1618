/**
 * What happened to a resource's number reservations between two readings of the list. The list shows only id,
 * expiresAt and status; the rules (and what they cannot tell apart) are in docs/design.md, "Phone Numbers Trigger".
 */

export interface ListedReservation {
	id?: string;
	expiresAt?: string;
	status?: string;
}

/** What is kept about one reservation between polls. */
export interface ReservationMemory {
	expiresAt: string;
	status: string;
	/** The expiresAt for which "expiring soon" was reported (or was already true at the baseline). */
	warnedFor?: string;
}

export type ReservationMemories = Record<string, ReservationMemory>;

export type ReservationChangeKind = 'expiringSoon' | 'expired' | 'purchased' | 'deleted';

export interface ReservationChange<T extends ListedReservation> {
	kind: ReservationChangeKind;
	id: string;
	before?: ReservationMemory;
	/** The reservation as listed now; absent when it is gone. */
	after?: T;
}

export interface ReservationReadingClock {
	/** The service's time of the reading, in ms. */
	now: number;
	/** "Expiring soon" is at most this many ms before expiresAt. */
	leadTimeMs: number;
}

const FINAL = new Set(['completed', 'expired']);

/** The status as of `now`: an active reservation past its expiresAt has expired, whatever the list says. */
export function statusAt(reservation: ListedReservation, now: number): string {
	const status = reservation.status ?? 'unknown';
	const expiresMs = Date.parse(reservation.expiresAt ?? '');
	return status === 'active' && !Number.isNaN(expiresMs) && expiresMs <= now ? 'expired' : status;
}

export function isExpiringSoon(
	reservation: ListedReservation,
	{ now, leadTimeMs }: ReservationReadingClock,
): boolean {
	const expiresMs = Date.parse(reservation.expiresAt ?? '');
	return (
		statusAt(reservation, now) === 'active' &&
		!Number.isNaN(expiresMs) &&
		expiresMs - now <= leadTimeMs
	);
}

/** Gone from the list: after its expiry it expired; before, someone deleted it (or it was bought and deleted). */
function goneKind(memory: ReservationMemory, now: number): ReservationChangeKind | undefined {
	if (FINAL.has(memory.status)) return undefined;
	const expiresMs = Date.parse(memory.expiresAt);
	return !Number.isNaN(expiresMs) && expiresMs <= now ? 'expired' : 'deleted';
}

function listedKind(
	was: ReservationMemory | undefined,
	status: string,
): ReservationChangeKind | undefined {
	if (status === 'completed' && was?.status !== 'completed') return 'purchased';
	if (status === 'expired' && was?.status !== 'expired') return 'expired';
	return undefined;
}

/**
 * `previous` undefined is the baseline: the memories are returned and nothing is reported (a reservation already
 * expiring soon then is remembered as reported, so activation itself is not an event).
 */
export function reservationChanges<T extends ListedReservation>(
	previous: ReservationMemories | undefined,
	current: readonly T[],
	clock: ReservationReadingClock,
): { memories: ReservationMemories; changes: Array<ReservationChange<T>> } {
	const memories: ReservationMemories = {};
	const changes: Array<ReservationChange<T>> = [];
	for (const reservation of current) {
		const id = reservation.id;
		if (typeof id !== 'string' || id === '' || Object.hasOwn(memories, id)) continue;
		const status = statusAt(reservation, clock.now);
		const expiresAt = reservation.expiresAt ?? '';
		const was = previous && Object.hasOwn(previous, id) ? previous[id] : undefined;
		const memory: ReservationMemory = { expiresAt, status };
		if (was?.warnedFor === expiresAt) memory.warnedFor = expiresAt;
		if (isExpiringSoon(reservation, clock)) {
			memory.warnedFor = expiresAt;
			if (previous && was?.warnedFor !== expiresAt)
				changes.push({ kind: 'expiringSoon', id, before: was, after: reservation });
		}
		memories[id] = memory;
		const kind = previous ? listedKind(was, status) : undefined;
		if (kind) changes.push({ kind, id, before: was, after: reservation });
	}
	for (const [id, was] of Object.entries(previous ?? {})) {
		if (Object.hasOwn(memories, id)) continue;
		const kind = goneKind(was, clock.now);
		if (kind) changes.push({ kind, id, before: was });
	}
	return { memories, changes };
}
