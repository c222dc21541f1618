import { withEmulator } from '../../support/emulator';
import { AUTHS, seedSip, sentRequests, TWO_TRUNKS_TWO_ROUTES, type Auth } from '../sip/sipHarness';
import { itemsOf, sipTrigger } from './triggerHarness';

const emulator = withEmulator();
const HEALTH = { events: ['trunkHealthChanged'] };
const ACTIVE = { tls: { status: 'ok' }, ping: { status: 'ok' }, overall: { status: 'active' } };
const UNKNOWN = {
	tls: { status: 'unknown' },
	ping: { status: 'unknown' },
	overall: { status: 'unknown' },
};

describe.each<Auth>(AUTHS)('Trunk Health Changed with %s', (auth) => {
	it('reports each trunk whose health changed, with before and after, from the preview API', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		await emu.control.sip.setTrunkHealth('sbc1.contoso.com', ACTIVE);
		const trigger = sipTrigger(emu, HEALTH, auth);
		expect(itemsOf(await trigger.poll())).toEqual([]);

		await emu.control.sip.setTrunkHealth('sbc1.contoso.com', {
			ping: { status: 'expired' },
			overall: { status: 'inactive', reason: 'noRecentPings' },
		});
		expect(itemsOf(await trigger.poll())).toEqual([
			{
				event: 'trunkHealthChanged',
				subjectType: 'trunk',
				subject: 'sbc1.contoso.com',
				before: ACTIVE,
				after: {
					tls: { status: 'ok' },
					ping: { status: 'expired' },
					overall: { status: 'inactive', reason: 'noRecentPings' },
				},
			},
		]);
		expect(itemsOf(await trigger.poll())).toEqual([]);
		const log = await emu.control.requestLog();
		expect(log.map((entry) => entry.query)).toEqual(
			Array(3).fill(
				expect.objectContaining({
					'api-version': expect.stringMatching(/-preview$/),
					expand: 'trunks/health',
				}),
			),
		);
	});
});

describe('Trunk Health Changed', () => {
	it('a trunk added or removed is no health change; its first health is the baseline', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const trigger = sipTrigger(emu, HEALTH);
		await trigger.poll();
		await seedSip(emu, { trunks: { 'sbc3.contoso.com': { sipSignalingPort: 5063 } } });
		await emu.control.sip.setTrunkHealth('sbc3.contoso.com', ACTIVE);
		expect(itemsOf(await trigger.poll())).toEqual([]);
		await emu.control.sip.setTrunkHealth('sbc3.contoso.com', { overall: { status: 'inactive' } });
		expect(itemsOf(await trigger.poll())).toEqual([
			expect.objectContaining({
				subject: 'sbc3.contoso.com',
				before: ACTIVE,
				after: { ...ACTIVE, overall: { status: 'inactive' } },
			}),
		]);
	});

	it('Fetch Test Event shows the least healthy trunk now, or says there is no trunk', async () => {
		const emu = emulator();
		const trigger = sipTrigger(emu, HEALTH);
		const empty = await trigger.fetchTestEvent();
		expect(!empty.ok && empty.error.description).toMatch(/no trunk/);

		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		await emu.control.sip.setTrunkHealth('sbc1.contoso.com', ACTIVE);
		expect(itemsOf(await trigger.fetchTestEvent())).toEqual([
			{
				event: 'trunkHealthChanged',
				subjectType: 'trunk',
				subject: 'sbc2.contoso.com',
				after: UNKNOWN,
			},
		]);
		expect(trigger.staticData).toEqual({});
	});

	it('both events: each read once per poll, each kind reported', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const trigger = sipTrigger(emu, { events: ['configurationChanged', 'trunkHealthChanged'] });
		await trigger.poll();
		await seedSip(emu, { trunks: { 'sbc2.contoso.com': { sipSignalingPort: 5070 } } });
		await emu.control.sip.setTrunkHealth('sbc2.contoso.com', ACTIVE);
		const items = itemsOf(await trigger.poll());
		expect(items.map((item) => `${item.event}:${item.subject}`)).toEqual([
			'configurationChanged:sbc2.contoso.com',
			'trunkHealthChanged:sbc2.contoso.com',
		]);
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'GET /sip']);
	});

	it('refuses an api-version without trunk health before any request', async () => {
		const emu = emulator();
		const trigger = sipTrigger(emu, { ...HEALTH, options: { apiVersion: '2023-03-01' } });
		const outcome = await trigger.poll();
		expect(!outcome.ok && outcome.error.message).toMatch(
			/Trunk Health Changed needs the preview API/,
		);
		expect(await sentRequests(emu)).toEqual([]);
	});
});
