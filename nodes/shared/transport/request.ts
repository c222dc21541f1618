/** acsRequest: the one place that sends HTTP to ACS (api-version, authentication, retries, error mapping). */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from '../sleep';
import { apiVersionFor } from './apiVersions';
import { credentialTypeOf } from './credentialSelection';
import { withAcsContext } from './errorContext';
import { acsApiError, configurationError, networkError } from './errors';
import { pinToEndpoint } from './hostPin';
import {
	DEFAULT_RETRY_POLICY,
	RETRYABLE_STATUS,
	backoffMs,
	classifyNetworkCode,
	isIdempotentByDefault,
	retryAfterMs,
} from './retryPolicy';
import { scrubDeep, scrubSecrets } from './scrub';
import type { AcsContext, AcsRequestOptions, AcsResponse, RetryPolicy } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;
const CREDENTIAL_ERROR_NAMES = new Set([
	'EndpointError',
	'ConnectionStringError',
	'AcsCredentialError',
]);

export function cancelSignalOf(ctx: AcsContext): AbortSignal | undefined {
	const getter = (ctx as Partial<IExecuteFunctions>).getExecutionCancelSignal;
	return typeof getter === 'function' ? getter.call(ctx) : undefined;
}

export async function abortableSleep(
	ctx: AcsContext,
	ms: number,
	itemIndex?: number,
): Promise<void> {
	const signal = cancelSignalOf(ctx);
	try {
		await sleep(ms, signal);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled', { itemIndex });
	}
}

function flatHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

/**
 * An error answer passes the scrubber here, before any caller sees it. A success is kept as the service sent it
 * (a read-modify-write must write back what was read); what a node outputs is scrubbed when it becomes an item.
 */
function fromResponse(statusCode: number, headers: unknown, body: unknown): AcsResponse {
	const flat = flatHeaders(headers);
	if (statusCode < 300) return { statusCode, headers: flat, body };
	return { statusCode, headers: scrubDeep(flat), body: scrubDeep(body) };
}

type Failure =
	| { kind: 'response'; statusCode: number; headers: Record<string, string>; body: unknown }
	| { kind: 'network'; code: string; delivered: 'no' | 'maybe' }
	| { kind: 'credential'; message: string }
	| { kind: 'cancelled' }
	| { kind: 'unknown'; message: string };

/** Reads what n8n's wrapped error says, without keeping the error (its cause holds the request and its headers). */
function classifyThrown(error: unknown, ctx: AcsContext): Failure {
	if (cancelSignalOf(ctx)?.aborted) return { kind: 'cancelled' };
	let current: unknown = error;
	const seen = new Set<unknown>();
	let code: string | undefined;
	const texts: string[] = [];
	let httpCode: number | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const e = current as {
			name?: string;
			message?: string;
			code?: unknown;
			response?: { status?: number; headers?: unknown; data?: unknown };
			cause?: unknown;
			errorResponse?: unknown;
			messages?: unknown;
			httpCode?: unknown;
		};
		// n8n 1.x's NodeApiError keeps neither the cause nor its response, only the original messages and status.
		if (Array.isArray(e.messages))
			texts.push(...e.messages.filter((text): text is string => typeof text === 'string'));
		if (typeof e.httpCode === 'string' && /^\d{3}$/.test(e.httpCode))
			httpCode ??= Number(e.httpCode);
		if (e.name && CREDENTIAL_ERROR_NAMES.has(e.name))
			return { kind: 'credential', message: e.message ?? e.name };
		if (e.name === 'AbortError' || e.name === 'CanceledError' || e.code === 'ERR_CANCELED') {
			if (cancelSignalOf(ctx)?.aborted) return { kind: 'cancelled' };
		}
		if (e.response && typeof e.response.status === 'number') {
			return {
				kind: 'response',
				...fromResponse(e.response.status, e.response.headers, e.response.data),
			};
		}
		if (typeof e.code === 'string' && !code) code = e.code;
		current = e.cause ?? e.errorResponse;
	}
	if (httpCode !== undefined)
		return { kind: 'response', ...fromResponse(httpCode, undefined, undefined) };
	code ??= texts.map((text) => /\b(E[A-Z]{4,}|ERR_[A-Z_]+)\b/.exec(text)?.[1]).find(Boolean);
	const network = classifyNetworkCode(code);
	if (network) return { kind: 'network', ...network };
	if (code === 'ECONNABORTED' || code === 'ERR_CANCELED')
		return { kind: 'network', code, delivered: 'maybe' };
	const message = error instanceof Error ? error.message : String(error);
	if ([message, ...texts].some((text) => /socket hang up|timeout/i.test(text)))
		return { kind: 'network', code: 'ECONNRESET', delivered: 'maybe' };
	return { kind: 'unknown', message };
}

