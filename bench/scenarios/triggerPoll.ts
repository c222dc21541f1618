/**
 * Scenario 7: one poll of the Phone Numbers Trigger over 20,000 purchased numbers (seeded through the control API),
 * through n8n-core's PollContext as an active workflow polls: with nothing changed, and with 100 numbers bought
 * since the poll before (100 events). The SDK column lists the same numbers with `listPurchasedPhoneNumbers`: the
 * reading no poll can avoid. Also the size of the trigger's static data after the poll.
 */
import { PollingTrigger } from '../../test/support/engine/pollTrigger';
import { seedPurchased } from '../lib/emulator';
import { connectionStringCredentials } from '../lib/ours';
import type { Figure } from '../lib/result';
import { elapsedSeconds, repeatsOf, type Scenario } from '../lib/scenario';
import { sdkClient } from '../lib/sdk';
import { ratio, spread } from '../lib/stats';

const POLL_GOAL_SECONDS = 5;
const STATE_GOAL_KB = 1024;

export const triggerPoll: Scenario = {
	id: '7',
	title: 'Phone Numbers Trigger: one poll over every purchased number',
	async run(ctx) {
		const { emu } = ctx;
		const count = ctx.quick ? 2000 : 20_000;
		const bought = 100;
		await emu.control.reset();
		await seedPurchased(emu, count);
		const trigger = new PollingTrigger({
			nodeType: 'azureCommunicationPhoneNumbersTrigger',
			parameters: {
				authentication: 'connectionString',
				events: ['numberPurchased', 'numberReleased', 'capabilitiesChanged'],
			},
			credentials: connectionStringCredentials(emu),
		});
		const baseline = await trigger.poll();
		if (!baseline.ok) throw new Error(`baseline poll failed: ${baseline.error.message}`);

		const repeats = repeatsOf(ctx, 5, 1);
		const quiet: number[] = [];
		const changed: number[] = [];
		const sdk: number[] = [];
		for (let r = 0; r < repeats; r++) {
			let start = performance.now();
			const same = await trigger.poll();
			quiet.push(elapsedSeconds(start));
			if (!same.ok || same.items !== null)
				throw new Error('a poll with nothing changed reported something');

			await seedPurchased(emu, bought);
			start = performance.now();
			const after = await trigger.poll();
			changed.push(elapsedSeconds(start));
			if (!after.ok || after.items?.length !== bought)
				throw new Error(
					`expected ${bought} events, got ${after.ok ? after.items?.length : after.error.message}`,
				);

			start = performance.now();
			let listed = 0;
			for await (const number of sdkClient(emu).listPurchasedPhoneNumbers())
				if (number) listed += 1;
			sdk.push(elapsedSeconds(start));
			ctx.log(
				`  repeat ${r + 1}: poll ${quiet[r].toFixed(2)} s, with ${bought} bought ${changed[r].toFixed(2)} s; SDK list of ${listed} ${sdk[r].toFixed(2)} s`,
			);
		}
		const stateKb = trigger.staticDataBytes / 1024;
		const time = { quiet: spread(quiet), changed: spread(changed), sdk: spread(sdk) };
		const figures: Figure[] = [
			{
				scenario: '7',
				metric: `trigger poll over ${count} numbers, nothing changed`,
				unit: 's',
				ours: time.quiet,
				sdk: time.sdk,
				ratio: ratio(time.quiet.median, time.sdk.median),
				goal: `<= ${POLL_GOAL_SECONDS} s`,
				holds: time.quiet.max <= POLL_GOAL_SECONDS,
				note: 'SDK column: listPurchasedPhoneNumbers over the same numbers',
			},
			{
				scenario: '7',
				metric: `trigger poll over ${count} numbers, ${bought} bought since`,
				unit: 's',
				ours: time.changed,
				goal: `<= ${POLL_GOAL_SECONDS} s`,
				holds: time.changed.max <= POLL_GOAL_SECONDS,
			},
			{
				scenario: '7',
				metric: `trigger static data after polling ${count + repeats * bought} numbers`,
				unit: 'KB',
				ours: spread([stateKb]),
				goal: `< ${STATE_GOAL_KB} KB`,
				holds: stateKb < STATE_GOAL_KB,
			},
		];
		return figures;
	},
};
