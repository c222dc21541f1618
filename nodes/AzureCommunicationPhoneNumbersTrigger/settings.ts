import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { EVENTS_PARAMETER } from '../shared/node/trigger';
import { PHONE_NUMBER_EVENTS } from './events';

export const DEFAULT_LEAD_TIME_MINUTES = 5;
export const MIN_LEAD_TIME_MINUTES = 1;
/** A reservation lives at most 2 hours: a longer lead time would say nothing more. */
export const MAX_LEAD_TIME_MINUTES = 120;
export const DEFAULT_POLL_TIMEOUT_SECONDS = 60;
export const MAX_POLL_TIMEOUT_SECONDS = 3600;

export interface TriggerSettings {
	/** "Expiring soon" is at most this many ms before a reservation's expiresAt. */
	leadTimeMs: number;
	/** Epoch ms by which every request of this poll has answered or failed. */
	deadline: number;
}

function numberInRange(
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
				description: `It is ${JSON.stringify(value)}. Nothing was sent.`,
			},
		);
	}
	return value as number;
}

/** The trigger's parameters, checked before any request. */
export function readSettings(ctx: IPollFunctions): TriggerSettings {
	const events = ctx.getNodeParameter(EVENTS_PARAMETER, []) as unknown;
	const known = Object.values(PHONE_NUMBER_EVENTS) as string[];
	const unknown = Array.isArray(events) ? events.filter((event) => !known.includes(event)) : [];
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `Unknown event: ${unknown.join(', ')}`, {
			description: `"Events" takes ${known.join(', ')}. Nothing was sent.`,
		});
	}
	const wantsLeadTime =
		Array.isArray(events) && events.includes(PHONE_NUMBER_EVENTS.reservationExpiringSoon);
	const leadTimeMinutes = wantsLeadTime
		? numberInRange(
				ctx,
				ctx.getNodeParameter('leadTimeMinutes', DEFAULT_LEAD_TIME_MINUTES),
				'Lead Time (Minutes)',
				MIN_LEAD_TIME_MINUTES,
				MAX_LEAD_TIME_MINUTES,
			)
		: DEFAULT_LEAD_TIME_MINUTES;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const pollTimeoutSeconds = numberInRange(
		ctx,
		options.pollTimeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS,
		'Poll Timeout (Seconds)',
		1,
		MAX_POLL_TIMEOUT_SECONDS,
	);
	return {
		leadTimeMs: leadTimeMinutes * 60_000,
		deadline: Date.now() + pollTimeoutSeconds * 1000,
	};
}
