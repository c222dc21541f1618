/** State of another shape in the trigger's static data (a corrupted save, another version): a new baseline, not a poll that fails forever. */
import { withEmulator } from '../../support/emulator';
import { seedSip, TWO_TRUNKS_TWO_ROUTES } from '../sip/sipHarness';
import { itemsOf, sipTrigger } from './triggerHarness';

const emulator = withEmulator();
const BOTH = { events: ['configurationChanged', 'trunkHealthChanged'] };

it.each([
	['a configuration without its parts', { configuration: { trunks: null, routes: 'x' } }, {}],
	['routes of another shape', { configuration: { trunks: {}, routes: [{ trunks: 5 }] } }, {}],
	['trunk health of another shape', {}, { trunks: 'garbage' }],
	['trunk health entries of another shape', {}, { trunks: { 'sbc1.contoso.com': 7 } }],
])('%s is a new baseline', async (_, configurationState, healthState) => {
	const emu = emulator();
	await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
	const trigger = sipTrigger(emu, BOTH);
	expect(itemsOf(await trigger.poll())).toEqual([]);
	const stored = trigger.staticData;
	trigger.seedStaticData({
		sipConfiguration: { ...(stored.sipConfiguration as object), ...configurationState },
		sipTrunkHealth: { ...(stored.sipTrunkHealth as object), ...healthState },
	});
	const outcome = await trigger.poll();
	expect(outcome.ok).toBe(true);
	expect(itemsOf(await trigger.poll())).toEqual([]);
});
