/**
 * What must hold after concurrent SIP edits from several workers, checked against the emulator's stored document:
 * an edit whose execution succeeded is stored as written; an edit that is not stored belongs to an execution whose
 * error names exactly that trunk or route. Pure.
 */
import type { RequestLogEntry } from '../../emulator/core/requestLog';
import type { StoredSipDocument } from '../../emulator/sip/model';
import type { MixOutcome } from './mix';

/** The one trunk or route an execution of the SIP edit mix adds or updates. */
export type SipEdit =
	| { kind: 'trunk'; fqdn: string; port: number }
	| { kind: 'route'; name: string; numberPattern: string; trunks: string[] };

export interface SipEditOutcome {
	edit: SipEdit;
	outcome: MixOutcome;
}

export const editLabel = (edit: SipEdit) =>
	edit.kind === 'trunk' ? `trunk ${edit.fqdn}` : `route "${edit.name}"`;

export function isStored(edit: SipEdit, stored: StoredSipDocument): boolean {
	if (edit.kind === 'trunk') return stored.trunks[edit.fqdn]?.sipSignalingPort === edit.port;
	const route = stored.routes.find((entry) => entry.name === edit.name);
	return (
		route !== undefined &&
		route.numberPattern === edit.numberPattern &&
		JSON.stringify(route.trunks ?? []) === JSON.stringify(edit.trunks)
	);
}

const errorOf = (outcome: MixOutcome): Record<string, unknown> | undefined =>
	outcome.items?.find((item) => 'error' in item) ??
	(outcome.failure || !outcome.items?.length
		? { error: outcome.failure ?? 'no items' }
		: undefined);

/** Whether the error names this edit and no other trunk or route of the mix. */
function namesExactly(error: Record<string, unknown>, edit: SipEdit, all: SipEdit[]): boolean {
	const text = JSON.stringify(error);
	const mentions = (other: SipEdit) =>
		other.kind === 'trunk'
			? text.includes(other.fqdn)
			: text.includes(`\\"${other.name}\\"`) || text.includes(`"${other.name}"`);
	return mentions(edit) && all.every((other) => other === edit || !mentions(other));
}

export function sipEditProblems(edits: SipEditOutcome[], stored: StoredSipDocument): string[] {
	const problems: string[] = [];
	const all = edits.map(({ edit }) => edit);
	for (const { edit, outcome } of edits) {
		const error = errorOf(outcome);
		const kept = isStored(edit, stored);
		if (!error && !kept)
			problems.push(`#${outcome.index} succeeded but ${editLabel(edit)} is not stored as written`);
		if (error && !kept && !namesExactly(error, edit, all))
			problems.push(
				`#${outcome.index} ${editLabel(edit)} is not stored; its error does not name exactly it: ${String(error.error).slice(0, 200)}`,
			);
	}
	return problems;
}

export interface SipEditFigures {
	edits: number;
	succeeded: number;
	failed: number;
	/** Failed, yet stored: another execution's fresh read carried it into its own write. */
	failedButStored: number;
	/** Edits reported stored that are not (a later write from another execution's older read replaced them). */
	succeededButNotStored: number;
	/** PATCH requests the service stored (2xx; a delay fault still stores). */
	patchesStored: number;
	/** Writes beyond one per edit: re-applications after a read-back that missed an edit. */
	reapplications: number;
	/** Failed items' own count of writes, when they report it. */
	failedWriteAttempts: number[];
}

export function sipEditFigures(
	edits: SipEditOutcome[],
	stored: StoredSipDocument,
	log: RequestLogEntry[],
): SipEditFigures {
	const failed = edits.filter(({ outcome }) => errorOf(outcome));
	const patchesStored = log.filter(
		(entry) => entry.method === 'PATCH' && entry.path.startsWith('/sip') && entry.status < 300,
	).length;
	return {
		edits: edits.length,
		succeeded: edits.length - failed.length,
		failed: failed.length,
		failedButStored: failed.filter(({ edit }) => isStored(edit, stored)).length,
		succeededButNotStored: edits.filter(
			({ edit, outcome }) => !errorOf(outcome) && !isStored(edit, stored),
		).length,
		patchesStored,
		reapplications: Math.max(0, patchesStored - edits.length),
		failedWriteAttempts: failed
			.map(({ outcome }) => errorOf(outcome)?.writeAttempts)
			.filter((value): value is number => typeof value === 'number'),
	};
}

export function sipEditSummary(figures: SipEditFigures): string {
	return `${figures.edits} edits: ${figures.succeeded} reported stored (${figures.succeededButNotStored} of them not stored), ${figures.failed} failed naming the edit (${figures.failedButStored} of them stored by another execution's write); ${figures.patchesStored} PATCHes stored, ${figures.reapplications} writes beyond one per edit (re-applications)`;
}
