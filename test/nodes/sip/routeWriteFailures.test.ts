/**
 * A PATCH carrying the route list is not re-sent by the transport: after a failed answer the item reads again and
 * plans again. These cases fail the write in ways where the service may still have applied it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { holdNext, withEmulator } from '../../support/emulator';
import { runNode } from '../../support/engine';
import { NODE_TYPE, credentialsFor, jsonOf, seedSip, sipRunner, storedSip } from './sipHarness';

const emulator = withEmulator();
const run = sipRunner('connectionString');
const SIP = '^/sip$';

const SEEDED = {
	trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
	routes: [{ name: 'UK', numberPattern: '^\\+44[0-9]{10}$', trunks: ['sbc1.contoso.com'] }],
};

const ukRouteUpdate: INodeParameters = {
	resource: 'route',
	operation: 'createOrUpdate',
	name: 'UK',
	numberPattern: '^\\+443[0-9]{9}$',
	trunks: 'sbc1.contoso.com',
};

type Emulator = Parameters<typeof seedSip>[0];

/** PATCHes the node sent; the service's late processing of a faulted request is logged apart (`late`). */
const patchesSent = async (emu: Emulator) =>
	(await emu.control.requestLog()).filter((entry) => entry.method === 'PATCH' && !entry.late)
		.length;

/** The next PATCHes meet `fault` (by default one 503 answer). */
const failPatches = (emu: Emulator, fault: IDataObject) =>
	emu.control.addFault({ method: 'PATCH', path: SIP, type: 'status', status: 503, ...fault });

/** Seeds SEEDED and makes the next PATCH meet `fault`. */
async function seededWithFailingPatch(fault: IDataObject): Promise<Emulator> {
	const emu = emulator();
	await seedSip(emu, SEEDED);
	await failPatches(emu, { count: 1, ...fault });
	return emu;
}

describe('SIP route-list writes that fail after the service may have applied them', () => {
	it.each([
		['a 500 answer', { type: 'status' as const, status: 500, retryAfter: 0 }],
		['a connection reset', { type: 'reset' as const }],
	])(
		'reports a route update the service applied despite %s as updated, without writing it again',
		async (_label, fault) => {
			const emu = await seededWithFailingPatch({ ...fault, processAfterMs: 0 });
			const [item] = jsonOf(await run(emu, ukRouteUpdate));

			const routes = (await storedSip(emu)).routes as IDataObject[];
			expect(routes).toEqual([expect.objectContaining({ numberPattern: '^\\+443[0-9]{9}$' })]);
			expect(await patchesSent(emu)).toBe(1);
			// The item's own write changed the route: it must not say the route was already as desired.
			expect(item).toMatchObject({ name: 'UK', change: 'updated' });
		},
	);

	it('fails with the service’s wait when a route-list write is throttled for longer than the item waits', async () => {
		const emu = await seededWithFailingPatch({
			status: 429,
			code: 'TooManyRequests',
			retryAfter: 120,
		});
		const outcome = await run(emu, ukRouteUpdate, { continueOnFail: true });
		const [item] = outcome.items.map((entry) => entry.json);

		expect(await patchesSent(emu)).toBe(1);
		expect(item.httpCode).toBe('429');
		expect(item).toMatchObject({ retryAfterSeconds: 120 });
		expect(item.errorDescription).toContain('The service asked to wait 120 s before writing again');
	});

	it('still retries a trunk-only write in the transport', async () => {
		const emu = await seededWithFailingPatch({ status: 503, retryAfter: 0 });
		const [item] = jsonOf(
			await run(emu, {
				resource: 'trunk',
				operation: 'createOrUpdate',
				fqdn: 'sbc1.contoso.com',
				sipSignalingPort: 5071,
			}),
		);

		expect(item).toMatchObject({ change: 'updated' });
		expect(await patchesSent(emu)).toBe(2);
		const trunks = (await storedSip(emu)).trunks as IDataObject;
		expect(trunks['sbc1.contoso.com']).toMatchObject({ sipSignalingPort: 5071 });
	});

	it('finishes a desired state whose route patch fails after its trunk patch was applied', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const trunkPatch = await holdNext(emu, 'PATCH', SIP);
		const running = run(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({
				trunks: { ...SEEDED.trunks, 'sbc2.contoso.com': { sipSignalingPort: 5062 } },
				routes: [
					...SEEDED.routes,
					{ name: 'DE', numberPattern: '^\\+49[0-9]{10}$', trunks: ['sbc2.contoso.com'] },
				],
			}),
		});
		await trunkPatch.held();
		// The route patch that follows is answered 503 and not applied.
		await failPatches(emu, { count: 1 });
		await trunkPatch.release();
		const [item] = jsonOf(await running);

		expect(item).toMatchObject({ applied: true });
		expect(await storedSip(emu)).toMatchObject({
			trunks: { 'sbc2.contoso.com': { sipSignalingPort: 5062 } },
			routes: [{ name: 'UK' }, { name: 'DE' }],
		});
		// Trunk patch, the failed route patch, then the route patch planned from a fresh read.
		expect(await patchesSent(emu)).toBe(3);
	});

	it('stops in the wait after a throttled route-list write when the execution is cancelled', async () => {
		const emu = await seededWithFailingPatch({
			status: 429,
			code: 'TooManyRequests',
			retryAfter: 50,
		});
		const stop = new AbortController();
		const running = runNode({
			nodeType: NODE_TYPE,
			parameters: ukRouteUpdate,
			credentials: credentialsFor(emu, 'connectionString'),
			signal: stop.signal,
		});
		const throttled = async () =>
			(await emu.control.requestLog()).some((entry) => entry.status === 429);
		while (!(await throttled())) await new Promise((resolve) => setTimeout(resolve, 20));
		stop.abort();
		const result = await running;

		expect(result.status).toBe('canceled');
		// Nothing after the throttled write: the item did not read or write again.
		const log = await emu.control.requestLog();
		expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /sip', 'PATCH /sip']);
	});

	it('says how many writes were tried when every route-list write fails', async () => {
		const emu = await seededWithFailingPatch({ status: 503, retryAfter: 0, count: 3 });
		const outcome = await run(emu, ukRouteUpdate, { continueOnFail: true });
		const [item] = outcome.items.map((entry) => entry.json);

		expect(await patchesSent(emu)).toBe(3);
		expect(item).toMatchObject({ httpCode: '503', writeAttempts: 3 });
		expect(item.errorDescription).toContain('Written 3 times');
	});

	it('leaves a failed trunk patch that follows a route patch to the transport’s retries', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		// Removing the trunk and the route that uses it: the route patch goes first, then the trunk patch.
		const routePatch = await holdNext(emu, 'PATCH', SIP);
		const running = run(
			emu,
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify({ trunks: {}, routes: [] }),
			},
			{ continueOnFail: true },
		);
		await routePatch.held();
		await failPatches(emu, { retryAfter: 0, count: 50 });
		await routePatch.release();
		const [item] = (await running).items.map((entry) => entry.json);

		expect(item.httpCode).toBe('503');
		// The error is about this plan's second patch, after the transport's own retries; no write planned again.
		expect(item).toMatchObject({ appliedPatches: 1, plannedPatches: 2 });
		expect(item).not.toHaveProperty('writeAttempts');
		expect(await storedSip(emu)).toMatchObject({ routes: [] });
	});
});
