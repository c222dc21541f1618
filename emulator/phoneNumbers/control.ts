/** Control routes under /_emulator/phoneNumbers/ (documented in README.md). */
import { acsError, type EmulatorReply, type Route } from '../core/types';
import { findOffering } from './catalog';
import { route, JSON_OK, type DomainCall } from './handlers/route';
import { isTaken, matchingPools, takeFreeNumbers } from './inventory';
import { isTerminal, statusAt } from './lro';
import {
	OPERATION_TYPES,
	type AssignmentType,
	type Capabilities,
	type InventorySettings,
	type LroPlan,
	type OperationType,
	type PhoneNumbersState,
} from './model';
import { DEFAULT_LRO_PLANS } from './state';
import {
	bodyObject,
	capabilitiesWithin,
	checkAssignmentType,
	checkCapabilities,
	checkPhoneNumberType,
	isReply,
	resolveCountry,
} from './validation';
import { own } from './own';
import { setPurchased } from './purchasedList';

const PREFIX = '^/_emulator/phoneNumbers';

export function controlRoutes(getState: () => PhoneNumbersState): Route[] {
	const at = (path: string) => new RegExp(`${PREFIX}${path}$`);
	return [
		route('GET', at('/state'), getState, inspectState),
		route('GET', at('/ledger'), getState, (call) => JSON_OK(ledgerView(call.state))),
		route('GET', at('/settings'), getState, (call) => JSON_OK(call.state.settings)),
		route('PUT', at('/settings'), getState, putSettings),
		route('GET', at('/lro'), getState, (call) => JSON_OK(call.state.lro)),
		route('PUT', at('/lro'), getState, putLroDefaults),
		route('POST', at('/lro/next'), getState, queueNextPlans),
		route('DELETE', at('/lro'), getState, resetLro),
		route('POST', at('/seed'), getState, seedPurchased),
	];
}

function controlError(message: string): EmulatorReply {
	return acsError(400, 'InvalidInput', message);
}

function inspectState(call: DomainCall): EmulatorReply {
	const { state, now } = call;
	if (call.req.query.get('detail') === 'true') return JSON_OK(state);
	const operations = Object.values(state.operations);
	const byStatus: Record<string, number> = {};
	for (const operation of operations) {
		const { status } = statusAt(operation, now);
		byStatus[status] = (byStatus[status] ?? 0) + 1;
	}
	return JSON_OK({
		seed: state.seed,
		now: new Date(now).toISOString(),
		settings: state.settings,
		purchasedCount: Object.keys(state.purchased).length,
		heldCount: Object.keys(state.holds).filter(
			(digits) => !own(state.purchased, digits) && isTaken(state, digits, now),
		).length,
		searchCount: Object.keys(state.searches).length,
		reservationCount: Object.keys(state.reservations).length,
		operations: {
			total: operations.length,
			byStatus,
			unfinished: operations
				.filter((op) => !isTerminal(statusAt(op, now).status))
				.map((op) => op.id),
		},
		ledger: ledgerView(state),
	});
}

function ledgerView(state: PhoneNumbersState) {
	const sum = (counts: Record<string, number>) =>
		Object.values(counts).reduce((total, count) => total + count, 0);
	const boughtTwice = [
		...Object.entries(state.ledger.searches),
		...Object.entries(state.ledger.reservations),
	]
		.filter(([, count]) => count > 1)
		.map(([id]) => id);
	return {
		searches: state.ledger.searches,
		reservations: state.ledger.reservations,
		totals: { searches: sum(state.ledger.searches), reservations: sum(state.ledger.reservations) },
		boughtMoreThanOnce: boughtTwice,
	};
}

const SETTING_LIMITS: Record<keyof InventorySettings, [number, number]> = {
	poolSize: [1, 10_000_000],
	browseSampleSize: [1, 1000],
	searchHoldMs: [0, 365 * 86_400_000],
	reservationSlidingMs: [0, 365 * 86_400_000],
	reservationCapMs: [0, 365 * 86_400_000],
};

function putSettings(call: DomainCall): EmulatorReply {
	const body = bodyObject(call.req.body);
	if (isReply(body)) return body;
	const next = { ...call.state.settings };
	for (const [name, value] of Object.entries(body)) {
		const limits = own(SETTING_LIMITS, name);
		if (!limits)
			return controlError(
				`Unknown setting '${name}'. Known: ${Object.keys(SETTING_LIMITS).join(', ')}.`,
			);
		if (
			typeof value !== 'number' ||
			!Number.isInteger(value) ||
			value < limits[0] ||
			value > limits[1]
		) {
			return controlError(`${name} must be an integer from ${limits[0]} to ${limits[1]}.`);
		}
		next[name as keyof InventorySettings] = value;
	}
	call.state.settings = next;
	call.ctx.markDirty();
	return JSON_OK(next);
}

