/**
 * What the trigger checks change on the emulator for each trigger, and the events each change must produce:
 * right after the baseline poll, then just before a poll that fails, then just after it.
 */
import type { RunningEmulator } from '../../../emulator';
import type { WorkflowNode } from '../../demo/workflows';
import {
	buyNumbers,
	changeCapabilities,
	patchSip,
	releaseNumber,
	reserveExpiringIn,
	ROUTE,
	setTrunkOverall,
	setUpSip,
	TRUNK,
} from './emulatorChanges';
import type { ExpectedEvent } from './expectedEvents';
import type { PollSignature } from './pollLog';

export const PACKAGE = 'n8n-nodes-azure-communication-phone-numbers';
export const PHONE_NUMBERS_TRIGGER_TYPE = `${PACKAGE}.azureCommunicationPhoneNumbersTrigger`;
export const SIP_ROUTING_TRIGGER_TYPE = `${PACKAGE}.azureCommunicationSipRoutingTrigger`;
/** n8n's own Poll Times parameter, added to every polling node. */
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
/** Before the reservation expires: the baseline poll, the changes' poll, the failing one and the next (plus room). */
const RESERVATION_EXPIRES_IN_MS = 270_000;
const LEAD_TIME_MINUTES = 5;

type Changes = (emulator: RunningEmulator) => Promise<ExpectedEvent[]>;

export interface TriggerScenario {
	title: string;
	node: Pick<WorkflowNode, 'name' | 'type' | 'parameters'>;
	poll: PollSignature;
	/** The list call the failing poll gets a 503 on. */
	faultPath: string;
	/** Before activation: what the baseline will hold. */
	setUp(emulator: RunningEmulator): Promise<void>;
	changes: Changes;
	beforeFailingPoll: Changes;
	afterFailingPoll: Changes;
	/** How the first changes read in a check's name. */
	changesTitle: string;
}

const phoneNumber = (event: string, subject: string, sides: Partial<ExpectedEvent>) => ({
	event,
	subjectType: 'phoneNumber',
	subject,
	...sides,
});

export function phoneNumbersScenario(): TriggerScenario {
	let kept: { toRelease: string; toChange: string } | undefined;
	const purchased = (subject: string) =>
		phoneNumber('numberPurchased', subject, { before: 'absent', after: subject });
	return {
		title: 'Azure Communication Phone Numbers Trigger',
		node: {
			name: 'When phone numbers change',
			type: PHONE_NUMBERS_TRIGGER_TYPE,
			parameters: {
				authentication: 'connectionString',
				events: [
					'numberPurchased',
					'numberReleased',
					'capabilitiesChanged',
					'reservationExpiringSoon',
				],
				leadTimeMinutes: LEAD_TIME_MINUTES,
				pollTimes: EVERY_MINUTE,
			},
		},
		poll: { path: /^\/phoneNumbers$/, auth: 'hmac' },
		faultPath: '^/phoneNumbers$',
		changesTitle: 'a purchase, a release, a capabilities change and an expiring reservation',
		async setUp(emulator) {
			const [toRelease, toChange] = await buyNumbers(emulator, 2);
			kept = { toRelease, toChange };
		},
		async changes(emulator) {
			if (!kept) throw new Error('set up first');
			const reservation = await reserveExpiringIn(emulator, RESERVATION_EXPIRES_IN_MS);
			const [bought] = await buyNumbers(emulator, 1);
			await releaseNumber(emulator, kept.toRelease);
			await changeCapabilities(emulator, kept.toChange, 'inbound+outbound');
			return [
				purchased(bought),
				phoneNumber('numberReleased', kept.toRelease, { before: kept.toRelease, after: 'absent' }),
				phoneNumber('capabilitiesChanged', kept.toChange, {
					before: '"outbound"',
					after: '"inbound+outbound"',
				}),
				{
					event: 'reservationExpiringSoon',
					subjectType: 'reservation',
					subject: reservation,
					after: 'present',
				},
			];
		},
		async beforeFailingPoll(emulator) {
			const [bought] = await buyNumbers(emulator, 1);
			return [purchased(bought)];
		},
		async afterFailingPoll(emulator) {
			const [bought] = await buyNumbers(emulator, 1);
			return [purchased(bought)];
		},
	};
}

const configuration = (subjectType: string, subject: string, change: string, sides = {}) => ({
	event: 'configurationChanged',
	subjectType,
	subject,
	change,
	...sides,
});

export function sipRoutingScenario(): TriggerScenario {
	const route = (description: string) => ({
		name: ROUTE,
		numberPattern: '^\\+1\\d{10}$',
		description,
		trunks: [TRUNK],
	});
	return {
		title: 'Azure Communication SIP Routing Trigger',
		node: {
			name: 'When the SIP configuration changes',
			type: SIP_ROUTING_TRIGGER_TYPE,
			parameters: {
				authentication: 'connectionString',
				events: ['configurationChanged', 'trunkHealthChanged'],
				pollTimes: EVERY_MINUTE,
			},
		},
		poll: { path: /^\/sip$/, auth: 'hmac' },
		faultPath: '^/sip$',
		changesTitle: 'a trunk going unhealthy and a route change',
		setUp: setUpSip,
		async changes(emulator) {
			await setTrunkOverall(emulator, 'inactive');
			await patchSip(emulator, { routes: [route('changed by the e2e')] });
			return [
				{
					event: 'trunkHealthChanged',
					subjectType: 'trunk',
					subject: TRUNK,
					before: '"active"',
					after: '"inactive"',
				},
				configuration('route', ROUTE, 'changed', {
					before: 'present',
					after: 'changed by the e2e',
				}),
			];
		},
		// the trunk stays unhealthy: the demo workflow that lists its routes must see it, whenever it polls
		async beforeFailingPoll(emulator) {
			await patchSip(emulator, { routes: [route('changed again')] });
			return [
				configuration('route', ROUTE, 'changed', {
					before: 'changed by the e2e',
					after: 'changed again',
				}),
			];
		},
		async afterFailingPoll(emulator) {
			await patchSip(emulator, {
				routes: [
					route('changed again'),
					{ name: 'fallback', numberPattern: '^\\+\\d+$', trunks: [TRUNK] },
				],
			});
			return [configuration('route', 'fallback', 'added', { before: 'absent', after: 'present' })];
		},
	};
}
