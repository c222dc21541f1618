import type { IPollFunctions } from 'n8n-workflow';

import {
	EVENTS_PARAMETER,
	numberInRange,
	readPollSettings,
	type PollSettings,
} from '../shared/node/trigger';
import { PHONE_NUMBER_EVENTS } from './events';

export const DEFAULT_LEAD_TIME_MINUTES = 5;
export const MIN_LEAD_TIME_MINUTES = 1;
/** A reservation lives at most 2 hours: a longer lead time would say nothing more. */
export const MAX_LEAD_TIME_MINUTES = 120;

export interface TriggerSettings extends PollSettings {
	/** "Expiring soon" is at most this many ms before a reservation's expiresAt. */
	leadTimeMs: number;
}

/** The trigger's parameters, checked before any request. */
export function readSettings(ctx: IPollFunctions): TriggerSettings {
	const poll = readPollSettings(ctx, Object.values(PHONE_NUMBER_EVENTS));
	const events = ctx.getNodeParameter(EVENTS_PARAMETER, []) as unknown;
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
	return { ...poll, leadTimeMs: leadTimeMinutes * 60_000 };
}
