/** Long-running operations of the Phone Numbers API: start -> adaptive polling -> final resource. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';
import { acsErrorContextOf, withAcsContext } from './errorContext';
import { operationFailedError } from './errors';
import { pinToEndpoint } from './hostPin';
import { credentialKeyOf, endpointOf } from './credentialSelection';
import { createPollCadence, type PollCadence } from './pollCadence';
import { FinishTimeMemory } from './pollPlan';
import { DEFAULT_POLLING_POLICY, isTerminalStatus } from './pollingPolicy';
import { abortableSleep, acsRequest } from './request';
import { isIdempotentByDefault, retryAfterMs } from './retryPolicy';
import { settle } from './settle';
import type {
	AcsContext,
	AcsRequestOptions,
	AcsResponse,
	LroHandle,
	LroOutcome,
	LroStartOptions,
	OperationLookupOptions,
	PhoneNumberOperation,
	PollingPolicy,
	WaitOptions,
} from './types';

export function operationPath(operationId: string): string {
	return `/phoneNumbers/operations/${encodeURIComponent(operationId)}`;
}

/** The operation id in an Operation-Location, or undefined when it names none or its escapes are malformed. */
function operationIdFromLocation(location: string): string | undefined {
	const match = /\/phoneNumbers\/operations\/([^/?#]+)/.exec(location);
	if (!match) return undefined;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return undefined;
	}
}

/** One request to an operation's URL (GET to read it, DELETE to cancel it). */
function operationRequest(
	ctx: AcsContext,
	method: 'GET' | 'DELETE',
	operationId: string,
	options: OperationLookupOptions,
): Promise<AcsResponse<PhoneNumberOperation>> {
	return acsRequest.call<
		AcsContext,
		[AcsRequestOptions],
		Promise<AcsResponse<PhoneNumberOperation>>
	>(ctx, {
		method,
		path: operationPath(operationId),
		api: 'phoneNumbers',
		apiVersion: options.apiVersion,
		itemIndex: options.itemIndex,
	});
}

/** GET an operation; undefined when the service does not know it (404). */
export async function findOperation(
	this: AcsContext,
	operationId: string,
	options: OperationLookupOptions = {},
): Promise<AcsResponse<PhoneNumberOperation> | undefined> {
	const outcome = await settle(operationRequest(this, 'GET', operationId, options));
	if (outcome.ok) return outcome.value;
	if (acsErrorContextOf(outcome.error)?.status === 404) return undefined;
	throw outcome.error;
}

export async function getOperation(
	this: AcsContext,
	operationId: string,
	options: OperationLookupOptions = {},
): Promise<PhoneNumberOperation> {
	return (await operationRequest(this, 'GET', operationId, options)).body;
}

export async function cancelOperation(
	this: AcsContext,
	operationId: string,
	options: OperationLookupOptions = {},
): Promise<void> {
	await operationRequest(this, 'DELETE', operationId, options);
}

/**
 * The handle of an operation a start's answer names: by `operation-id`, else by its Operation-Location, else the id the
 * caller knows. An Operation-Location that names no readable operation is not polled: the known id's URL is.
 */
function handleFromStart(response: AcsResponse, knownOperationId?: string): LroHandle | undefined {
	const location = response.headers['operation-location'];
	const idInLocation = location ? operationIdFromLocation(location) : undefined;
	const operationId = response.headers['operation-id'] ?? idInLocation ?? knownOperationId;
	if (!operationId) return undefined;
	return {
		operationId,
		operationLocation: location && idInLocation ? location : operationPath(operationId),
		resourceLocation: response.headers['location'],
		startHeaders: response.headers,
		startBody: response.body,
		acceptedAt: Date.now(),
	};
}

/**
 * Starts an LRO (202 + Operation-Location). A DELETE or PATCH start is idempotent and retried like any call. A POST
 * start is sent once: its ambiguous failure is thrown as is (context `ambiguous`), for the caller to settle.
 * `knownOperationId` names the operation when the answer does not.
 */
export async function startLongRunningOperation(
	this: IExecuteFunctions,
	options: LroStartOptions,
): Promise<LroHandle> {
	const idempotent = options.idempotent ?? isIdempotentByDefault(options.method);
	const sent = await settle(acsRequest.call(this, { ...options, idempotent }));
	if (!sent.ok) {
		const acs = acsErrorContextOf(sent.error);
		if (options.method === 'DELETE' && acs?.status === 404 && acs.earlierAttemptMayHaveApplied)
			throw alreadyDeletedError(sent.error);
		throw sent.error;
	}
	const handle = handleFromStart(sent.value, options.knownOperationId);
	if (!handle) {
		throw new NodeOperationError(
			this.getNode(),
			'The service accepted the request but named no operation to follow',
			{
				itemIndex: options.itemIndex,
				description: `HTTP ${sent.value.statusCode} without a readable Operation-Location or operation-id.`,
			},
		);
	}
	return handle;
}

/** The handle of an operation known by its id only (found by a look-up, or named by the caller). */
export function handleOfOperation(
	operationId: string,
	found?: AcsResponse<PhoneNumberOperation>,
): LroHandle {
	return {
		operationId,
		operationLocation: operationPath(operationId),
		resourceLocation: found?.body?.resourceLocation ?? found?.headers['location'] ?? undefined,
		startHeaders: found?.headers ?? {},
		startBody: undefined,
	};
}

/**
 * Looks up the operation a purchase start makes (`purchase_<searchId>`, `reservationPurchase_<reservationId>`): its
 * handle, or undefined if the service does not know it (yet: after a reset or timeout the request may still arrive).
 */
export async function reconcileAmbiguousStart(
	this: AcsContext,
	knownOperationId: string,
	options: OperationLookupOptions = {},
): Promise<LroHandle | undefined> {
	const found = await findOperation.call(this, knownOperationId, options);
	return found ? handleOfOperation(knownOperationId, found) : undefined;
}

export function purchaseOperationId(searchId: string): string {
	return `purchase_${searchId}`;
}

export function reservationPurchaseOperationId(reservationId: string): string {
	return `reservationPurchase_${reservationId}`;
}

/** Polls until succeeded/failed or the timeout; GETs the final resource (Location / resourceLocation) when there is one. */
export async function waitForOperation(
	this: IExecuteFunctions,
	handle: LroHandle | { operationId: string },
	opts: WaitOptions,
): Promise<LroOutcome> {
	const node = this.getNode();
	const full = handle as Partial<LroHandle>;
	const pollUrl = await pinToEndpoint(
		this,
		full.operationLocation ?? operationPath(handle.operationId),
		'Operation-Location',
		opts.itemIndex,
	);
	const policy = { ...DEFAULT_POLLING_POLICY, ...(opts.polling ?? {}) };
	const deadline = Date.now() + Math.max(0, opts.timeoutSeconds) * 1000;
	const cadence = await pollCadence(
		this,
		handle.operationId,
		full.acceptedAt,
		policy,
		opts.itemIndex,
	);
	let operation: PhoneNumberOperation | undefined;
	let location = full.resourceLocation;
	const timedOut = (lastStatus: string | undefined) => {
		const error = new NodeOperationError(
			node,
			`The operation ${handle.operationId} did not finish within ${opts.timeoutSeconds} s (last status: ${lastStatus ?? 'unknown'})`,
			{
				itemIndex: opts.itemIndex,
				description: `It may still be running on the service. To resume, use Long-Running Operation -> Wait for Completion with the operation ID ${handle.operationId}, or raise the timeout.`,
			},
		);
		return withAcsContext(error, {
			waitTimedOut: true,
			operationId: handle.operationId,
			operationStatus: lastStatus,
		});
	};
	for (;;) {
		const sentAt = Date.now();
		const polled = await settle(
			acsRequest.call<
				IExecuteFunctions,
				[AcsRequestOptions],
				Promise<AcsResponse<PhoneNumberOperation>>
			>(this, {
				method: 'GET',
				path: pollUrl,
				api: opts.api ?? 'phoneNumbers',
				apiVersion: opts.apiVersion,
				itemIndex: opts.itemIndex,
				deadline,
			}),
		);
		const notVisibleYet =
			!polled.ok &&
			opts.tolerateNotFound === true &&
			acsErrorContextOf(polled.error)?.status === 404;
		if (!polled.ok && !notVisibleYet) {
			if (!isTransientFailure(polled.error)) throw polled.error;
			if (Date.now() < deadline && !acsErrorContextOf(polled.error)?.outOfTime) throw polled.error;
			// The retries ran out of time: wait out the Timeout the user gave, then report it.
			await abortableSleep(this, Math.max(0, deadline - Date.now()), opts.itemIndex);
			throw timedOut(operation?.status);
		}
		const headers = polled.ok ? polled.value.headers : {};
		if (polled.ok) {
			operation = polled.value.body;
			location = operation?.resourceLocation ?? headers['location'] ?? location;
			if (operation && isTerminalStatus(operation.status)) {
				if (operation.status.toLowerCase() === 'succeeded') cadence.seenDone();
				break;
			}
		}
		cadence.seenNotDone(sentAt);
		const remaining = deadline - Date.now();
		if (remaining <= 0) throw timedOut(operation?.status);
		const retryAfter = retryAfterMs(headers, new Date());
		const wanted = Math.max(cadence.nextDelayMs(), retryAfter ?? 0);
		await abortableSleep(this, Math.max(0, Math.min(wanted, remaining)), opts.itemIndex);
	}
	if (operation.status.toLowerCase() !== 'succeeded') {
		throw withAcsContext(operationFailedError(node, operation, opts.itemIndex), {
			operationStatus: operation.status,
		});
	}
	if (!location || opts.skipResult) return { operation };
	const resultPath = await pinToEndpoint(this, location, 'Location', opts.itemIndex);
	const result = await acsRequest.call(this, {
		method: 'GET',
		path: resultPath,
		api: opts.api ?? 'phoneNumbers',
		apiVersion: opts.apiVersion,
		itemIndex: opts.itemIndex,
		// The operation is done: its result gets a short time of its own even at the deadline.
		deadline: Math.max(deadline, Date.now() + RESULT_GRACE_MS),
	});
	return { operation, result: result.body };
}

const RESULT_GRACE_MS = 5_000;

/** When operations finished, per resource, credential and kind, for this process: what the polls of the next one are planned from. */
export const finishTimes = new FinishTimeMemory();

/**
 * The cadence of one operation's polls (pollCadence.ts), learning per resource and kind; an operation whose start time
 * is unknown (resumed by id) gets the default cadence.
 */
async function pollCadence(
	ctx: IExecuteFunctions,
	operationId: string,
	acceptedAt: number | undefined,
	policy: PollingPolicy,
	itemIndex: number | undefined,
): Promise<PollCadence> {
	const kind =
		acceptedAt === undefined ? undefined : await learningKindOf(ctx, operationId, itemIndex);
	return createPollCadence({ memory: finishTimes, kind, acceptedAt, policy, now: Date.now });
}

/** What an operation's finish time is remembered under: its kind, on this endpoint, for this credential. */
export async function learningKindOf(
	ctx: IExecuteFunctions,
	operationId: string,
	itemIndex: number | undefined,
): Promise<string> {
	const endpoint = (await endpointOf(ctx, itemIndex)).origin;
	return `${endpoint} ${await credentialKeyOf(ctx, itemIndex)} ${operationId.split('_')[0]}`;
}

/** A failure of a poll that only means "no answer in time" (timeout, reset, 5xx, 429), not a real error answer. */
function isTransientFailure(error: Error): boolean {
	const acs = acsErrorContextOf(error);
	if (!acs) return false;
	return acs.status === undefined || [408, 429, 500, 502, 503, 504].includes(acs.status);
}

/**
 * A DELETE start re-sent after a failure that may have reached the service, answered 404: the first attempt most
 * likely started the deletion and it has already finished (a second DELETE while it runs is answered 202).
 */
function alreadyDeletedError(error: Error): Error {
	const shaped = error as Error & { description?: string; context: Record<string, unknown> };
	shaped.message = `Already gone: ${shaped.message}`;
	shaped.description =
		`${shaped.description ?? ''}\nThe first attempt of this request most likely did it (its answer was lost) and it has already completed: the resource no longer exists. Nothing else needs to be done.`.trim();
	return withAcsContext(shaped, { alreadyApplied: true });
}
