/**
 * How the trigger reads: through the transport's pager, with a retry budget that suits a poll (the next poll is the
 * real retry, so one poll gives up within its Poll Timeout instead of minutes), and the service's clock taken from
 * each answer's `Date` header where it agrees with this machine's clock.
 */
import { NodeApiError, NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { encodePhoneNumber } from '../../shared/acs/phoneNumber';
import {
	acsGetAllPages,
	acsRequest,
	settle,
	type AcsRequestOptions,
	type AcsResponse,
	type RetryPolicy,
} from '../../shared/transport';
import type { TriggerSettings } from '../settings';

export const POLL_RETRY_POLICY: RetryPolicy = {
	maxRetries: 2,
	maxTotalWaitMs: 10_000,
	baseDelayMs: 500,
	maxDelayMs: 4_000,
};
/** One attempt of one page; the poll's deadline shortens it further. */
const ATTEMPT_TIMEOUT_MS = 30_000;

/** This machine's clock. The tests move it with the emulator's virtual clock, as time passes for both. */
export const hostClock = { now: (): number => Date.now() };

/**
 * How far the service's `Date` may be from this machine's clock and still be believed. ACS and a healthy host
 * agree within seconds; a `Date` further off (a broken proxy, a hostile server) would make every reservation
 * look expired, or hide expiries, so the reading then goes by this machine's clock.
 */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/**
 * The time of a reading: the latest `Date` the service stated during it, among those within MAX_CLOCK_SKEW_MS of
 * this machine's clock; this machine's clock when there is none.
 */
export class ServiceClock {
	private latestMs: number | undefined;

	see(response: AcsResponse<unknown>): void {
		const stated = Date.parse(response.headers.date ?? '');
		if (Number.isNaN(stated) || Math.abs(stated - hostClock.now()) > MAX_CLOCK_SKEW_MS) return;
		if (this.latestMs === undefined || stated > this.latestMs) this.latestMs = stated;
	}

	now(): number {
		return this.latestMs ?? hostClock.now();
	}
}

export interface ListReading<T> {
	items: T[];
	/** The time of the reading (ms), as ServiceClock tells it. */
	now: number;
}

function pollRequest(
	settings: TriggerSettings,
): Pick<AcsRequestOptions, 'api' | 'retry' | 'timeoutMs' | 'deadline'> {
	return {
		api: 'phoneNumbers',
		retry: POLL_RETRY_POLICY,
		timeoutMs: ATTEMPT_TIMEOUT_MS,
		deadline: settings.deadline,
	};
}

export async function readList<T>(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	list: { path: string; itemsField: string; pageSizeParam: 'top' | 'maxPageSize' },
): Promise<ListReading<T>> {
	const clock = new ServiceClock();
	const items = await (acsGetAllPages<T>).call(ctx, {
		method: 'GET',
		...pollRequest(settings),
		...list,
		onPage: (response) => clock.see(response),
	});
	return { items, now: clock.now() };
}

/** A purchased number read on its own; undefined when the service answers 404 (the resource does not own it). */
export async function readPurchasedNumber<T extends { phoneNumber?: string }>(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	e164: string,
): Promise<T | undefined> {
	const read = await settle(
		acsRequest.call(ctx, {
			method: 'GET',
			...pollRequest(settings),
			path: `/phoneNumbers/${encodePhoneNumber(e164)}`,
		}) as Promise<AcsResponse<T>>,
	);
	if (!read.ok) {
		if (read.error instanceof NodeApiError && read.error.httpCode === '404') return undefined;
		throw read.error;
	}
	if (read.value.body?.phoneNumber !== e164) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The service could not confirm whether ${e164} is still a number of this resource`,
			{ description: `Reading it answered ${read.value.statusCode} without naming it.` },
		);
	}
	return read.value.body;
}
