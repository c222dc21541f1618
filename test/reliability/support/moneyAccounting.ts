/**
 * Every purchase input of a run (search ids, reservation ids) and every release, checked by id against the
 * emulator's ledger and state: what an item said must agree with what happened. The hard rule, from the item's
 * `purchased` alone: false => not in the ledger; true => in it exactly once; null => either, and the item names its
 * purchase operation. An item without `purchased` is a mismatch too, and so is anything in the ledger that no item
 * reported as bought or unknown.
 */
import type { IDataObject } from 'n8n-workflow';

export type Verdict = 'bought' | 'notBought' | 'unknown' | 'missing';

export interface PurchaseReport {
	kind: 'search' | 'reservation';
	id: string;
	verdict: Verdict;
	/** purchased field of the item: true, false, null, or undefined when the item had none. */
	purchased: unknown;
	operationId: unknown;
	error?: string;
}

/** A release LRO failure the emulator was told to produce: the operation ended failed, so nothing was released. */
const OPERATION_FAILED = /ChaosFailure/;

export function verdictOf(item: IDataObject): Verdict {
	if (item.purchased === true) return 'bought';
	if (item.purchased === false) return 'notBought';
	if (item.purchased === null) return 'unknown';
	return 'missing';
}

export function purchaseReport(
	kind: PurchaseReport['kind'],
	id: string,
	item: IDataObject,
): PurchaseReport {
	return {
		kind,
		id,
		verdict: verdictOf(item),
		purchased: item.purchased,
		operationId: item.operationId,
		...(item.error ? { error: String(item.error).slice(0, 160) } : {}),
	};
}

/** The search id a searchAndPurchase item bought or tried to buy: its field, or the operation purchase_<id> it names. */
export function searchIdOf(item: IDataObject): string | undefined {
	if (typeof item.searchId === 'string' && item.searchId !== '') return item.searchId;
	const match = /(?<![A-Za-z])purchase_([0-9a-f-]{36})/.exec(
		`${item.error ?? ''} ${item.errorDescription ?? ''} ${item.operationId ?? ''}`,
	);
	return match?.[1];
}

export interface Ledger {
	searches: Record<string, number>;
	reservations: Record<string, number>;
}

export function ledgerMismatches(reports: PurchaseReport[], ledger: Ledger): string[] {
	const found: string[] = [];
	const accountedFor = { search: new Set<string>(), reservation: new Set<string>() };
	for (const report of reports) {
		const table = report.kind === 'search' ? ledger.searches : ledger.reservations;
		const count = Object.hasOwn(table, report.id) ? table[report.id] : 0;
		const label = `${report.kind} ${report.id} (${report.verdict}, purchased=${String(report.purchased)}${report.error ? `, ${report.error}` : ''})`;
		const operationId =
			report.kind === 'search' ? `purchase_${report.id}` : `reservationPurchase_${report.id}`;
		if (count > 1) found.push(`${label}: bought ${count} times`);
		if (report.verdict === 'missing') found.push(`${label}: the item has no purchased field`);
		if (report.verdict === 'bought' && count !== 1)
			found.push(`${label}: reported bought, ledger ${count}`);
		if (report.verdict === 'notBought' && count !== 0)
			found.push(`${label}: reported not bought, but bought`);
		if (report.verdict === 'unknown' && report.operationId !== operationId)
			found.push(`${label}: unknown, but names operation ${String(report.operationId)}`);
		if (report.verdict !== 'notBought') accountedFor[report.kind].add(report.id);
	}
	for (const id of Object.keys(ledger.searches))
		if (!accountedFor.search.has(id))
			found.push(`search ${id} bought, no item reported it bought or unknown`);
	for (const id of Object.keys(ledger.reservations))
		if (!accountedFor.reservation.has(id))
			found.push(`reservation ${id} bought, no item reported it bought or unknown`);
	return found;
}

export type ReleaseVerdict = 'released' | 'notReleased' | 'unknown';

export function releaseVerdictOf(item: IDataObject): ReleaseVerdict {
	if (item.error === undefined) return item.released === true ? 'released' : 'unknown';
	const text = `${item.error} ${item.errorDescription ?? ''}`;
	if (/^Already gone/.test(String(item.error))) return 'released';
	if (OPERATION_FAILED.test(text)) return 'notReleased';
	return 'unknown';
}
