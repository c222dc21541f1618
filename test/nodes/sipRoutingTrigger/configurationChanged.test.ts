import { withEmulator } from '../../support/emulator';
import {
	AUTHS,
	PREVIEW,
	seedSip,
	sentRequests,
	STABLE,
	TWO_TRUNKS_TWO_ROUTES,
	type Auth,
} from '../sip/sipHarness';
import { itemsOf, sipTrigger } from './triggerHarness';

const emulator = withEmulator();
const CONFIGURATION = { events: ['configurationChanged'] };

describe.each<Auth>(AUTHS)('Configuration Changed with %s', (auth) => {
	it('records a baseline first, then reports each change once', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const trigger = sipTrigger(emu, CONFIGURATION, auth);
		expect(itemsOf(await trigger.poll())).toEqual([]);

		await seedSip(emu, {
			trunks: {
				'sbc3.contoso.com': { sipSignalingPort: 5063 },
				'sbc2.contoso.com': { sipSignalingPort: 5070 },
			},
		});
		expect(itemsOf(await trigger.poll())).toEqual([
			{
				event: 'configurationChanged',
				subjectType: 'trunk',
				subject: 'sbc2.contoso.com',
				change: 'changed',
				before: expect.objectContaining({ sipSignalingPort: 5062 }),
				after: expect.objectContaining({ sipSignalingPort: 5070 }),
			},
			{
				event: 'configurationChanged',
				subjectType: 'trunk',
				subject: 'sbc3.contoso.com',
				change: 'added',
				after: expect.objectContaining({ sipSignalingPort: 5063 }),
			},
		]);
		expect(itemsOf(await trigger.poll())).toEqual([]);
		// Since the second seed (which clears the log): one read per poll.
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'GET /sip']);
	});
});

