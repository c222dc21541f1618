import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { withOutputFields } from '../../../shared/node';
import { acsErrorContextOf, findOperation, type LroStartOptions } from '../../../shared/transport';
import { checkCostGuard, type CostLimits, type PricedNumber } from './costGuard';
import { runLongOperation, pendingOutput } from './lro';

/** Fields every purchase output and every refusal carries. */
export interface PurchasePlan {
	/** What is being bought: { searchId } or { reservationId } */
	source: IDataObject;
	numbers: PricedNumber[];
	limits: CostLimits;
	expiresAt: string | undefined;
	now: Date;
	agreementRequired: boolean;
	agreeToNotResell: boolean;
	/** Set when the service already says why this cannot be bought (search error, status). */
	blocker?: { reason: string; message: string };
}

export function refusal(
	this: IExecuteFunctions,
	itemIndex: number,
	reason: string,
	message: string,
	fields: IDataObject,
): NodeOperationError {
	const error = new NodeOperationError(this.getNode(), `Not purchased: ${message}`, {
		itemIndex,
		description: 'Nothing was bought and nothing was sent to the purchase endpoint.',
	});
	return withOutputFields(error, { purchased: false, refusedBecause: reason, ...fields });
}

/** Refuses (throws) before the purchase call when expiry, agreement, or the cost guard says no. */
export function checkPurchasePlan(this: IExecuteFunctions, itemIndex: number, plan: PurchasePlan): IDataObject {
	const verdict = checkCostGuard(plan.numbers, plan.limits);
	const summary: IDataObject = {
		...plan.source,
		phoneNumbers: plan.numbers.map((n) => n.phoneNumber),
		phoneNumberCount: plan.numbers.length,
		totalMonthlyCost: verdict.totalMonthlyCost,
		highestMonthlyCost: verdict.highestMonthlyCost,
		currencyCode: verdict.currencyCode,
		expiresAt: plan.expiresAt ?? null,
	};
	if (plan.blocker) throw refusal.call(this, itemIndex, plan.blocker.reason, plan.blocker.message, summary);
	const expiresMs = plan.expiresAt ? Date.parse(plan.expiresAt) : NaN;
	if (!Number.isNaN(expiresMs) && expiresMs <= plan.now.getTime()) {
		throw refusal.call(
			this,
			itemIndex,
			'expired',
			`the hold expired at ${plan.expiresAt}, so its numbers are no longer held for you. Search or reserve again.`,
			summary,
		);
	}
	if (plan.agreementRequired && !plan.agreeToNotResell) {
		throw refusal.call(
			this,
			itemIndex,
			'agreementToNotResellRequired',
			'these numbers can only be bought with the agreement not to resell them. Turn on "Agree to Not Resell" if you accept it.',
			summary,
		);
	}
	if (!verdict.allowed) throw refusal.call(this, itemIndex, verdict.reason, verdict.message, summary);
	return summary;
}

/**
 * Sends the purchase once. The transport settles an ambiguous start through the known operation id; if it
 * still cannot, this says plainly whether anything was bought.
 */
export async function purchase(
	this: IExecuteFunctions,
	itemIndex: number,
	start: LroStartOptions & { knownOperationId: string },
	summary: IDataObject,
): Promise<IDataObject> {
	let result;
	let failure: unknown;
	try {
		result = await runLongOperation.call(this, itemIndex, start, { skipResult: true });
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		if (isAmbiguous(failure)) throw await explainAmbiguousPurchase.call(this, itemIndex, start, summary, failure as Error);
		if (waitTimedOut(failure)) {
			// Submitted and still running: whether it will succeed is not known yet, and the error says how to resume.
			throw withOutputFields(failure as NodeOperationError, { ...summary, purchased: null, operationId: start.knownOperationId });
		}
		throw failure;
	}
	if (!result) throw new NodeOperationError(this.getNode(), 'The purchase returned no result', { itemIndex });
	if (!result.outcome) return pendingOutput(result.handle, { ...summary, purchased: null });
	return {
		...summary,
		purchased: true,
		operationId: result.handle.operationId,
		operationStatus: result.outcome.operation.status,
		completed: true,
	};
}

function waitTimedOut(error: unknown): boolean {
	return acsErrorContextOf(error)?.waitTimedOut === true;
}

function isAmbiguous(error: unknown): boolean {
	return acsErrorContextOf(error)?.ambiguous === true;
}

async function explainAmbiguousPurchase(
	this: IExecuteFunctions,
	itemIndex: number,
	start: LroStartOptions & { knownOperationId: string },
	summary: IDataObject,
	cause: Error,
): Promise<NodeOperationError> {
	const operationId = start.knownOperationId;
	const known = await lookUpPurchase.call(this, itemIndex, operationId, start.apiVersion);
	const fields = { ...summary, operationId };
	const reason = cause.message;
	if (known === false) {
		return withOutputFields(
			purchaseError.call(this, itemIndex, `Not purchased: the purchase request failed (${reason})`,
				`The service still has no operation ${operationId} ${LOOKUP_DELAYS_MS.length} lookups and ${totalLookupSeconds()} s later, so nothing was bought. It is safe to run the purchase again: ${safeRetryAdvice(fields)}`),
			{ ...fields, purchased: false, refusedBecause: 'requestFailed' },
		);
	}
	if (known === true) {
		return withOutputFields(
			purchaseError.call(this, itemIndex, `The purchase was submitted, but following it failed (${reason})`,
				`Operation ${operationId} exists, so the purchase is in progress or done. Do not purchase again: use Operation → Wait for Completion with ${operationId}.`),
			{ ...fields, purchased: null },
		);
	}
	return withOutputFields(
		purchaseError.call(this, itemIndex, `It is unknown whether the purchase happened (${reason})`,
			`Before retrying, look up operation ${operationId} with Operation → Get: if it exists the numbers were (or are being) bought.`),
		{ ...fields, purchased: null },
	);
}

/**
 * Why a re-run cannot buy twice, even if the failed request were still in flight: the service buys one search or
 * reservation at most once. A new search would not be protected, so the advice names the id to re-use.
 */
function safeRetryAdvice(fields: IDataObject): string {
	if (typeof fields.reservationId === 'string')
		return `the service buys reservation ${fields.reservationId} at most once, so repeat Reservation → Purchase with it.`;
	if (typeof fields.searchId === 'string')
		return `the service buys search ${fields.searchId} at most once, so repeat Available Number → Purchase Search with this search ID (not Search and Purchase, which would start a new search) while the search has not expired.`;
	return 'the service buys a search or reservation at most once; repeat the purchase with the same id.';
}

/** After a reset the request may still be in flight: look a few times before concluding it never arrived. */
const LOOKUP_DELAYS_MS = [0, 1000, 3000];

function totalLookupSeconds(): number {
	return LOOKUP_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) / 1000;
}

async function lookUpPurchase(
	this: IExecuteFunctions,
	itemIndex: number,
	operationId: string,
	apiVersion: string | undefined,
): Promise<boolean | undefined> {
	for (const delay of LOOKUP_DELAYS_MS) {
		if (delay > 0) await sleep(delay, this.getExecutionCancelSignal());
		try {
			if ((await findOperation.call(this, operationId, { apiVersion, itemIndex })) !== undefined) return true;
		} catch {
			return undefined;
		}
	}
	return false;
}

function purchaseError(this: IExecuteFunctions, itemIndex: number, message: string, description: string): NodeOperationError {
	const error = new NodeOperationError(this.getNode(), message, { itemIndex, description });
	// NodeOperationError rewrites messages that mention network codes; keep ours.
	error.message = message;
	return error;
}
