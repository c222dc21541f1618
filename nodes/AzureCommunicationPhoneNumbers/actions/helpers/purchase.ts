import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { readLroMode, withOutputFields } from '../../../shared/node';
import {
	acsErrorContextOf,
	handleOfOperation,
	settle,
	waitForOperation,
	type LroHandle,
} from '../../../shared/transport';
import { checkCostGuard, type CostLimits, type PricedNumber } from './costGuard';
import { pendingOutput } from './lro';
import {
	purchaseFields,
	repeatStep,
	resumeStep,
	unknownSummary,
	type PurchaseSource,
	type PurchaseSummary,
	type PurchaseVerdict,
} from './purchaseOutcome';
import { startPurchase, type PurchaseStart, type PurchaseStateProbe } from './purchaseStart';

export interface PurchasePlan {
	/** The search or reservation id, and any field every outcome of this purchase adds (e.g. `requestedQuantity`). */
	source: PurchaseSource & IDataObject;
	numbers: PricedNumber[];
	limits: CostLimits;
	expiresAt: string | undefined;
	now: Date;
	agreementRequired: boolean;
	agreeToNotResell: boolean;
	/** Set when the service already says why this cannot be bought (search error, status). */
	blocker?: { reason: string; message: string };
}

/** The numbers and their cost, as every purchase item reports them. */
export function summarizePurchase(
	plan: Pick<PurchasePlan, 'source' | 'numbers' | 'limits' | 'expiresAt'>,
): PurchaseSummary {
	const verdict = checkCostGuard(plan.numbers, plan.limits);
	return {
		...plan.source,
		phoneNumbers: plan.numbers.map((n) => n.phoneNumber),
		phoneNumberCount: plan.numbers.length,
		totalMonthlyCost: verdict.totalMonthlyCost,
		highestMonthlyCost: verdict.highestMonthlyCost,
		currencyCode: verdict.currencyCode,
		costByCurrency: verdict.costByCurrency,
		expiresAt: plan.expiresAt ?? null,
	};
}

/** Refuses (throws, purchased: false) before the purchase call when expiry, agreement, or the cost guard says no. */
export function checkPurchasePlan(
	this: IExecuteFunctions,
	itemIndex: number,
	plan: PurchasePlan,
): PurchaseSummary {
	const summary = summarizePurchase(plan);
	const refuse = (reason: string, message: string) => {
		const error = new NodeOperationError(this.getNode(), `Not purchased: ${message}`, {
			itemIndex,
			description: 'Nothing was bought and nothing was sent to the purchase endpoint.',
		});
		return withOutputFields(
			error,
			purchaseFields(summary, { purchased: false, refusedBecause: reason }),
		);
	};
	if (plan.blocker) throw refuse(plan.blocker.reason, plan.blocker.message);
	const expiresMs = plan.expiresAt ? Date.parse(plan.expiresAt) : NaN;
	if (!Number.isNaN(expiresMs) && expiresMs <= plan.now.getTime()) {
		throw refuse(
			'expired',
			`the hold expired at ${plan.expiresAt}, so its numbers are no longer held for you. Search or reserve again.`,
		);
	}
	if (plan.agreementRequired && !plan.agreeToNotResell) {
		throw refuse(
			'agreementToNotResellRequired',
			'these numbers can only be bought with the agreement not to resell them. Turn on "Agree to Not Resell" if you accept it.',
		);
	}
	const verdict = checkCostGuard(plan.numbers, plan.limits);
	if (!verdict.allowed) throw refuse(verdict.reason, verdict.message);
	return summary;
}

/**
 * A step before the purchase request failed (reading the search or reservation, the search itself): nothing was sent
 * to the purchase endpoint, so nothing was bought. The error gets the purchase fields.
 */
export async function beforePurchase<T>(
	this: IExecuteFunctions,
	itemIndex: number,
	step: Promise<T>,
	failed: { source: PurchaseSource & IDataObject; reason: string },
): Promise<T> {
	const outcome = await settle(step);
	if (outcome.ok) return outcome.value;
	const fields = purchaseFields(unknownSummary(failed.source), {
		purchased: false,
		refusedBecause: failed.reason,
	});
	throw withOutputFields(asNodeError(this, outcome.error, itemIndex), fields);
}

export interface PurchaseRequest {
	start: PurchaseStart;
	summary: PurchaseSummary;
	/** The service's state of this purchase, read when a send is refused while an earlier one is unsettled. */
	probe?: PurchaseStateProbe;
	/** What the service's state already shows, read before sending: bought, or being bought (then followed). Nothing is sent. */
	already?: 'bought' | 'started';
	/**
	 * Reads what the completed purchase actually bought and returns the item's fields for it (summary of the numbers
	 * bought, and anything bought beyond the checked numbers). Run only after the operation succeeded.
	 */
	readBought?: () => Promise<IDataObject>;
}