describe('Configuration Changed', () => {
	it('reports routes added, removed, edited and one reorder; domains with the preview API', async () => {
		const emu = emulator();
		await seedSip(emu, { domains: { 'contoso.com': { enabled: true } }, ...TWO_TRUNKS_TWO_ROUTES });
		const trigger = sipTrigger(emu, CONFIGURATION);
		await trigger.poll();
		const [us, all] = TWO_TRUNKS_TWO_ROUTES.routes;
		const edited = { ...us, trunks: ['sbc2.contoso.com'] };
		const added = { name: 'UK', numberPattern: '^\\+44[0-9]{10}$', trunks: ['sbc1.contoso.com'] };
		await seedSip(emu, {
			domains: { 'fabrikam.com': { enabled: false } },
			routes: [all, edited, added],
		});
		const items = itemsOf(await trigger.poll());
		expect(items.map((item) => `${item.subjectType}:${item.subject}:${item.change}`)).toEqual([
			'domain:fabrikam.com:added',
			'route:US:changed',
			'route:UK:added',
			'routeOrder:routes:reordered',
		]);
		expect(items[1]).toMatchObject({
			before: { name: 'US', trunks: us.trunks, priority: 1 },
			after: { name: 'US', trunks: ['sbc2.contoso.com'], priority: 2 },
		});
		expect(items[3]).toMatchObject({
			before: { routes: ['US', 'All'] },
			after: { routes: ['All', 'US', 'UK'] },
		});

		await seedSip(emu, { routes: [all, added] });
		expect(itemsOf(await trigger.poll())).toEqual([
			expect.objectContaining({
				subjectType: 'route',
				subject: 'US',
				change: 'removed',
				before: expect.objectContaining({ priority: 2 }),
			}),
		]);
	});

	it('reads through the stable API when asked; switching the API starts a new baseline', async () => {
		const emu = emulator();
		await seedSip(emu, { domains: { 'contoso.com': { enabled: true } }, ...TWO_TRUNKS_TWO_ROUTES });
		const stable = sipTrigger(emu, { ...CONFIGURATION, sipApi: 'sip' });
		await stable.poll();
		expect(stable.staticData.sipConfiguration).toMatchObject({ apiVersion: STABLE });
		expect(stable.staticData.sipConfiguration).not.toHaveProperty('configuration.domains');
		const log = await emu.control.requestLog();
		expect(log.map((entry) => entry.query['api-version'])).toEqual([STABLE]);

		stable.node.parameters.sipApi = 'sipPreview';
		expect(itemsOf(await stable.poll())).toEqual([]);
		expect(stable.staticData.sipConfiguration).toMatchObject({
			apiVersion: PREVIEW,
			configuration: { domains: { 'contoso.com': { enabled: true } } },
		});
		await seedSip(emu, { domains: { 'contoso.com': { enabled: false } } });
		expect(itemsOf(await stable.poll())).toEqual([
			expect.objectContaining({ subjectType: 'domain', subject: 'contoso.com', change: 'changed' }),
		]);
	});

	it('Fetch Test Event shows the first route as added, keeps nothing, and says why when empty', async () => {
		const emu = emulator();
		const trigger = sipTrigger(emu, CONFIGURATION);
		const empty = await trigger.fetchTestEvent();
		expect(!empty.ok && empty.error.message).toBe('No test event to show');
		expect(!empty.ok && empty.error.description).toMatch(/no route, trunk or domain yet/);

		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		expect(itemsOf(await trigger.fetchTestEvent())).toEqual([
			{
				event: 'configurationChanged',
				subjectType: 'route',
				subject: 'US',
				change: 'added',
				after: expect.objectContaining({ ...TWO_TRUNKS_TWO_ROUTES.routes[0], priority: 1 }),
			},
		]);
		expect(trigger.staticData).toEqual({});
	});

	it('refuses an unknown event before any request', async () => {
		const emu = emulator();
		const trigger = sipTrigger(emu, { events: ['configurationChanged', 'routeDeleted'] });
		const outcome = await trigger.poll();
		expect(!outcome.ok && outcome.error.message).toBe('Unknown event "routeDeleted"');
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('a failed poll emits nothing and keeps the last good state; the next poll reports the change once', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const trigger = sipTrigger(emu, CONFIGURATION);
		await trigger.poll();
		const baseline = trigger.staticData;
		await seedSip(emu, { trunks: { 'sbc3.contoso.com': { sipSignalingPort: 5063 } } });
		await emu.control.addFault({
			method: 'GET',
			path: '^/sip$',
			type: 'status',
			status: 429,
			code: 'TooManyRequests',
			retryAfter: 120,
			count: 1,
		});
		const failed = await trigger.poll();
		expect(failed.ok).toBe(false);
		expect(!failed.ok && `${failed.error.message} ${failed.error.description}`).toMatch(
			/429|retry budget/,
		);
		expect(trigger.staticData).toEqual(baseline);
		expect(itemsOf(await trigger.poll())).toEqual([
			expect.objectContaining({ subject: 'sbc3.contoso.com', change: 'added' }),
		]);
	});

	it('a poll that runs past its Poll Timeout fails, reports nothing, and keeps the last good state', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const trigger = sipTrigger(emu, { ...CONFIGURATION, options: { pollTimeoutSeconds: 1 } });
		await trigger.poll();
		const baseline = trigger.staticData;
		await seedSip(emu, { trunks: { 'sbc3.contoso.com': { sipSignalingPort: 5063 } } });
		await emu.control.addFault({
			method: 'GET',
			path: '^/sip$',
			type: 'delay',
			delayMs: 1500,
			count: 1,
		});
		const late = await trigger.poll();
		expect(late.ok).toBe(false);
		expect(!late.ok && late.error.description).toMatch(
			/The poll ran past its Poll Timeout \(1 s\)\. This poll reported nothing and kept the last good state/,
		);
		expect(trigger.staticData).toEqual(baseline);
		expect(itemsOf(await trigger.poll())).toEqual([
			expect.objectContaining({ subject: 'sbc3.contoso.com', change: 'added' }),
		]);
	});

	it('refuses a Poll Timeout out of range before any request', async () => {
		const emu = emulator();
		const trigger = sipTrigger(emu, { ...CONFIGURATION, options: { pollTimeoutSeconds: 0 } });
		const outcome = await trigger.poll();
		expect(!outcome.ok && outcome.error.message).toBe(
			'"Poll Timeout (Seconds)" must be a number from 1 to 3600',
		);
		expect(await sentRequests(emu)).toEqual([]);
	});
});
