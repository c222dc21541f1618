import type { INodeProperties } from 'n8n-workflow';

import { EVENTS_PARAMETER } from '../shared/node/trigger';
import { PHONE_NUMBER_EVENTS as EVENTS } from './events';
import {
	DEFAULT_LEAD_TIME_MINUTES,
	DEFAULT_POLL_TIMEOUT_SECONDS,
	MAX_LEAD_TIME_MINUTES,
	MAX_POLL_TIMEOUT_SECONDS,
	MIN_LEAD_TIME_MINUTES,
} from './settings';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: EVENTS_PARAMETER,
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'Capabilities Changed',
				value: EVENTS.capabilitiesChanged,
				description: 'The calling or SMS capabilities of a purchased number changed',
			},
			{
				name: 'Number Purchased',
				value: EVENTS.numberPurchased,
				description: 'A number appeared in the resource, whoever bought it',
			},
			{
				name: 'Number Released',
				value: EVENTS.numberReleased,
				description: 'A number left the resource',
			},
			{
				name: 'Reservation Deleted',
				value: EVENTS.reservationDeleted,
				description: 'An active reservation disappeared before its expiry',
			},
			{
				name: 'Reservation Expired',
				value: EVENTS.reservationExpired,
				description: 'A reservation expired without being purchased',
			},
			{
				name: 'Reservation Expiring Soon',
				value: EVENTS.reservationExpiringSoon,
				description: 'An active reservation expires within the lead time',
			},
			{
				name: 'Reservation Purchased',
				value: EVENTS.reservationPurchased,
				description: 'The numbers of a reservation were bought',
			},
		],
		default: [],
		description:
			'What to be told about. The first poll after activation records the current state and reports nothing.',
	},
	{
		displayName: 'Lead Time (Minutes)',
		name: 'leadTimeMinutes',
		type: 'number',
		default: DEFAULT_LEAD_TIME_MINUTES,
		typeOptions: { minValue: MIN_LEAD_TIME_MINUTES, maxValue: MAX_LEAD_TIME_MINUTES },
		displayOptions: { show: { [EVENTS_PARAMETER]: [EVENTS.reservationExpiringSoon] } },
		description:
			'How long before a reservation expires to report it, once per expiry time (a change to the reservation moves its expiry 15 minutes on)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Poll Timeout (Seconds)',
				name: 'pollTimeoutSeconds',
				type: 'number',
				default: DEFAULT_POLL_TIMEOUT_SECONDS,
				typeOptions: { minValue: 1, maxValue: MAX_POLL_TIMEOUT_SECONDS, numberPrecision: 0 },
				description:
					'The longest one poll may take, retries included. A poll that runs out fails and reports nothing; the next one reports every change since the last good poll.',
			},
		],
	},
];
