import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { withOutputFields } from '../../shared/node/runItems';
import { abortableSleep, acsErrorContextOf, RETRYABLE_STATUS } from '../../shared/transport';

import type { SipApiChoice } from './apiChoice';
import { intendedEdits, rebaseIntent, type WholeSections } from './editIntent';
import { withNote } from './errorNote';
import { checkStored, RECHECK, recheckDelayMs } from './routeRecheck';
import { newIssues, planChanges, type PlannedPatch, type ValidationRules } from './sipRules';
import { patchSipConfiguration, readSipConfiguration } from './sipClient';
import type { SipConfiguration } from './sipTypes';

/** Writes (planned from a fresh read) before an item fails because its edits do not stay stored. */
export const MAX_WRITE_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 200;
/** The longest Retry-After a route-list write waits out before planning again; a longer one fails the item. */
const MAX_REPLAN_WAIT_MS = 60_000;

export interface VerifiedWrite {
	/** The document read back after the last write. */
	after: SipConfiguration;
	patches: PlannedPatch[];
	attempts: number;
}

/**
 * Sends the patches that take `before` to `desired`, reads the document back and checks that this item's edits are
 * stored. When another execution's write replaced them (the document has no ETag), it waits a little, re-reads,
 * applies the same edits to that read and writes again, at most `MAX_WRITE_ATTEMPTS` times; then the item fails
 * naming the edits that did not stick and what is stored instead. Nothing is sent when `desired` is already stored.
 *
 * Route edits are then rechecked until the route list stays unchanged for a while (routeRecheck.ts).
 */
export async function writeVerified(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	before: SipConfiguration,
	desired: SipConfiguration,
	rules: ValidationRules,
	whole: WholeSections = {},
): Promise<VerifiedWrite> {
	const intent = intendedEdits(before, desired, whole);
	const sent: PlannedPatch[] = [];
	let base = before;
	let target = desired;
	// Measured on the last write that was answered; a write that failed measures nothing.
	let recheckAfterMs = RECHECK.minMs;
	for (let attempt = 1; ; attempt++) {
		const { patches } = planChanges(base, target);
		if (attempt === 1 && patches.length === 0) return { after: before, patches, attempts: 0 };
		const writeStarted = Date.now();
		if (await sendOrWaitToReplan.call(this, choice, itemIndex, patches, attempt, sent)) {
			const readBack = await readSipConfiguration.call(this, choice, itemIndex);
			recheckAfterMs = recheckDelayMs(Date.now() - writeStarted);
			const check = await checkStored.call(
				this,
				choice,
				itemIndex,
				intent,
				readBack,
				recheckAfterMs,
			);
			if (check.missing.length === 0)
				return { after: check.stored, patches: sent, attempts: attempt };
			if (attempt >= MAX_WRITE_ATTEMPTS) throw notStored(this, itemIndex, check.missing, attempt);
			await abortableSleep(this, jitteredBackoffMs(attempt), itemIndex);
		}
		// A later write of another execution may have carried these edits: then only the recheck is left.
		const fresh = await readSipConfiguration.call(this, choice, itemIndex);
		const check = await checkStored.call(this, choice, itemIndex, intent, fresh, recheckAfterMs);
		if (check.missing.length === 0)
			return { after: check.stored, patches: sent, attempts: attempt };
		base = check.stored;
		target = rebaseIntent(base, intent);
		const conflicts = newIssues(base, target, rules);
		if (conflicts.length > 0)
			throw notStored(
				this,
				itemIndex,
				[...check.missing, ...conflicts.map((c) => c.message)],
				attempt,
			);
	}
}

/**
 * Sends the patches, adding each to `sent` as it goes out (a failed one may still have been applied); false when a
 * patch carrying the route list met a failure the transport would have retried (it does not re-send a route list:
 * see patchSipConfiguration) and the wait the service asked for is over, so the caller plans again from a fresh
 * read. Counts as a write attempt.
 */
