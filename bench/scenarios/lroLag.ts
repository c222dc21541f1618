/**
 * Scenario 1: a purchase that the emulator finishes D seconds after it was created (real time, no clock tricks).
 * Lag = the moment the result is back in the caller minus the moment the emulator marks the operation done
 * (createdAt + notStartedMs + runningMs, read from the emulator state). Polls = GETs of the operation in the
 * emulator's request log. Our runs and the SDK's for one D run side by side (separate operations).
 */
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';

import { acsLog, type BenchEmulator } from '../lib/emulator';
import { runPhoneNumbersNode } from '../lib/ours';
import { adaptiveSchedule, simulatePolling, spreadOutcome, type Schedule } from '../lib/pollingModel';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario, type ScenarioContext } from '../lib/scenario';
import { FAST_SETUP_POLLING, sdkClient } from '../lib/sdk';
import { ratio, spread } from '../lib/stats';
import { DEFAULT_POLLING_POLICY } from '../../nodes/shared/transport/pollingPolicy';

const LAG_GOAL_SECONDS = 0.25;

interface OperationRecord {
	createdAt: number;
	plan: { notStartedMs: number; runningMs: number };
}

interface Sample {
	lagSeconds: number;
	polls: number;
}

async function completedSearch(client: PhoneNumbersClient): Promise<string> {
	const poller = await client.beginSearchAvailablePhoneNumbers(
		{ countryCode: 'US', phoneNumberType: 'tollFree', assignmentType: 'application', capabilities: { calling: 'outbound', sms: 'none' }, quantity: 1 },
		FAST_SETUP_POLLING,
	);
	return (await poller.pollUntilDone()).searchId;
}

async function purchaseWithOurNode(emu: BenchEmulator, searchId: string): Promise<number> {
	const items = await runPhoneNumbersNode(emu, {
		resource: 'availableNumber',
		operation: 'purchaseSearch',
		searchId,
		agreeToNotResell: false,
		maxMonthlyCostPerNumber: 100,
		maxTotalMonthlyCost: 1000,
		costCurrency: 'USD',
		waitForCompletion: true,
		timeoutSeconds: 600,
	});
	const returnedAt = Date.now();
	if (items[0]?.json.purchased !== true) throw new Error(`our purchase did not complete: ${JSON.stringify(items[0]?.json)}`);
	return returnedAt;
}

async function purchaseWithSdk(client: PhoneNumbersClient, searchId: string): Promise<number> {
	const poller = await client.beginPurchasePhoneNumbers(searchId);
	await poller.pollUntilDone();
	return Date.now();
}

async function samplesFor(
	emu: BenchEmulator,
	searchIds: string[],
	returnedAt: number[],
): Promise<Sample[]> {
	const { offsetMs } = await emu.control.getClock();
	const state = await emu.phoneNumbers<{ operations: Record<string, OperationRecord> }>('GET', '/state?detail=true');
	const log = await acsLog(emu);
	return searchIds.map((searchId, i) => {
		const id = `purchase_${searchId}`;
		const operation = state.operations[id];
		if (!operation) throw new Error(`the emulator has no operation ${id}`);
		const doneAtRealMs = operation.createdAt + operation.plan.notStartedMs + operation.plan.runningMs - offsetMs;
		const polls = log.filter((e) => e.method === 'GET' && e.path === `/phoneNumbers/operations/${id}`).length;
		return { lagSeconds: (returnedAt[i] - doneAtRealMs) / 1000, polls };
	});
}

async function measureDuration(ctx: ScenarioContext, seconds: number, repeats: number): Promise<{ ours: Sample[]; sdk: Sample[] }> {
	const { emu } = ctx;
	const client = sdkClient(emu);
	await emu.phoneNumbers('PUT', '/lro', { operationType: 'search', notStartedMs: 0, runningMs: 0 });
	const oursSearches: string[] = [];
	const sdkSearches: string[] = [];
	for (let r = 0; r < repeats; r++) {
		oursSearches.push(await completedSearch(client));
		sdkSearches.push(await completedSearch(client));
	}
	await emu.phoneNumbers('PUT', '/lro', { operationType: 'purchase', notStartedMs: 0, runningMs: seconds * 1000 });
	await emu.control.clearRequestLog();
	const [oursReturned, sdkReturned] = await Promise.all([
		Promise.all(oursSearches.map((id) => purchaseWithOurNode(emu, id))),
		Promise.all(sdkSearches.map((id) => purchaseWithSdk(client, id))),
	]);
	return { ours: await samplesFor(emu, oursSearches, oursReturned), sdk: await samplesFor(emu, sdkSearches, sdkReturned) };
}

