/**
 * What happened to a resource's number reservations between two readings of the list. The list shows only id,
 * expiresAt and status; the rules (and what they cannot tell apart) are in docs/design.md, "Phone Numbers Trigger".
 */
import { boundedId, boundedTime, boundedToken } from './boundedValues';

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

/**
 * The reservation with its id, expiresAt and status bounded (see boundedValues): an expiresAt that is no sane
 * date is left out, a status that is no short word reads "unknown". Everything else is passed on as listed.
 */
export function boundedReservation<T extends ListedReservation>(reservation: T): T {
	const bounded: T = { ...reservation, status: boundedToken(reservation.status) };
	const expiresAt = boundedTime(reservation.expiresAt);
	if (expiresAt === '') delete bounded.expiresAt;
	else bounded.expiresAt = expiresAt;
	if (reservation.id !== undefined && boundedId(reservation.id) === undefined) delete bounded.id;
	return bounded;
}

/** What kept state says about one reservation, bounded like a fresh reading; undefined when it is of another shape. */
function keptMemory(kept: unknown): ReservationMemory | undefined {
	if (typeof kept !== 'object' || kept === null) return undefined;
	const { expiresAt, status, warnedFor } = kept as Record<string, unknown>;
	const memory: ReservationMemory = {
		expiresAt: boundedTime(expiresAt),
		status: boundedToken(status),
	};
	const warned = boundedTime(warnedFor);
	if (warned !== '') memory.warnedFor = warned;
	return memory;
}

/** The status as of `now`: an active reservation past its expiresAt has expired, whatever the list says. */
export function statusAt(reservation: ListedReservation, now: number): string {
	const status = boundedToken(reservation.status);
	const expiresMs = Date.parse(boundedTime(reservation.expiresAt));
	return status === 'active' && !Number.isNaN(expiresMs) && expiresMs <= now ? 'expired' : status;
}

export function isExpiringSoon(
	reservation: ListedReservation,
	{ now, leadTimeMs }: ReservationReadingClock,
): boolean {
	const expiresMs = Date.parse(boundedTime(reservation.expiresAt));
	return (
		statusAt(reservation, now) === 'active' &&
		!Number.isNaN(expiresMs) &&
		expiresMs - now <= leadTimeMs
	);
}

/** Gone from the list: after its expiry it expired; before, someone deleted it (or it was bought and deleted). */
function goneKind(
	memory: ReservationMemory | undefined,
	now: number,
): ReservationChangeKind | undefined {
	if (memory === undefined || FINAL.has(memory.status)) return undefined;
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
	// No prototype: a reservation id such as "__proto__" is then an entry like any other.
	const memories = Object.create(null) as ReservationMemories;
	const changes: Array<ReservationChange<T>> = [];
	for (const reservation of current.map(boundedReservation)) {
		const id = reservation.id;
		if (id === undefined || Object.hasOwn(memories, id)) continue;
		const expiresAt = reservation.expiresAt ?? '';
		const was = previous && Object.hasOwn(previous, id) ? keptMemory(previous[id]) : undefined;
		const listed = statusAt(reservation, clock.now);
		// Expiry is final for an expiresAt: a later reading whose clock is earlier does not make it active again.
		const stillExpired =
			listed === 'active' && was?.status === 'expired' && was.expiresAt === expiresAt;
		const status = stillExpired ? 'expired' : listed;
		const memory: ReservationMemory = { expiresAt, status };
		if (was?.warnedFor === expiresAt) memory.warnedFor = expiresAt;
		if (status === 'active' && isExpiringSoon(reservation, clock)) {
			memory.warnedFor = expiresAt;
			if (previous && was?.warnedFor !== expiresAt)
				changes.push({ kind: 'expiringSoon', id, before: was, after: reservation });
		}
		memories[id] = memory;
		const kind = previous ? listedKind(was, status) : undefined;
		if (kind) changes.push({ kind, id, before: was, after: reservation });
	}
	for (const [id, kept] of Object.entries(previous ?? {})) {
		if (Object.hasOwn(memories, id) || boundedId(id) !== id) continue;
		const was = keptMemory(kept);
		const kind = goneKind(was, clock.now);
		if (kind) changes.push({ kind, id, before: was });
	}
	return { memories, changes };
}