/** A plan from a control body; fields left out keep `base`. */
function readPlan(body: Record<string, unknown>, base: LroPlan): LroPlan | string {
	const plan: LroPlan = { ...base };
	for (const field of ['notStartedMs', 'runningMs'] as const) {
		const value = body[field];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
			return `${field} must be a number of milliseconds >= 0.`;
		plan[field] = value;
	}
	if (body.outcome !== undefined) {
		if (body.outcome !== 'succeed' && body.outcome !== 'fail' && body.outcome !== 'never')
			return "outcome must be 'succeed', 'fail' or 'never'.";
		plan.outcome = body.outcome;
	}
	if (body.error !== undefined) {
		const error = body.error as Record<string, unknown> | null;
		if (!error || typeof error.code !== 'string' || typeof error.message !== 'string')
			return 'error must be {"code": string, "message": string}.';
		plan.error = { code: error.code, message: error.message };
	}
	if (body.nonMonotonic !== undefined) {
		if (typeof body.nonMonotonic !== 'boolean') return 'nonMonotonic must be a boolean.';
		plan.nonMonotonic = body.nonMonotonic;
	}
	return plan;
}

function readOperationTypes(value: unknown, required: boolean): OperationType[] | string {
	if (value === undefined)
		return required
			? `operationType is required: one of ${OPERATION_TYPES.join(', ')}.`
			: [...OPERATION_TYPES];
	if (typeof value !== 'string' || !(OPERATION_TYPES as readonly string[]).includes(value)) {
		return `operationType must be one of ${OPERATION_TYPES.join(', ')}.`;
	}
	return [value as OperationType];
}

function putLroDefaults(call: DomainCall): EmulatorReply {
	const body = bodyObject(call.req.body);
	if (isReply(body)) return body;
	const types = readOperationTypes(body.operationType, false);
	if (typeof types === 'string') return controlError(types);
	for (const type of types) {
		const plan = readPlan(body, call.state.lro.defaults[type]);
		if (typeof plan === 'string') return controlError(plan);
		call.state.lro.defaults[type] = plan;
	}
	call.ctx.markDirty();
	return JSON_OK(call.state.lro);
}

function queueNextPlans(call: DomainCall): EmulatorReply {
	const body = bodyObject(call.req.body);
	if (isReply(body)) return body;
	const types = readOperationTypes(body.operationType, true);
	if (typeof types === 'string') return controlError(types);
	const count = body.count ?? 1;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000)
		return controlError('count must be an integer from 1 to 10000.');
	const type = types[0];
	const plan = readPlan(body, call.state.lro.defaults[type]);
	if (typeof plan === 'string') return controlError(plan);
	const queue = (call.state.lro.next[type] ??= []);
	for (let index = 0; index < count; index++) queue.push({ ...plan });
	call.ctx.markDirty();
	return JSON_OK(call.state.lro);
}

function resetLro(call: DomainCall): EmulatorReply {
	call.state.lro = { defaults: structuredClone(DEFAULT_LRO_PLANS), next: {} };
	call.ctx.markDirty();
	return JSON_OK(call.state.lro);
}

/** Adds purchased numbers directly (no search, no LRO): for benchmarks and list/paging tests. */
function seedPurchased(call: DomainCall): EmulatorReply {
	const { state, now } = call;
	const body = bodyObject(call.req.body ?? {});
	if (isReply(body)) return body;
	const count = body.count;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000)
		return controlError('count must be an integer from 1 to 1000000.');
	const country = resolveCountry(typeof body.countryCode === 'string' ? body.countryCode : 'US');
	if (isReply(country)) return country;
	const phoneNumberType = (body.phoneNumberType ?? body.type ?? 'geographic') as string;
	const error =
		checkPhoneNumberType(phoneNumberType, 'phoneNumberType', '2025-06-01', true) ??
		checkAssignmentType(body.assignmentType, 'assignmentType', false) ??
		checkCapabilities(body.capabilities, 'capabilities', false);
	if (error) return error;
	const offering = country.offerings.find(
		(entry) =>
			entry.phoneNumberType === phoneNumberType &&
			(body.assignmentType === undefined || entry.assignmentType === body.assignmentType),
	);
	if (!offering)
		return controlError(
			`${country.countryCode} offers no ${phoneNumberType} numbers with that assignment type.`,
		);
	const chosen = findOffering(
		country,
		offering.phoneNumberType,
		offering.assignmentType as AssignmentType,
	)!;
	const capabilities: Capabilities = {
		...chosen.availableCapabilities,
		...(body.capabilities as Partial<Capabilities> | undefined),
	};
	if (!capabilitiesWithin(capabilities, chosen.availableCapabilities))
		return controlError('The capabilities exceed what the offering allows.');
	const pools = matchingPools(state, {
		countryCode: country.countryCode,
		phoneNumberType: chosen.phoneNumberType,
		areaCode: body.areaCode as string | undefined,
	});
	const digits = takeFreeNumbers(state, pools, count, now);
	if (digits.length < count)
		return controlError(
			`Only ${digits.length} free numbers match; raise settings.poolSize or pick another type or country.`,
		);
	const purchaseDate = new Date(now).toISOString();
	for (const id of digits) {
		setPurchased(state, {
			id,
			phoneNumber: `+${id}`,
			countryCode: country.countryCode,
			phoneNumberType: chosen.phoneNumberType,
			capabilities: { ...capabilities },
			assignmentType: chosen.assignmentType,
			purchaseDate,
			cost: {
				amount: chosen.amount,
				currencyCode: country.currencyCode,
				billingFrequency: 'monthly',
			},
		});
	}
	call.ctx.markDirty();
	return JSON_OK({ count: digits.length, phoneNumbers: digits.map((id) => `+${id}`) });
}
