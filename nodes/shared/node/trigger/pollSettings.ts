/** What every polling trigger of ours checks before any request, and how a failed scheduled poll explains itself. */
import {
	NodeOperationError,
	type IDataObject,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { acsErrorContextOf } from '../../transport';
import { EVENTS_PARAMETER } from './pollForChanges';

export const DEFAULT_POLL_TIMEOUT_SECONDS = 60;
export const MAX_POLL_TIMEOUT_SECONDS = 3600;

export interface PollSettings {
	/** Epoch ms by which every request of this poll has answered or failed. */
	deadline: number;
	timeoutSeconds: number;
}

export const pollTimeoutOption: INodeProperties = {
	displayName: 'Poll Timeout (Seconds)',
	name: 'pollTimeoutSeconds',
	type: 'number',
	default: DEFAULT_POLL_TIMEOUT_SECONDS,
	typeOptions: { minValue: 1, maxValue: MAX_POLL_TIMEOUT_SECONDS, numberPrecision: 0 },
	description:
		'The longest one poll may take, retries included. A poll that runs out fails and reports nothing; the next one reports every change since the last good poll.',
};

/** A whole number parameter within [min, max], else a clear error before any request. */
export function numberInRange(
	ctx: IPollFunctions,
	value: unknown,
	label: string,
	min: number,
	max: number,
): number {
	const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
	if (!ok) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${label}" must be a number from ${min} to ${max}`,
			{
				description: `It is ${JSON.stringify(value)}. Nothing was sent to the service.`,
			},
		);
	}
	return value as number;
}

/** The chosen events (each one the trigger knows) and the poll's deadline. */
export function readPollSettings(
	ctx: IPollFunctions,
	knownEvents: readonly string[],
): PollSettings {
	const chosen = ctx.getNodeParameter(EVENTS_PARAMETER, []) as unknown;
	const unknown = Array.isArray(chosen)
		? chosen.filter((event) => !knownEvents.includes(String(event)))
		: [];
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Unknown event "${String(unknown[0])}"`, {
			description: `"Events" takes ${knownEvents.join(', ')}. Nothing was sent to the service.`,
		});
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const seconds = numberInRange(
		ctx,
		options.pollTimeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS,
		'Poll Timeout (Seconds)',
		1,
		MAX_POLL_TIMEOUT_SECONDS,
	);
	return { deadline: Date.now() + seconds * 1000, timeoutSeconds: seconds };
}

/** A failed scheduled poll says whether it ran out of time, and that nothing was lost. */
export function explainFailedPoll(error: unknown, settings: PollSettings): unknown {
	if (!(error instanceof Error) || !('description' in error)) return error;
	const notes = [
		acsErrorContextOf(error)?.outOfTime
			? `The poll ran past its Poll Timeout (${settings.timeoutSeconds} s).`
			: undefined,
		'This poll reported nothing and kept the last good state: the next successful poll reports every change since then, once.',
	].filter(Boolean);
	const described = error as Error & { description?: string | null };
	described.description = [described.description, ...notes].filter(Boolean).join(' ');
	return error;
}
