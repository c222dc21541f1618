/**
 * What must hold after a mix, across processes: checked against the emulator's ledger and inventory and n8n's
 * execution records in Postgres. Each check returns its problems (empty = holds). Pure.
 */
import type { PurchaseLedger } from '../../emulator/core/domainControl';
import type { PhoneNumbersState } from '../../emulator/phoneNumbers/model';
import type { MixOutcome } from './mix';

export interface ExecutionRecord {
	id: string;
	status: string;
	startedAt: string | null;
	stoppedAt: string | null;
	workflowId: string;
}

type Item = Record<string, unknown>;

/** Messages that say nothing about what failed. */
const GENERIC_ERRORS = [
	/^\s*$/,
	/unknown error/i,
	/something went wrong/i,
	/^error$/i,
	/\[object Object\]/,
	/^undefined$/,
	/internal error/i,
];

const purchaseKinds = new Set(['searchPurchase', 'reservationPurchase']);

function itemsOf(
	outcomes: MixOutcome[],
	kinds: Set<string>,
): Array<{ outcome: MixOutcome; item: Item }> {
	return outcomes
		.filter((outcome) => kinds.has(outcome.kind))
		.flatMap((outcome) => (outcome.items ?? []).map((item) => ({ outcome, item })));
}

function purchaseKey(item: Item): string | undefined {
	if (typeof item.reservationId === 'string') return `reservation ${item.reservationId}`;
	if (typeof item.searchId === 'string') return `search ${item.searchId}`;
	return undefined;
}

function ledgerCount(ledger: PurchaseLedger, key: string): number {
	const [kind, id] = key.split(' ');
	return (kind === 'reservation' ? ledger.reservations[id] : ledger.searches[id]) ?? 0;
}

/**
 * Every purchase item agrees with the ledger: purchased true = bought exactly once, false = not bought, null = at
 * most once; nothing is bought twice, and every purchase in the ledger was reported by an item of the mix.
 */
export function purchaseProblems(outcomes: MixOutcome[], ledger: PurchaseLedger): string[] {
	const problems: string[] = [];
	const reported = new Set<string>();
	for (const { outcome, item } of itemsOf(outcomes, purchaseKinds)) {
		if (!('purchased' in item)) continue;
		const key = purchaseKey(item);
		if (!key) {
			if (item.purchased !== false)
				problems.push(`#${outcome.index} says purchased=${String(item.purchased)} without an id`);
			continue;
		}
		reported.add(key);
		const count = ledgerCount(ledger, key);
		const expected =
			item.purchased === true ? count === 1 : item.purchased === false ? count === 0 : count <= 1;
		if (!expected)
			problems.push(
				`#${outcome.index} ${key}: purchased=${String(item.purchased)}, ledger ${count}`,
			);
	}
	for (const id of ledger.boughtMoreThanOnce) problems.push(`bought more than once: ${id}`);
	const inLedger = [
		...Object.keys(ledger.searches).map((id) => `search ${id}`),
		...Object.keys(ledger.reservations).map((id) => `reservation ${id}`),
	].filter((key) => ledgerCount(ledger, key) > 0);
	for (const key of inLedger)
		if (!reported.has(key)) problems.push(`${key} was bought but no item of the mix names it`);
	return problems;
}

const digits = (phoneNumber: unknown) => String(phoneNumber ?? '').replace(/\D/g, '');

/** A release that says released is gone from the inventory; a capability update that says done shows the new value. */
export function inventoryProblems(outcomes: MixOutcome[], state: PhoneNumbersState): string[] {
	const problems: string[] = [];
	const inventory = new Map(
		Object.entries(state.purchased).map(([id, number]) => [digits(id), number]),
	);
	for (const { outcome, item } of itemsOf(outcomes, new Set(['release']))) {
		const id = digits(outcome.body.phoneNumber);
		if (item.released === true && inventory.has(id))
			problems.push(`#${outcome.index} released ${id}, still in the inventory`);
		if (item.released === false && !inventory.has(id))
			problems.push(`#${outcome.index} says not released, ${id} is gone`);
	}
	for (const { outcome, item } of itemsOf(outcomes, new Set(['capabilities']))) {
		const id = digits(outcome.body.phoneNumber);
		if (item.error || item.completed !== true) continue;
		const calling = (inventory.get(id) as { capabilities?: { calling?: string } } | undefined)
			?.capabilities?.calling;
		if (calling !== 'inbound')
			problems.push(`#${outcome.index} updated ${id} to inbound, inventory says ${calling}`);
	}
	return problems;
}

/** Every execution answered with a list of items, each a result or an error that names what failed. */
export function itemProblems(outcomes: MixOutcome[]): string[] {
	const problems: string[] = [];
	for (const outcome of outcomes) {
		if (outcome.failure || outcome.httpStatus !== 200) {
			problems.push(
				`#${outcome.index} ${outcome.kind}: HTTP ${outcome.httpStatus} ${outcome.failure ?? ''}`,
			);
			continue;
		}
		if (!outcome.items || outcome.items.length === 0)
			problems.push(`#${outcome.index} ${outcome.kind}: no items`);
		for (const item of outcome.items ?? []) {
			if (!('error' in item)) continue;
			const message = String(item.error ?? '');
			if (GENERIC_ERRORS.some((pattern) => pattern.test(message)))
				problems.push(`#${outcome.index} ${outcome.kind}: generic error "${message}"`);
		}
	}
	return problems;
}

/** Every execution of the mix is recorded, finished, and ran within the bound. */
export function boundProblems(
	executions: ExecutionRecord[],
	expected: number,
	boundSeconds: number,
): string[] {
	const problems: string[] = [];
	if (executions.length !== expected)
		problems.push(`${executions.length} executions recorded, ${expected} expected`);
	for (const execution of executions) {
		if (!execution.stoppedAt || !execution.startedAt) {
			problems.push(`execution ${execution.id} has not stopped (status ${execution.status})`);
			continue;
		}
		const seconds = (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000;
		if (seconds > boundSeconds)
			problems.push(`execution ${execution.id} ran ${seconds.toFixed(1)} s > ${boundSeconds} s`);
	}
	return problems;
}

/** Counts of items per outcome, for the log: results, purchases in doubt, errors by kind. */
export function outcomeSummary(outcomes: MixOutcome[]): string {
	const counts = new Map<string, number>();
	for (const outcome of outcomes)
		for (const item of outcome.items ?? [{ error: outcome.failure }]) {
			const label = `${outcome.kind} ${'error' in item ? 'error' : 'ok'}`;
			counts.set(label, (counts.get(label) ?? 0) + 1);
		}
	return [...counts]
		.sort()
		.map(([label, count]) => `${label}: ${count}`)
		.join(', ');
}

/** The distinct error messages of the mix by kind, for the log. */
export function errorMessages(outcomes: MixOutcome[]): string[] {
	const messages = new Set<string>();
	for (const outcome of outcomes)
		for (const item of outcome.items ?? [])
			if ('error' in item) messages.add(`${outcome.kind}: ${String(item.error).slice(0, 200)}`);
	return [...messages].sort();
}