/**
 * Sends the purchase, settling an ambiguous failure by sending it again (the service buys an id at most once), and
 * follows its operation. Says `purchased: false` only on evidence; every other doubt is `purchased: null`.
 */
export async function purchase(
	this: IExecuteFunctions,
	itemIndex: number,
	request: PurchaseRequest,
): Promise<IDataObject> {
	const { start } = request;
	const operationId = start.knownOperationId;
	const fields = (verdict: PurchaseVerdict) =>
		purchaseFields(request.summary, { operationId, ...verdict });
	if (request.already === 'bought')
		return fields({ purchased: true, operationStatus: 'succeeded', completed: true });
	const settlement =
		request.already === 'started'
			? { kind: 'started' as const, handle: handleOfOperation(operationId), sendsInDoubt: 0 }
			: await startPurchase.call(this, start, request.probe);
	if (settlement.kind === 'refused') {
		const error = explained(
			asNodeError(this, settlement.error, itemIndex),
			'Not purchased: ',
			settlement.because,
		);
		throw withOutputFields(error, fields({ purchased: false, refusedBecause: settlement.reason }));
	}
	if (settlement.kind === 'unsettled') {
		const nextStep = repeatStep(request.summary, operationId);
		const cause = asNodeError(this, settlement.error, itemIndex);
		const error = new NodeOperationError(
			this.getNode(),
			`It is not known whether the purchase happened (${cause.message})`,
			{
				itemIndex,
				description: `The purchase request failed in a way that does not tell whether the service received it, and no purchase of operation ${operationId} is visible yet: it may still arrive. ${nextStep}`,
			},
		);
		// NodeOperationError rewrites messages that mention network codes; keep ours.
		error.message = `It is not known whether the purchase happened (${cause.message})`;
		throw withOutputFields(error, fields({ purchased: null, nextStep }));
	}
	return await followPurchase.call(
		this,
		itemIndex,
		settlement.handle,
		settlement.sendsInDoubt,
		request,
		fields,
	);
}

async function followPurchase(
	this: IExecuteFunctions,
	itemIndex: number,
	handle: LroHandle,
	sendsInDoubt: number,
	request: PurchaseRequest,
	fields: (verdict: PurchaseVerdict) => IDataObject,
): Promise<IDataObject> {
	const operationId = handle.operationId;
	// With a send of ours still in doubt, only repeating the purchase settles it: it may arrive after a failure.
	const unknownStep =
		sendsInDoubt === 0 ? resumeStep(operationId) : repeatStep(request.summary, operationId);
	const mode = readLroMode.call(this, itemIndex);
	if (!mode.waitForCompletion)
		return pendingOutput(handle, fields({ purchased: null, operationId, nextStep: unknownStep }));
	const waited = await settle(
		waitForOperation.call(this, handle, {
			timeoutSeconds: mode.timeoutSeconds,
			apiVersion: request.start.apiVersion,
			itemIndex,
			skipResult: true,
			tolerateNotFound: true,
		}),
	);
	if (waited.ok) {
		const bought = fields({
			purchased: true,
			operationId,
			operationStatus: waited.value.operation.status,
			completed: true,
		});
		return request.readBought ? { ...bought, ...(await request.readBought()) } : bought;
	}
	const error = asNodeError(this, waited.error, itemIndex);
	const operationStatus = acsErrorContextOf(error)?.operationStatus?.toLowerCase() ?? null;
	if (operationStatus === 'failed' && sendsInDoubt === 0) {
		const failed = explained(
			error,
			'Not purchased: ',
			'The purchase operation ended failed and no other request of this purchase is in flight: nothing was bought.',
		);
		throw withOutputFields(
			failed,
			fields({
				purchased: false,
				operationId,
				operationStatus,
				completed: true,
				refusedBecause: 'operationFailed',
			}),
		);
	}
	if (operationStatus === 'failed') {
		const explainedError = explained(
			error,
			'',
			`This purchase failed, but an earlier request of it failed in a way that does not tell whether the service received it: if it arrives late it may buy the numbers. ${unknownStep}`,
		);
		throw withOutputFields(
			explainedError,
			fields({
				purchased: null,
				operationId,
				operationStatus,
				completed: true,
				nextStep: unknownStep,
			}),
		);
	}
	const explainedError = explained(
		error,
		'',
		`A purchase of this ${typeof request.summary.reservationId === 'string' ? 'reservation' : 'search'} was accepted; whether it succeeded is not known yet. ${unknownStep}`,
	);
	throw withOutputFields(
		explainedError,
		fields({ purchased: null, operationId, operationStatus, nextStep: unknownStep }),
	);
}

type NodeError = NodeApiError | NodeOperationError;

function asNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
}

/** The same error, its message prefixed and its description extended. */
function explained(error: NodeError, prefix: string, explanation: string): NodeError {
	if (prefix && !error.message.startsWith(prefix)) error.message = `${prefix}${error.message}`;
	error.description = [error.description, explanation].filter(Boolean).join('\n');
	return error;
}