async function sendOrWaitToReplan(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	patches: PlannedPatch[],
	attempt: number,
	sent: PlannedPatch[],
): Promise<boolean> {
	const failure = await sendPatches.call(this, choice, itemIndex, patches, sent).then(
		() => undefined,
		(error: unknown) => ({ error }),
	);
	if (failure === undefined) return true;
	const advised = acsErrorContextOf(failure.error)?.retryAfterMs;
	if (!failedRouteListWriteToRetry(failure.error, sent.at(-1))) throw failure.error;
	if (advised !== undefined && advised > MAX_REPLAN_WAIT_MS)
		throw waitTooLong(failure.error, advised);
	if (attempt >= MAX_WRITE_ATTEMPTS) throw lastWriteFailed(failure.error, attempt);
	await abortableSleep(this, advised ?? jitteredBackoffMs(attempt), itemIndex);
	return false;
}

/** A throttled or failed answer (or a connection failure) to `failed`, a patch that carries the route list. */
function failedRouteListWriteToRetry(error: unknown, failed: PlannedPatch | undefined): boolean {
	if (failed?.patch.routes === undefined) return false;
	const context = acsErrorContextOf(error);
	if (context === undefined) return false;
	return context.status === undefined
		? context.code !== undefined
		: RETRYABLE_STATUS.has(context.status);
}

/** The failure of the last route-list write: the transport tried it once, but the item wrote that many times. */
function lastWriteFailed(error: unknown, attempts: number): unknown {
	return withNote(
		error,
		`Written ${attempts} times, each planned from a fresh read: the reads after the earlier writes did not hold this item's edits and the last write failed (the service may still have applied it). Read the SIP configuration to see whether the edits are stored, and run the item again if not.`,
		{ writeAttempts: attempts },
	);
}

/** Names the service's wait when it is longer than a route-list write waits before planning again. */
function waitTooLong(error: unknown, advisedMs: number): unknown {
	const seconds = Math.ceil(advisedMs / 1000);
	return withNote(
		error,
		`The service asked to wait ${seconds} s before writing again, longer than this node waits (${MAX_REPLAN_WAIT_MS / 1000} s) before a route-list write: nothing was written again; run the item again after that wait.`,
		{ retryAfterSeconds: seconds },
	);
}

function jitteredBackoffMs(attempt: number): number {
	return Math.round(BACKOFF_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random() * 0.5));
}

function notStored(
	ctx: IExecuteFunctions,
	itemIndex: number,
	missing: string[],
	attempts: number,
): NodeOperationError {
	const error = new NodeOperationError(
		ctx.getNode(),
		`The SIP configuration does not hold this item's edits after writing: ${missing[0]}`,
		{
			itemIndex,
			description: [
				`Written ${attempts} ${attempts === 1 ? 'time' : 'times'}, each from a fresh read; read back afterwards, the service does not hold: ${missing.join('; ')}.`,
				'Most likely another execution or tool is editing the SIP configuration at the same time (it has no ETag, so concurrent edits can overwrite each other): run the item again once the other edits are done. If what is stored is the same value written in another form (letter case, a default filled in), the service stores it differently from how it was sent: write it in the stored form.',
			].join(' '),
		},
	);
	return withOutputFields(error, { editsNotStored: missing, writeAttempts: attempts });
}

/**
 * Sends planned patches in order; returns the document after the last one. When patch k fails, the error says
 * that patches 1..k-1 were applied (each leaves a valid document) and that running again finishes the job.
 */
async function sendPatches(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	patches: PlannedPatch[],
	sent: PlannedPatch[],
): Promise<SipConfiguration | undefined> {
	let after: SipConfiguration | undefined;
	for (const [index, planned] of patches.entries()) {
		sent.push(planned);
		try {
			after = await patchSipConfiguration.call(this, choice, planned.patch, itemIndex);
		} catch (error) {
			throw partialFailure(error, index, patches);
		}
	}
	return after;
}

function partialFailure(error: unknown, index: number, patches: PlannedPatch[]): unknown {
	if (index === 0) return error;
	const applied = patches.slice(0, index).flatMap((step) => step.changes);
	return withNote(
		error,
		`Patch ${index + 1} of ${patches.length} failed; the ${index} before it were applied (${applied.join('; ')}). The configuration is valid but not yet as desired: run again to finish (the plan is made from a fresh read).`,
		{ appliedPatches: index, plannedPatches: patches.length },
	);
}