const CURRENT = adaptiveSchedule(
	`transport now (${DEFAULT_POLLING_POLICY.firstDelayMs} ms x${DEFAULT_POLLING_POLICY.growth}, cap ${DEFAULT_POLLING_POLICY.maxDelayMs} ms)`,
	DEFAULT_POLLING_POLICY,
);
/** Measured: the SDK (legacy LroEngine) polls twice at once, then every 2000 ms (its default updateIntervalInMs). */
const SDK_SCHEDULE: Schedule = { name: 'SDK default (0 ms, then fixed 2000 ms)', delayAfter: (polls) => (polls === 1 ? 0 : 2000) };

/** Candidate schedules for the transport, compared in the model (see the report in docs/benchmarks.md). */
export const CANDIDATE_SCHEDULES: Schedule[] = [
	adaptiveSchedule('250 ms x1.25, cap 1000 ms', { firstDelayMs: 250, growth: 1.25, maxDelayMs: 1000 }),
	adaptiveSchedule('250 ms x1.3, cap 2000 ms (proposed)', { firstDelayMs: 250, growth: 1.3, maxDelayMs: 2000 }),
	adaptiveSchedule('fixed 500 ms', { firstDelayMs: 500, growth: 1, maxDelayMs: 500 }),
];

function modelFigures(durations: number[]): Figure[] {
	return [CURRENT, ...CANDIDATE_SCHEDULES].map((schedule) => {
		const cells = durations.map((d) => {
			const exact = simulatePolling(schedule, d * 1000);
			const sdkExact = simulatePolling(SDK_SCHEDULE, d * 1000);
			const spreadOurs = spreadOutcome(schedule, d * 1000);
			const spreadSdk = spreadOutcome(SDK_SCHEDULE, d * 1000);
			return (
				`D=${d}s: ${exact.polls} polls/${(exact.lagMs / 1000).toFixed(2)} s (SDK ${sdkExact.polls}/${(sdkExact.lagMs / 1000).toFixed(2)}); ` +
				`D~U[${d},${d + 2}): ${spreadOurs.meanPolls.toFixed(1)}/${(spreadOurs.medianLagMs / 1000).toFixed(2)} s (SDK ${spreadSdk.meanPolls.toFixed(1)}/${(spreadSdk.medianLagMs / 1000).toFixed(2)})`
			);
		});
		return {
			scenario: '1m',
			metric: `model: ${schedule.name}`,
			unit: 'polls/lag',
			goal: 'info: the trade-off between polls and lag',
			note: cells.join(' | '),
		};
	});
}

export const lroLag: Scenario = {
	id: '1',
	title: 'Long-running operation return lag (purchase finishing after D s)',
	async run(ctx) {
		await ctx.emu.control.reset();
		const durations = ctx.quick ? [0.5, 2] : [0.5, 2, 10, 60];
		const figures: Figure[] = [];
		for (const seconds of durations) {
			const repeats = repeatsOf(ctx, seconds >= 10 ? 3 : 5, 1);
			const { ours, sdk } = await measureDuration(ctx, seconds, repeats);
			const lag = { ours: spread(ours.map((s) => s.lagSeconds)), sdk: spread(sdk.map((s) => s.lagSeconds)) };
			const polls = { ours: spread(ours.map((s) => s.polls)), sdk: spread(sdk.map((s) => s.polls)) };
			const model = { ours: simulatePolling(CURRENT, seconds * 1000), sdk: simulatePolling(SDK_SCHEDULE, seconds * 1000) };
			ctx.log(
				`  D=${seconds}s: lag ours ${ours.map((s) => s.lagSeconds.toFixed(3)).join(',')} / SDK ${sdk.map((s) => s.lagSeconds.toFixed(3)).join(',')}; ` +
					`polls ours ${ours.map((s) => s.polls).join(',')} / SDK ${sdk.map((s) => s.polls).join(',')}`,
			);
			const lagRatio = ratio(lag.ours.median, lag.sdk.median);
			figures.push({
				scenario: '1',
				metric: `lag after done, D = ${seconds} s`,
				unit: 's',
				...lag,
				ratio: lagRatio,
				goal: `<= ${LAG_GOAL_SECONDS} s and ratio <= 0.5`,
				holds: lag.ours.median <= LAG_GOAL_SECONDS && lagRatio <= 0.5,
				note: `model predicts ours ${(model.ours.lagMs / 1000).toFixed(2)} s, SDK ${(model.sdk.lagMs / 1000).toFixed(2)} s`,
			});
			figures.push({
				scenario: '1',
				metric: `polls per operation, D = ${seconds} s`,
				unit: 'polls',
				...polls,
				ratio: ratio(polls.ours.median, polls.sdk.median),
				goal: 'ratio <= 1',
				holds: polls.ours.median <= polls.sdk.median,
				note: `model predicts ours ${model.ours.polls}, SDK ${model.sdk.polls}`,
			});
		}
		figures.push(...modelFigures(durations));
		return figures;
	},
};
