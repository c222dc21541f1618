/**
 * Long-running operations. Status is derived from the virtual clock at read time; the terminal effects
 * (numbers bought, released, capabilities changed, holds dropped) are applied once by `settle`.
 */
import type {
	ErrorBody,
	LroPlan,
	OperationRecord,
	OperationStatus,
	OperationType,
	PhoneNumbersState,
} from './model';
import { own } from './own';
import { removePurchased, setPurchased } from './purchasedList';

export const CANCELED_ERROR: ErrorBody = {
	code: 'OperationCanceled',
	message: 'The operation was canceled.',
};
export const DEFAULT_FAILURE: ErrorBody = {
	code: 'InternalError',
	message: 'The operation failed.',
};
export const LAST_ACTION_DATE_TIME = '0001-01-01T00:00:00+00:00';

/** The next queued plan for this type (set through the control API), else the type's default. */
export function takePlan(state: PhoneNumbersState, type: OperationType): LroPlan {
	const queued = state.lro.next[type];
	if (queued && queued.length > 0) return queued.shift() as LroPlan;
	return { ...state.lro.defaults[type] };
}

export interface StartOptions {
	id: string;
	operationType: OperationType;
	subject: string;
	now: number;
	apiVersion: string;
	/** Path of the final resource (search result, phone number), without query; null when there is none. */
	resourceLocation: string | null;
	capabilities?: OperationRecord['capabilities'];
	forcedError?: ErrorBody;
}

export function startOperation(state: PhoneNumbersState, options: StartOptions): OperationRecord {
	const record: OperationRecord = {
		id: options.id,
		operationType: options.operationType,
		subject: options.subject,
		createdAt: options.now,
		apiVersion: options.apiVersion,
		resourceLocation: options.resourceLocation,
		plan: takePlan(state, options.operationType),
		settled: false,
	};
	if (options.capabilities) record.capabilities = options.capabilities;
	if (options.forcedError) record.forcedError = options.forcedError;
	state.operations[record.id] = record;
	if (!state.pending.includes(record.id)) state.pending.push(record.id);
	return record;
}

export function completionTime(operation: OperationRecord): number {
	return operation.createdAt + operation.plan.notStartedMs + operation.plan.runningMs;
}

export function statusAt(
	operation: OperationRecord,
	now: number,
): { status: OperationStatus; error?: ErrorBody } {
	if (operation.canceledAt !== undefined) return { status: 'failed', error: CANCELED_ERROR };
	const { plan } = operation;
	const elapsed = now - operation.createdAt;
	if (elapsed < plan.notStartedMs) return { status: 'notStarted' };
	const runningFor = elapsed - plan.notStartedMs;
	if (plan.outcome === 'never' || runningFor < plan.runningMs) {
		const inSecondHalf = plan.outcome !== 'never' && runningFor >= plan.runningMs / 2;
		return { status: plan.nonMonotonic && inSecondHalf ? 'notStarted' : 'running' };
	}
	if (operation.forcedError) return { status: 'failed', error: operation.forcedError };
	if (plan.outcome === 'fail') return { status: 'failed', error: plan.error ?? DEFAULT_FAILURE };
	return { status: 'succeeded' };
}

export function isTerminal(status: OperationStatus): boolean {
	return status === 'succeeded' || status === 'failed';
}

/** Applies the effects of every operation that reached a terminal state. Returns true when state changed. */
export function settle(state: PhoneNumbersState, now: number): boolean {
	if (state.pending.length === 0) return false;
	let changed = false;
	state.pending = state.pending.filter((id) => {
		const operation = own(state.operations, id);
		if (!operation) return false;
		const { status } = statusAt(operation, now);
		if (!isTerminal(status)) return true;
		applyEffects(state, operation, status === 'succeeded');
		operation.settled = true;
		changed = true;
		return false;
	});
	return changed;
}

