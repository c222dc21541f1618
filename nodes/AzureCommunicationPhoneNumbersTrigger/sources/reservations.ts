/** The resource's number reservations: expiring soon, expired, purchased, deleted. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	boundedReservation,
	isExpiringSoon,
	reservationChanges,
	statusAt,
	type ListedReservation,
	type ReservationChange,
	type ReservationChangeKind,
	type ReservationMemories,
} from '../../shared/acs/changes/reservationChanges';
import type { ChangeEvent, ChangeSource, SourceState } from '../../shared/node/trigger';
import { noHistoryReason, PHONE_NUMBER_EVENTS as EVENTS } from '../events';
import type { TriggerSettings } from '../settings';
import { readList } from './serviceReads';

type Reservation = ListedReservation & IDataObject;

const RESERVATIONS = {
	path: '/availablePhoneNumbers/reservations',
	itemsField: 'reservations',
	pageSizeParam: 'maxPageSize',
} as const;

const EVENT_OF: Record<ReservationChangeKind, string> = {
	expiringSoon: EVENTS.reservationExpiringSoon,
	expired: EVENTS.reservationExpired,
	purchased: EVENTS.reservationPurchased,
	deleted: EVENTS.reservationDeleted,
};

function withTimeLeft(reservation: Reservation, now: number): IDataObject {
	const expiresMs = Date.parse(reservation.expiresAt ?? '');
	if (Number.isNaN(expiresMs)) return { ...reservation };
	return { ...reservation, expiresInSeconds: Math.max(0, Math.floor((expiresMs - now) / 1000)) };
}

function toEvent(change: ReservationChange<Reservation>, now: number): ChangeEvent {
	const event: ChangeEvent = {
		event: EVENT_OF[change.kind],
		subjectType: 'reservation',
		subject: change.id,
		detectedAt: new Date(now).toISOString(),
	};
	if (change.before) event.before = { id: change.id, ...change.before };
	if (change.after)
		event.after =
			change.kind === 'expiringSoon' ? withTimeLeft(change.after, now) : { ...change.after };
	return event;
}

/** The reservation that best shows `kind` now: soonest to expire, or most recently finished. */
function sampleOf(
	reservations: Reservation[],
	kind: ReservationChangeKind,
	clock: { now: number; leadTimeMs: number },
): Reservation | undefined {
	const expiry = (reservation: Reservation) => Date.parse(reservation.expiresAt ?? '') || 0;
	const matching = reservations.filter(
		(reservation) =>
			typeof reservation.id === 'string' &&
			(kind === 'expiringSoon'
				? isExpiringSoon(reservation, clock)
				: statusAt(reservation, clock.now) === (kind === 'purchased' ? 'completed' : 'expired')),
	);
	matching.sort((a, b) =>
		kind === 'expiringSoon' ? expiry(a) - expiry(b) : expiry(b) - expiry(a),
	);
	return matching[0];
}

const NO_SAMPLE: Record<Exclude<ReservationChangeKind, 'deleted'>, (minutes: number) => string> = {
	expiringSoon: (minutes) =>
		`No active reservation expires within the lead time (${minutes} minutes), so there is none to show.`,
	expired: () => 'The resource has no expired reservation to show.',
	purchased: () => 'The resource has no purchased reservation to show.',
};

export function reservationsSource(settings: TriggerSettings): ChangeSource {
	const kindOf = (event: string) =>
		(Object.keys(EVENT_OF) as ReservationChangeKind[]).find((kind) => EVENT_OF[kind] === event);
	return {
		key: 'reservations',
		events: Object.values(EVENT_OF),

		async read(ctx: IPollFunctions, previous: SourceState | undefined) {
			const { items, now } = await readList<Reservation>(ctx, settings, RESERVATIONS);
			const { memories, changes } = reservationChanges(
				previous as ReservationMemories | undefined,
				items,
				{ now, leadTimeMs: settings.leadTimeMs },
			);
			return {
				state: memories as unknown as SourceState,
				events: changes.map((change) => toEvent(change, now)),
			};
		},

		async testEvent(ctx: IPollFunctions, event: string) {
			const kind = kindOf(event);
			if (kind === undefined || kind === 'deleted')
				return { none: noHistoryReason('deleted reservations') };
			const { items, now } = await readList<Reservation>(ctx, settings, RESERVATIONS);
			const sample = sampleOf(items.map(boundedReservation), kind, {
				now,
				leadTimeMs: settings.leadTimeMs,
			});
			if (!sample) return { none: NO_SAMPLE[kind](settings.leadTimeMs / 60_000) };
			return toEvent({ kind, id: String(sample.id), after: sample }, now);
		},
	};
}
