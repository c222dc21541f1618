/**
 * Starting a purchase so that its outcome is known. The service buys a search or a reservation at most once, so a
 * purchase whose request failed ambiguously (reset, timeout, 5xx: maybe processed, maybe still in flight) is settled
 * by sending the same purchase again: a 202 means this send started it; a 409 (already bought or in progress) means
 * one is under way. "Not found" after a failure proves nothing: a request in flight may still arrive.
 */
import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import {
	abortableSleep,
	acsErrorContextOf,
	handleOfOperation,
	reconcileAmbiguousStart,
	settle,
	startLongRunningOperation,
	type LroHandle,
	type LroStartOptions,
} from '../../../shared/transport';

export type PurchaseStart = LroStartOptions & { knownOperationId: string };

/**
 * What the service's own state says about a purchase of this id, read after a send was refused while an earlier one
 * is unsettled: `started` (bought or being bought), `expired` (never bought, and now it cannot be), or unknown.
 */
export type PurchaseStateProbe = () => Promise<'started' | 'expired' | undefined>;

export type StartSettlement =
	/** `sendsInDoubt`: sends of this item that may still be processed (a failed operation then proves nothing). */
	| { kind: 'started'; handle: LroHandle; sendsInDoubt: number }
	/** Certainly not bought: the only send was refused, or the service's state shows it. */
	| { kind: 'refused'; error: Error; reason: string; because: string }
	/** No evidence either way. */
	| { kind: 'unsettled'; error: Error };

const MAX_SENDS = 3;
const RESEND_DELAYS_MS = [250, 1000];

export async function startPurchase(
	this: IExecuteFunctions,
	start: PurchaseStart,
	probe?: PurchaseStateProbe,
): Promise<StartSettlement> {
	let sendsInDoubt = 0;
	let lastFailure: Error | undefined;
	for (let send = 1; send <= MAX_SENDS; send++) {
		if (send > 1) await abortableSleep(this, RESEND_DELAYS_MS[send - 2], start.itemIndex);
		const sent = await settle(
			startLongRunningOperation.call(this, { ...start, idempotent: false }),
		);
		if (sent.ok) return { kind: 'started', handle: sent.value, sendsInDoubt };
		lastFailure = sent.error;
		const answer = answerOf.call(this, sent.error);
		if (answer === 'inDoubt') {
			sendsInDoubt++;
			continue;
		}
		// One purchase of this id exists; at most once, so it is the one an earlier send of ours may have started.
		if (answer === 'alreadyStarted') return startedEarlier(start, sendsInDoubt);
		if (sendsInDoubt === 0) {
			return {
				kind: 'refused',
				error: sent.error,
				reason: 'serviceRefused',
				because: 'The service refused the purchase request: nothing was bought.',
			};
		}
		break;
	}
	const state = probe ? await settle(probe()) : undefined;
	if (state?.ok && state.value === 'started') return startedEarlier(start, sendsInDoubt);
	if (state?.ok && state.value === 'expired') {
		const because =
			'The hold has expired without being bought, so nothing was bought and no request still in flight can buy it.';
		return { kind: 'refused', error: lastFailure as Error, reason: 'expired', because };
	}
	const lookUp = { apiVersion: start.apiVersion, itemIndex: start.itemIndex };
	const found = await settle(reconcileAmbiguousStart.call(this, start.knownOperationId, lookUp));
	if (found.ok && found.value)
		return { kind: 'started', handle: found.value, sendsInDoubt: Math.max(0, sendsInDoubt - 1) };
	return { kind: 'unsettled', error: lastFailure as Error };
}

function startedEarlier(start: PurchaseStart, sendsInDoubt: number): StartSettlement {
	return {
		kind: 'started',
		handle: handleOfOperation(start.knownOperationId),
		sendsInDoubt: Math.max(0, sendsInDoubt - 1),
	};
}

/**
 * inDoubt: the service may have processed the send or may still do so; alreadyStarted: refused because a purchase of
 * this id is bought or under way (409); refused: any other answer that means this send was not processed.
 */
function answerOf(this: IExecuteFunctions, error: Error): 'inDoubt' | 'alreadyStarted' | 'refused' {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return 'inDoubt';
	if (this.getExecutionCancelSignal()?.aborted) return 'inDoubt';
	const acs = acsErrorContextOf(error);
	if (acs?.ambiguous) return 'inDoubt';
	if (acs?.status === 409) return 'alreadyStarted';
	// Only a 4xx or a request that never left says "not processed"; nothing sent at all has no status either.
	if (acs?.status !== undefined && (acs.status < 400 || acs.status >= 500 || acs.status === 408))
		return 'inDoubt';
	return 'refused';
}
