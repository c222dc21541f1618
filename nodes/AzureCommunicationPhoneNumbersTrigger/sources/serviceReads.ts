/**
 * How the trigger reads: through the transport's pager, with a retry budget that suits a poll (the next poll is the
 * real retry, so one poll gives up within its Poll Timeout instead of minutes), and the service's clock taken from
 * each answer's `Date` header.
 */
import type { IPollFunctions } from 'n8n-workflow';

import { acsGetAllPages, type AcsResponse, type RetryPolicy } from '../../shared/transport';
import type { TriggerSettings } from '../settings';

export const POLL_RETRY_POLICY: RetryPolicy = {
	maxRetries: 2,
	maxTotalWaitMs: 10_000,
	baseDelayMs: 500,
	maxDelayMs: 4_000,
};
/** One attempt of one page; the poll's deadline shortens it further. */
const ATTEMPT_TIMEOUT_MS = 30_000;

/** The latest time the service stated in a `Date` header during one reading; this machine's clock until then. */
export class ServiceClock {
	private latestMs: number | undefined;

	see(response: AcsResponse<unknown>): void {
		const stated = Date.parse(response.headers.date ?? '');
		if (!Number.isNaN(stated) && (this.latestMs === undefined || stated > this.latestMs))
			this.latestMs = stated;
	}

	now(): number {
		return this.latestMs ?? Date.now();
	}
}

export interface ListReading<T> {
	items: T[];
	/** The service's time of the reading (ms). */
	now: number;
}

export async function readList<T>(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	list: { path: string; itemsField: string; pageSizeParam: 'top' | 'maxPageSize' },
): Promise<ListReading<T>> {
	const clock = new ServiceClock();
	const items = await (acsGetAllPages<T>).call(ctx, {
		method: 'GET',
		api: 'phoneNumbers',
		...list,
		retry: POLL_RETRY_POLICY,
		timeoutMs: ATTEMPT_TIMEOUT_MS,
		deadline: settings.deadline,
		onPage: (response) => clock.see(response),
	});
	return { items, now: clock.now() };
}