function applyEffects(
	state: PhoneNumbersState,
	operation: OperationRecord,
	succeeded: boolean,
): void {
	const finishedAt = new Date(operation.canceledAt ?? completionTime(operation)).toISOString();
	switch (operation.operationType) {
		case 'search':
			if (!succeeded) releaseSearchHolds(state, operation.subject);
			return;
		case 'purchase':
			return settleSearchPurchase(state, operation.subject, succeeded, finishedAt);
		case 'reservationPurchase':
			return settleReservationPurchase(state, operation.subject, succeeded, finishedAt);
		case 'releasePhoneNumber':
			if (succeeded) releasePurchase(state, operation);
			return;
		case 'updatePhoneNumberCapabilities': {
			const number = own(state.purchased, operation.subject);
			if (succeeded && number)
				number.capabilities = { ...number.capabilities, ...operation.capabilities };
			return;
		}
	}
}

/**
 * A release ends the ownership it was started for. When an earlier release already freed the number and someone
 * bought it again (or holds it) since, that purchase or hold is theirs and stays.
 */
function releasePurchase(state: PhoneNumbersState, operation: OperationRecord): void {
	const number = own(state.purchased, operation.subject);
	if (number && Date.parse(number.purchaseDate) <= operation.createdAt)
		removePurchased(state, operation.subject);
}

function releaseSearchHolds(state: PhoneNumbersState, searchId: string): void {
	const search = own(state.searches, searchId);
	if (!search) return;
	for (const digits of search.phoneNumbers) {
		if (own(state.holds, digits)?.owner === searchId) delete state.holds[digits];
	}
}

function settleSearchPurchase(
	state: PhoneNumbersState,
	searchId: string,
	succeeded: boolean,
	purchaseDate: string,
): void {
	const search = own(state.searches, searchId);
	if (!search) return;
	if (!succeeded) {
		if (search.purchase === 'pending') search.purchase = 'failed';
		return;
	}
	if (search.purchase === 'purchased') return;
	search.purchase = 'purchased';
	state.ledger.searches[searchId] = (own(state.ledger.searches, searchId) ?? 0) + 1;
	for (const digits of search.phoneNumbers) {
		setPurchased(state, {
			id: digits,
			phoneNumber: `+${digits}`,
			countryCode: search.countryCode,
			phoneNumberType: search.phoneNumberType,
			capabilities: { ...search.capabilities },
			assignmentType: search.assignmentType,
			purchaseDate,
			cost: { ...search.cost },
		});
		delete state.holds[digits];
	}
}

function settleReservationPurchase(
	state: PhoneNumbersState,
	reservationId: string,
	succeeded: boolean,
	purchaseDate: string,
): void {
	const reservation = own(state.reservations, reservationId);
	if (!reservation) return;
	if (!succeeded) {
		if (reservation.status === 'submitted') reservation.status = 'active';
		return;
	}
	if (reservation.status === 'completed') return;
	reservation.status = 'completed';
	state.ledger.reservations[reservationId] =
		(own(state.ledger.reservations, reservationId) ?? 0) + 1;
	for (const number of Object.values(reservation.phoneNumbers)) {
		setPurchased(state, {
			id: number.id,
			phoneNumber: number.phoneNumber,
			countryCode: number.countryCode,
			phoneNumberType: number.phoneNumberType,
			capabilities: { ...number.capabilities },
			assignmentType: number.assignmentType,
			purchaseDate,
			cost: { ...number.cost },
		});
		delete state.holds[number.id];
	}
}

/** The wire shape of GET /phoneNumbers/operations/{id}. */
export function operationBody(
	operation: OperationRecord,
	now: number,
	apiVersion: string,
): Record<string, unknown> {
	const { status, error } = statusAt(operation, now);
	const body: Record<string, unknown> = {
		id: operation.id,
		operationType: operation.operationType,
		status,
		resourceLocation: resourceUrl(operation, apiVersion),
		createdDateTime: new Date(operation.createdAt).toISOString(),
		lastActionDateTime: LAST_ACTION_DATE_TIME,
	};
	if (error) body.error = error;
	return body;
}

export function resourceUrl(operation: OperationRecord, apiVersion: string): string | null {
	return operation.resourceLocation === null
		? null
		: `${operation.resourceLocation}?api-version=${apiVersion}`;
}

export function operationLocation(operationId: string, apiVersion: string): string {
	return `/phoneNumbers/operations/${operationId}?api-version=${apiVersion}`;
}
