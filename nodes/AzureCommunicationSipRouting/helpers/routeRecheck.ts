/**
 * A route list is written whole and the SIP document has no ETag: an execution that read before our write (or while
 * another writer had dropped our route) can write its older list after our read-back, and no read-back sees it.
 * So a route edit that reads back fine is read again after a delay, until two reads a delay apart show the same route
 * list holding our edits. A writer whose read-to-write time is below the delay and that lands after the last read
 * must have read during that quiet period, so its list carries our edits. The delay is a few of our own write's
 * round trips; the number of rechecks is bounded, and a list that never settles fails the item.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { withOutputFields } from '../../shared/node/runItems';
import { abortableSleep } from '../../shared/transport';

import type { SipApiChoice } from './apiChoice';
import { editsNotStored, routeEditLabels, type EditIntent } from './editIntent';
import { withNote } from './errorNote';
import { readSipConfiguration } from './sipClient';
import type { SipConfiguration } from './sipTypes';

/** The recheck waits this many times the write's own round trips, within these bounds; at most `reads` rechecks. */
export const RECHECK = { roundTrips: 3, minMs: 1_000, maxMs: 15_000, reads: 12 };

export interface StoredCheck {
	stored: SipConfiguration;
	/** The item's edits `stored` does not hold. */
	missing: string[];
}

/** `writeCycleMs`: from sending the first patch to receiving the read-back. */
export function recheckDelayMs(writeCycleMs: number): number {
	return Math.min(RECHECK.maxMs, Math.max(RECHECK.minMs, RECHECK.roundTrips * writeCycleMs));
}

/**
 * Which of the item's edits `stored` lacks; for route edits it holds, whether they are still held once the route
 * list has stopped changing. Throws when the list keeps changing through every recheck.
 */
export async function checkStored(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	intent: EditIntent,
	stored: SipConfiguration,
	recheckAfterMs: number,
): Promise<StoredCheck> {
	const missing = editsNotStored(intent, stored);
	if (missing.length > 0 || !writesRouteList(intent)) return { stored, missing };
	let previous = stored;
	for (let recheck = 1; recheck <= RECHECK.reads; recheck++) {
		const later = await readAgainLater.call(this, choice, itemIndex, recheckAfterMs);
		const lacking = editsNotStored(intent, later);
		if (lacking.length > 0 || sameRouteList(previous, later))
			return { stored: later, missing: lacking };
		previous = later;
	}
	throw neverSettled(this, itemIndex, intent, RECHECK.reads * recheckAfterMs);
}

/** The recheck; when it is cancelled or fails, the error says that the edits were written and read back stored. */
async function readAgainLater(
	this: IExecuteFunctions,
	choice: SipApiChoice,
	itemIndex: number,
	delayMs: number,
): Promise<SipConfiguration> {
	try {
		await abortableSleep(this, delayMs, itemIndex);
		return await readSipConfiguration.call(this, choice, itemIndex);
	} catch (error) {
		throw withNote(
			error,
			"This item's edits were written and the read right after the write held them; the read that checks a while later that they are still stored did not complete. Read the SIP configuration to see whether they are.",
			{ editsWritten: true, recheckedStored: false },
		);
	}
}

/** Whether the item's edits live in the route list, which a concurrent write from an older read replaces whole. */
function writesRouteList(intent: EditIntent): boolean {
	return (
		intent.routes.size > 0 || intent.routeOrder !== undefined || intent.wholeRoutes !== undefined
	);
}

const sameRouteList = (a: SipConfiguration, b: SipConfiguration) =>
	JSON.stringify(a.routes) === JSON.stringify(b.routes);

function neverSettled(
	ctx: IExecuteFunctions,
	itemIndex: number,
	intent: EditIntent,
	waitedMs: number,
): NodeOperationError {
	const edits = routeEditLabels(intent);
	const error = new NodeOperationError(
		ctx.getNode(),
		`The SIP routes kept changing, so this item's edits could not be confirmed: ${edits[0]}`,
		{
			itemIndex,
			description: [
				`The last read holds ${edits.join('; ')}, but other writers changed the route list at every one of ${RECHECK.reads} reads over ${Math.round(waitedMs / 1000)} s, and a write from an older read can still replace it.`,
				'Check the routes once the other edits are done (Route -> Get Many) and run the item again if its edits are gone.',
			].join(' '),
		},
	);
	return withOutputFields(error, { editsNotConfirmed: edits });
}
