/**
 * The mix of executions: planned from the emulator's seeded numbers, fired at once at the production webhooks, each
 * answer kept with its timing. The emulator gets a fresh state, seeded numbers and the fault plan first.
 */
import type { RunningEmulator } from '../../emulator';
import type { FaultSpec } from '../../emulator/core/faults';
import { EXECUTION_BOUND_SECONDS, SIP_DOMAIN, webhookPath, type MixKind } from './mixWorkflows';

export interface MixRequest {
	index: number;
	kind: MixKind;
	body: Record<string, unknown>;
}

export interface MixOutcome extends MixRequest {
	httpStatus: number;
	/** The last node's items; undefined when the answer was not a JSON list. */
	items?: Array<Record<string, unknown>>;
	/** What went wrong with the request itself (no answer, not JSON). */
	failure?: string;
	ms: number;
}

export interface MixRun {
	outcomes: MixOutcome[];
	wallMs: number;
	startedAt: Date;
}

/** One cycle of the mix: every 20 executions hold these kinds. */
const CYCLE: MixKind[] = [
	'search',
	'searchPurchase',
	'reservationPurchase',
	'release',
	'capabilities',
	'sipEdit',
	'searchPurchase',
	'search',
	'reservationPurchase',
	'release',
	'capabilities',
	'sipEdit',
	'searchPurchase',
	'applyDesiredState',
	'reservationPurchase',
	'release',
	'capabilities',
	'sipEdit',
	'searchPurchase',
	'search',
];

/**
 * Faults on every kind of call, decided per request from the emulator's seed: purchases the service carries out
 * although the client's connection is reset, throttling and unavailability with Retry-After, releases that take
 * effect behind a 503, slow answers.
 */
export const MIX_FAULTS: FaultSpec[] = [
	{ method: 'POST', path: '(:|%3[aA])purchase$', type: 'reset', ratio: 0.25, processAfterMs: 0 },
	{
		method: 'DELETE',
		path: '^/phoneNumbers/',
		type: 'status',
		status: 503,
		ratio: 0.2,
		processAfterMs: 0,
	},
	{
		method: 'GET',
		path: '^/(phoneNumbers|availablePhoneNumbers)',
		type: 'status',
		status: 503,
		retryAfter: 1,
		ratio: 0.1,
	},
	{ path: '^/sip', type: 'status', status: 429, retryAfter: 1, ratio: 0.1 },
	{ path: '^/', type: 'delay', delayMs: 250, ratio: 0.2 },
];

export function planMix(executions: number, seededNumbers: string[]): MixRequest[] {
	const numbers = [...seededNumbers];
	return Array.from({ length: executions }, (_, index) => {
		const kind = CYCLE[index % CYCLE.length];
		return { index, kind, body: bodyFor(kind, index, numbers) };
	});
}

/** How many purchased numbers the plan releases or updates (one each). */
export function numbersNeeded(executions: number): number {
	return Array.from({ length: executions }, (_, index) => CYCLE[index % CYCLE.length]).filter(
		(kind) => kind === 'release' || kind === 'capabilities',
	).length;
}

function bodyFor(kind: MixKind, index: number, numbers: string[]): Record<string, unknown> {
	if (kind === 'release' || kind === 'capabilities') {
		const phoneNumber = numbers.shift();
		if (!phoneNumber) throw new Error('not enough seeded numbers for the mix');
		return { phoneNumber };
	}
	if (kind === 'sipEdit')
		return { fqdn: `sbc${index}.${SIP_DOMAIN}`, port: 5061 + index, route: `Route ${index}` };
	if (kind === 'applyDesiredState') {
		const trunk = `sbc-desired.${SIP_DOMAIN}`;
		return {
			desired: {
				trunks: { [trunk]: { sipSignalingPort: 5099 } },
				routes: [{ name: 'Desired', numberPattern: '^\\+1911$', trunks: [trunk] }],
			},
		};
	}
	return {};
}

/**
 * A fresh emulator state with the numbers the plan needs and the fault plan; returns the seeded numbers.
 * `beforeFaults` runs on the seeded state before any fault is added.
 */
export async function prepareEmulator(
	emulator: RunningEmulator,
	executions: number,
	beforeFaults?: () => Promise<void>,
): Promise<string[]> {
	await emulator.control.reset();
	const seeded = await emulator.control.phoneNumbers.seed({
		count: Math.max(1, numbersNeeded(executions)),
		countryCode: 'US',
		phoneNumberType: 'geographic',
		assignmentType: 'application',
		capabilities: { calling: 'inbound+outbound', sms: 'none' },
		// not the area codes the mix buys from: a released number bought again would look unreleased
		areaCode: '212',
	});
	await beforeFaults?.();
	for (const fault of MIX_FAULTS) await emulator.control.addFault(fault);
	return seeded.phoneNumbers;
}

/** Posts every request at once to the production webhooks and waits for all answers. */
export async function runMix(baseUrl: string, plan: MixRequest[]): Promise<MixRun> {
	const startedAt = new Date();
	const started = Date.now();
	const outcomes = await Promise.all(plan.map((request) => post(baseUrl, request)));
	return { outcomes, wallMs: Date.now() - started, startedAt };
}

export async function post(baseUrl: string, request: MixRequest): Promise<MixOutcome> {
	const started = Date.now();
	try {
		const response = await fetch(`${baseUrl}/webhook/${webhookPath(request.kind)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request.body),
			signal: AbortSignal.timeout((EXECUTION_BOUND_SECONDS + 60) * 1000),
		});
		const text = await response.text();
		const ms = Date.now() - started;
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			return {
				...request,
				httpStatus: response.status,
				ms,
				failure: `not JSON: ${text.slice(0, 200)}`,
			};
		}
		const items = Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : undefined;
		return {
			...request,
			httpStatus: response.status,
			ms,
			items,
			...(items ? {} : { failure: `not a list of items: ${text.slice(0, 300)}` }),
		};
	} catch (error) {
		return {
			...request,
			httpStatus: 0,
			ms: Date.now() - started,
			failure: (error as Error).message,
		};
	}
}
