/**
 * The one shape of what the transport records on an error (`error.context.acs`), and the one way to read and add to
 * it. Every writer and reader of that context goes through here.
 */
import type { JsonObject } from 'n8n-workflow';
import { scrubDeep } from './scrub';

export interface AcsErrorContext {
	status?: number;
	code?: string;
	innerCode?: string;
	target?: string;
	correlationId?: string;
	operationId?: string;
	/** True when a non-idempotent request may or may not have been processed. */
	ambiguous?: boolean;
	/** An earlier attempt of this request failed after it may have reached the service. */
	earlierAttemptMayHaveApplied?: boolean;
	/** A re-sent DELETE found the resource gone: the first attempt most likely did it. */
	alreadyApplied?: boolean;
	/** The retries of a call with a deadline stopped because the next wait would pass it. */
	outOfTime?: boolean;
	/** A Wait for Completion ran out of its Timeout; the operation may still be running. */
	waitTimedOut?: boolean;
	/** The last status seen of the operation waited for (`failed` when it ended failed). */
	operationStatus?: string;
	/** The wait the service asked for (Retry-After) on the last answer, in ms. */
	retryAfterMs?: number;
}

interface WithContext {
	context?: { acs?: AcsErrorContext };
}

export function acsErrorContextOf(error: unknown): AcsErrorContext | undefined {
	if (!error || typeof error !== 'object') return undefined;
	return (error as WithContext).context?.acs;
}

/** Adds `fields` (scrubbed: some come from the response) to the error's ACS context and returns the same error. */
export function withAcsContext<E extends { context: Record<string, unknown> }>(
	error: E,
	fields: AcsErrorContext,
): E {
	error.context.acs = {
		...((error.context.acs as AcsErrorContext | undefined) ?? {}),
		...scrubDeep(fields),
	} as JsonObject;
	return error;
}
