/**
 * Every purchase input of a run (search ids, reservation ids) and every release, checked by id against the
 * emulator's ledger and state: what an item said (bought / not bought / unknown) must agree with what happened.
 * An item that says "not bought" (purchased: false, or its purchase operation failed) must not be in the ledger;
 * "bought" must be there exactly once; an error that leaves it open (purchased: null, a wait that timed out)
 * may be either. Anything in the ledger that no item reported as bought or unknown is a mismatch too.
 */
import type { IDataObject } from 'n8n-workflow';

export type Verdict = 'bought' | 'notBought' | 'unknown';

export interface PurchaseReport {
	kind: 'search' | 'reservation';
	id: string;
	verdict: Verdict;
	/** purchased field of the item: true, false, null, or undefined when the item had none. */
	purchased: unknown;
	error?: string;
}

/** An LRO failure the emulator was told to produce: the operation ended failed, so nothing was bought. */
const OPERATION_FAILED = /ChaosFailure/;

export function verdictOf(item: IDataObject): Verdict {
	if (item.error === undefined) return item.purchased === true ? 'bought' : 'unknown';
	if (item.purchased === false) return 'notBought';
	if (item.purchased === undefined && OPERATION_FAILED.test(`${item.error} ${item.errorDescription ?? ''}`)) return 'notBought';
	return 'unknown';
}

/** The search id a searchAndPurchase item bought or tried to buy: its field, or the operation purchase_<id> it names. */
export function searchIdOf(item: IDataObject): string | undefined {
	if (typeof item.searchId === 'string' && item.searchId !== '') return item.searchId;
	const match = /(?<![A-Za-z])purchase_([0-9a-f-]{36})/.exec(`${item.error ?? ''} ${item.errorDescription ?? ''} ${item.operationId ?? ''}`);
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
		if (count > 1) found.push(`${label}: bought ${count} times`);
		if (report.verdict === 'bought' && count !== 1) found.push(`${label}: reported bought, ledger ${count}`);
		if (report.verdict === 'notBought' && count !== 0) found.push(`${label}: reported not bought, but bought`);
		if (report.verdict !== 'notBought') accountedFor[report.kind].add(report.id);
	}
	for (const id of Object.keys(ledger.searches)) if (!accountedFor.search.has(id)) found.push(`search ${id} bought, no item reported it bought or unknown`);
	for (const id of Object.keys(ledger.reservations)) if (!accountedFor.reservation.has(id)) found.push(`reservation ${id} bought, no item reported it bought or unknown`);
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
