import {
	reservationChanges,
	type ReservationMemories,
} from '../../../../nodes/shared/acs/changes/reservationChanges';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const MINUTE = 60_000;
const clock = { now: NOW, leadTimeMs: 5 * MINUTE };

function at(minutesFromNow: number): string {
	return new Date(NOW + minutesFromNow * MINUTE).toISOString();
}

function reservation(id: string, status: string, expiresInMinutes: number) {
	return { id, status, expiresAt: at(expiresInMinutes) };
}

function kinds(
	previous: ReservationMemories | undefined,
	current: ReturnType<typeof reservation>[],
	now = NOW,
) {
	return reservationChanges(previous, current, { ...clock, now }).changes.map(
		(change) => `${change.kind}:${change.id}`,
	);
}

function remembered(current: ReturnType<typeof reservation>[], now = NOW): ReservationMemories {
	return reservationChanges(undefined, current, { ...clock, now }).memories;
}

it('the baseline reports nothing, and remembers a reservation already expiring soon as reported', () => {
	const list = [reservation('a', 'active', 3), reservation('b', 'completed', 10)];
	const { memories, changes } = reservationChanges(undefined, list, clock);
	expect(changes).toEqual([]);
	expect(memories.a).toEqual({ expiresAt: at(3), status: 'active', warnedFor: at(3) });
	expect(kinds(memories, list)).toEqual([]);
});

it('reports "expiring soon" once per expiresAt, and again after a change extended it', () => {
	const previous = remembered([reservation('a', 'active', 12)]);
	expect(kinds(previous, [reservation('a', 'active', 12)])).toEqual([]);
	const soon = reservationChanges(previous, [reservation('a', 'active', 12)], {
		...clock,
		now: NOW + 8 * MINUTE,
	});
	expect(soon.changes.map((change) => change.kind)).toEqual(['expiringSoon']);
	expect(kinds(soon.memories, [reservation('a', 'active', 12)], NOW + 9 * MINUTE)).toEqual([]);
	// A change to the reservation moved expiresAt 15 minutes on: not soon now, soon again later.
	const extended = reservationChanges(soon.memories, [reservation('a', 'active', 24)], {
		...clock,
		now: NOW + 9 * MINUTE,
	});
	expect(extended.changes).toEqual([]);
	expect(kinds(extended.memories, [reservation('a', 'active', 24)], NOW + 20 * MINUTE)).toEqual([
		'expiringSoon:a',
	]);
});

it('reports a reservation that became expired, or whose expiresAt passed while it still reads active', () => {
	const previous = remembered([reservation('a', 'active', 12), reservation('b', 'active', 12)]);
	const later = NOW + 13 * MINUTE;
	expect(
		kinds(previous, [reservation('a', 'expired', 12), reservation('b', 'active', 12)], later),
	).toEqual(['expired:a', 'expired:b']);
});

it('reports a completed reservation as purchased, once', () => {
	const previous = remembered([reservation('a', 'active', 12)]);
	const { memories, changes } = reservationChanges(
		previous,
		[reservation('a', 'completed', 12)],
		clock,
	);
	expect(changes.map((change) => change.kind)).toEqual(['purchased']);
	expect(changes[0].before).toEqual({ expiresAt: at(12), status: 'active' });
	expect(kinds(memories, [reservation('a', 'completed', 12)], NOW + 30 * MINUTE)).toEqual([]);
});

it('tells a reservation gone before its expiry (deleted) from one gone after it (expired)', () => {
	const previous = remembered([reservation('a', 'active', 12), reservation('b', 'active', 2)]);
	expect(kinds(previous, [], NOW + 5 * MINUTE)).toEqual(['deleted:a', 'expired:b']);
});

it('reports nothing when a reservation already reported purchased or expired leaves the list', () => {
	const previous = remembered([reservation('a', 'completed', 12), reservation('b', 'expired', -1)]);
	expect(kinds(previous, [])).toEqual([]);
});

it('reports a reservation made and finished between two polls', () => {
	const previous = remembered([]);
	expect(
		kinds(previous, [
			reservation('new-bought', 'completed', 12),
			reservation('new-soon', 'active', 4),
			reservation('new-quiet', 'active', 14),
		]),
	).toEqual(['purchased:new-bought', 'expiringSoon:new-soon']);
});
