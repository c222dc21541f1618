/** What a hostile or odd service answer, or state written by another version, does to the change detectors. */
import { inventoryChanges } from '../../../../nodes/shared/acs/changes/inventoryChanges';
import {
	reservationChanges,
	type ReservationMemories,
} from '../../../../nodes/shared/acs/changes/reservationChanges';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const clock = { now: NOW, leadTimeMs: 5 * 60_000 };

/** The state as the next poll reads it back from the workflow's static data. */
function storedAndReadBack<T>(state: T): T {
	return JSON.parse(JSON.stringify(state)) as T;
}

it('a reservation whose id is "__proto__" is remembered, so its purchase is reported once, not every poll', () => {
	const list = [{ id: '__proto__', status: 'active', expiresAt: '2026-03-01T11:00:00Z' }];
	const baseline = reservationChanges(undefined, list, clock).memories;
	const bought = [{ ...list[0], status: 'completed' }];
	const first = reservationChanges(storedAndReadBack(baseline), bought, clock);
	expect(first.changes.map((change) => change.kind)).toEqual(['purchased']);
	const second = reservationChanges(storedAndReadBack(first.memories), bought, clock);
	expect(second.changes).toEqual([]);
});

it('a capability the service sends as a non-string does not break every poll', () => {
	const hostile = [
		{
			id: '+14255550100',
			phoneNumber: '+14255550100',
			capabilities: { calling: 5 as unknown as string, sms: { x: 1 } as unknown as string },
		},
	];
	expect(() => inventoryChanges({}, hostile)).not.toThrow();
});

it('reservation memories of another shape (null entries) do not break every poll', () => {
	const garbage = { a: null, b: 'x' } as unknown as ReservationMemories;
	expect(() => reservationChanges(garbage, [], clock)).not.toThrow();
});

it('kept fingerprints of another shape report no made-up releases', () => {
	const garbage = { numbers: 'bn', '14255550100': 7 } as unknown as Record<string, string>;
	expect(inventoryChanges(garbage, []).changes).toEqual([]);
});
