/** Reservation rules: derived status, sliding expiry, wire views. */
import type { PhoneNumbersState, ReservationRecord, ReservationStatus } from './model';
import { own } from './own';

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

export function reservationStatus(reservation: ReservationRecord, now: number): ReservationStatus {
	return reservation.status === 'active' && now >= reservation.expiresAt
		? 'expired'
		: reservation.status;
}

/** 15 minutes after the last change, never more than 2 hours after creation (settings hold both spans). */
export function extendExpiry(
	state: PhoneNumbersState,
	reservation: ReservationRecord,
	now: number,
): void {
	reservation.expiresAt = Math.min(
		now + state.settings.reservationSlidingMs,
		reservation.createdAt + state.settings.reservationCapMs,
	);
}

const NUMBER_STATUS: Record<ReservationStatus, string> = {
	active: 'reserved',
	submitted: 'reserved',
	completed: 'purchased',
	expired: 'expired',
};

export function reservationView(
	reservation: ReservationRecord,
	now: number,
	withNumbers: boolean,
): Record<string, unknown> {
	const status = reservationStatus(reservation, now);
	const view: Record<string, unknown> = {
		id: reservation.id,
		expiresAt: new Date(reservation.expiresAt).toISOString(),
	};
	if (withNumbers) {
		view.phoneNumbers = Object.fromEntries(
			Object.values(reservation.phoneNumbers).map((number) => [
				number.id,
				{ ...number, status: NUMBER_STATUS[status] },
			]),
		);
	}
	view.status = status;
	return view;
}

/** Reservations older than a month are deleted automatically (spec prose). */
export function dropOldReservations(state: PhoneNumbersState, now: number): boolean {
	let dropped = false;
	for (const reservation of Object.values(state.reservations)) {
		if (now - reservation.createdAt > MONTH_MS && reservation.status !== 'submitted') {
			releaseReservationHolds(state, reservation);
			delete state.reservations[reservation.id];
			dropped = true;
		}
	}
	return dropped;
}

export function releaseReservationHolds(
	state: PhoneNumbersState,
	reservation: ReservationRecord,
): void {
	for (const id of Object.keys(reservation.phoneNumbers)) {
		if (own(state.holds, id)?.owner === reservation.id) delete state.holds[id];
	}
}