async function sendOnce(
	ctx: AcsContext,
	credentialType: string,
	request: IHttpRequestOptions,
): Promise<{ ok: true; response: AcsResponse } | { ok: false; failure: Failure }> {
	try {
		const raw = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
			...request,
		})) as {
			statusCode: number;
			headers: unknown;
			body: unknown;
		};
		if (raw.statusCode === 401 && request.ignoreHttpStatusErrors !== false) {
			// n8n 1.x ignores `except` and hands the 401 back instead of refreshing the token: ask so that it throws
			// (and refreshes). A second 401 is reported from this answer: 1.x's error keeps no body.
			const again = await sendOnce(ctx, credentialType, {
				...request,
				ignoreHttpStatusErrors: false,
			});
			if (again.ok || again.failure.kind !== 'response' || again.failure.statusCode !== 401)
				return again;
		}
		const response = fromResponse(
			raw.statusCode,
			raw.headers,
			raw.body === '' ? undefined : raw.body,
		);
		// A redirect is never followed (the credential's signature or token must not go elsewhere): it is an error.
		if (response.statusCode >= 300)
			return { ok: false, failure: { kind: 'response', ...response } };
		return { ok: true, response };
	} catch (error) {
		return { ok: false, failure: classifyThrown(error, ctx) };
	}
}

/**
 * An answer that says the service did not act on this request: a 4xx, except 408 (said when the request was slow to
 * arrive: it may still be processed). Any other answer to a request that is not idempotent (a 3xx, any 5xx, anything
 * odd) may come after the service acted on it.
 */
function isRefusal(status: number): boolean {
	return status >= 400 && status < 500 && status !== 408;
}

/** A failure after which the service may have acted on the request (not a 429, not a refused connection). */
function mayHaveBeenProcessed(failure: Failure): boolean {
	if (failure.kind === 'response') return failure.statusCode !== 429;
	return failure.kind === 'network' && failure.delivered === 'maybe';
}

/** Smallest per-attempt timeout near a deadline: an attempt always gets a fair chance to answer. */
const MIN_ATTEMPT_MS = 250;

function attemptTimeoutWithin(deadline: number, attemptTimeoutMs: number): number {
	return Math.min(attemptTimeoutMs, Math.max(MIN_ATTEMPT_MS, deadline - Date.now()));
}

export interface PreparedRequest {
	credentialType: string;
	request: IHttpRequestOptions;
}

export async function prepareRequest(
	ctx: AcsContext,
	options: AcsRequestOptions,
): Promise<PreparedRequest> {
	const path = await pinToEndpoint(ctx, options.path, 'request URL', options.itemIndex);
	const hasApiVersion = /[?&]api-version=/.test(path);
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(options.qs ?? {}))
		if (value !== undefined) qs[name] = value;
	if (!hasApiVersion) qs['api-version'] = apiVersionFor(options.api, options.apiVersion);
	const headers: IDataObject = { ...(options.headers ?? {}) };
	if (options.body !== undefined)
		headers['content-type'] = options.contentType ?? 'application/json';
	const request: IHttpRequestOptions = {
		method: options.method,
		url: path,
		qs,
		headers,
		json: true,
		returnFullResponse: true,
		// 401 still throws so that n8n refreshes an Entra token once and retries.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		disableFollowRedirect: true,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (options.body !== undefined) request.body = options.body;
	return { credentialType: credentialTypeOf(ctx, options.itemIndex ?? 0), request };
}

/**
 * Sends one ACS call. Retries 429/500/502/503/504 and connection failures with Retry-After or exponential
 * backoff, within a bounded count and total wait, abortable by the execution's cancel signal. A request that
 * is not idempotent is retried only when it certainly was not processed (429, or the connection was refused).
 */
