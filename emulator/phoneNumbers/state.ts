/** A fresh Phone Numbers state and its defaults. */
import type { LroPlan, OperationType, PhoneNumbersState } from './model';

const MINUTE = 60_000;

export const DEFAULT_LRO_PLANS: Record<OperationType, LroPlan> = {
	search: { notStartedMs: 100, runningMs: 900, outcome: 'succeed' },
	purchase: { notStartedMs: 100, runningMs: 1400, outcome: 'succeed' },
	reservationPurchase: { notStartedMs: 100, runningMs: 1400, outcome: 'succeed' },
	releasePhoneNumber: { notStartedMs: 100, runningMs: 900, outcome: 'succeed' },
	updatePhoneNumberCapabilities: { notStartedMs: 100, runningMs: 900, outcome: 'succeed' },
};

export function createPhoneNumbersState(seed: number): PhoneNumbersState {
	return {
		seed,
		settings: {
			poolSize: 10_000,
			browseSampleSize: 20,
			searchHoldMs: 16 * MINUTE,
			reservationSlidingMs: 15 * MINUTE,
			reservationCapMs: 120 * MINUTE,
		},
		lro: { defaults: structuredClone(DEFAULT_LRO_PLANS), next: {} },
		purchased: {},
		holds: {},
		searches: {},
		reservations: {},
		operations: {},
		pending: [],
		ledger: { searches: {}, reservations: {} },
	};
}

/** Persisted state from an older build may lack newer fields: fill them from a fresh state. */
export function restorePhoneNumbersState(saved: unknown, seed: number): PhoneNumbersState {
	const fresh = createPhoneNumbersState(seed);
	if (!saved || typeof saved !== 'object') return fresh;
	const value = saved as Partial<PhoneNumbersState>;
	return {
		...fresh,
		...value,
		settings: { ...fresh.settings, ...value.settings },
		lro: {
			defaults: { ...fresh.lro.defaults, ...value.lro?.defaults },
			next: value.lro?.next ?? {},
		},
		ledger: { ...fresh.ledger, ...value.ledger },
	};
}
