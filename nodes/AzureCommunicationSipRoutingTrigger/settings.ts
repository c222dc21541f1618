/** The trigger's own parameters, checked before any request. */
import {
	NodeOperationError,
	type IDataObject,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { EVENTS_PARAMETER } from '../shared/node/trigger';
import { acsErrorContextOf } from '../shared/transport';

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
	const seconds = options.pollTimeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS;
	if (
		typeof seconds !== 'number' ||
		!Number.isFinite(seconds) ||
		seconds < 1 ||
		seconds > MAX_POLL_TIMEOUT_SECONDS
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Poll Timeout (Seconds)" must be a number from 1 to ${MAX_POLL_TIMEOUT_SECONDS}`,
			{ description: `It is ${JSON.stringify(seconds)}. Nothing was sent to the service.` },
		);
	}
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