export async function acsRequest<T = unknown>(
	this: AcsContext,
	options: AcsRequestOptions,
): Promise<AcsResponse<T>> {
	const node = this.getNode();
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...(options.retry ?? {}) };
	const idempotent = options.idempotent ?? isIdempotentByDefault(options.method);
	const { credentialType, request } = await prepareRequest(this, options);
	const attemptTimeoutMs = request.timeout ?? DEFAULT_TIMEOUT_MS;
	let waited = 0;
	let earlierAttemptMayHaveApplied = false;
	let outOfTime = false;
	for (let attempt = 0; ; attempt++) {
		if (options.deadline !== undefined)
			request.timeout = attemptTimeoutWithin(options.deadline, attemptTimeoutMs);
		const outcome = await sendOnce(this, credentialType, request);
		if (outcome.ok) return outcome.response as AcsResponse<T>;
		const failure = outcome.failure;
		if (failure.kind === 'cancelled') {
			throw new NodeOperationError(node, 'The execution was cancelled', {
				itemIndex: options.itemIndex,
			});
		}
		if (failure.kind === 'credential') {
			throw configurationError(
				node,
				failure.message,
				options.itemIndex,
				'Nothing was sent. Check the credential.',
			);
		}
		if (failure.kind === 'unknown') {
			throw configurationError(
				node,
				`The request could not be sent: ${failure.message}`,
				options.itemIndex,
			);
		}
		const retryable =
			failure.kind === 'response'
				? RETRYABLE_STATUS.has(failure.statusCode) && (idempotent || failure.statusCode === 429)
				: idempotent || failure.delivered === 'no';
		let delay: number | undefined;
		let note: string | undefined;
		if (retryable && attempt < policy.maxRetries) {
			const advised =
				failure.kind === 'response' ? retryAfterMs(failure.headers, new Date()) : undefined;
			delay = advised ?? backoffMs(attempt, policy, Math.random);
			if (waited + delay > policy.maxTotalWaitMs) {
				note = `Gave up after ${attempt + 1} attempt(s): the next wait (${Math.ceil(delay / 1000)} s) would exceed the retry budget of ${Math.round(policy.maxTotalWaitMs / 1000)} s.`;
				delay = undefined;
			} else if (options.deadline !== undefined && Date.now() + delay >= options.deadline) {
				note = `Gave up after ${attempt + 1} attempt(s): the time allowed for this call ran out.`;
				delay = undefined;
				outOfTime = true;
			}
		} else if (retryable) {
			note = `Gave up after ${attempt + 1} attempts.`;
		}
		if (delay === undefined) {
			if (failure.kind === 'network') {
				const error = networkError(
					node,
					{
						code: failure.code,
						ambiguous: !idempotent && failure.delivered === 'maybe',
						attempts: attempt + 1,
					},
					options.itemIndex,
				);
				if (outOfTime) withAcsContext(error, { outOfTime });
				throw error;
			}
			if (!retryable && !idempotent && !isRefusal(failure.statusCode)) {
				note =
					'This request is not idempotent and the service may have processed it, so it was not sent again. Check the resource (or the operation) before retrying.';
			}
			const appliedBefore =
				earlierAttemptMayHaveApplied && !RETRYABLE_STATUS.has(failure.statusCode);
			if (appliedBefore) {
				note = `An earlier attempt of this request failed after it may have reached the service, so this answer may be the result of that attempt.${note ? ` ${note}` : ''}`;
			}
			const error = acsApiError(node, failure, {
				itemIndex: options.itemIndex,
				note,
				requestPath: options.path,
			});
			const advised = retryAfterMs(failure.headers, new Date());
			if (advised !== undefined) withAcsContext(error, { retryAfterMs: advised });
			if (note && !retryable && !idempotent) withAcsContext(error, { ambiguous: true });
			if (appliedBefore) withAcsContext(error, { earlierAttemptMayHaveApplied: true });
			if (outOfTime) withAcsContext(error, { outOfTime });
			throw error;
		}
		earlierAttemptMayHaveApplied ||= mayHaveBeenProcessed(failure);
		waited += delay;
		await abortableSleep(this, delay, options.itemIndex);
	}
}

export { scrubSecrets };
