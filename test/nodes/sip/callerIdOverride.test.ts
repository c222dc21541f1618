/**
 * callerIdOverride exists on every route of api-version 2024-11-15-preview (null when unset) and not at all on
 * the stable API. It is read, shown, set and cleared on the preview API; setting it on the stable API is refused
 * before any request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { withEmulator } from '../../support/emulator';
import { jsonOf, runSip, seedSip, sentRequests, storedSip } from './sipHarness';

const emulator = withEmulator();

const TRUNK = { 'sbc1.contoso.com': { sipSignalingPort: 5071 } };
const US = { name: 'US', numberPattern: '^\\+1[0-9]{10}$', trunks: ['sbc1.contoso.com'] };
const SEEDED = {
	trunks: TRUNK,
	routes: [
		{ ...US, callerIdOverride: '+14255550100' },
		{ name: 'All', numberPattern: '^\\+[1-9][0-9]{3,23}$', trunks: ['sbc1.contoso.com'] },
	],
};

const callerIds = async (emu: ReturnType<typeof emulator>) =>
	((await storedSip(emu)).routes as IDataObject[]).map((route) => route.callerIdOverride ?? null);

const SWITCH_TO_PREVIEW = 'Set "API" to Preview (2024-11-15-Preview)';

describe('callerIdOverride on the preview API', () => {
	it('Configuration Get shows it on every route, null when unset', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = jsonOf(
			await runSip(emu, { resource: 'configuration', operation: 'get', sipApi: 'sipPreview' }),
		);
		expect((result[0].routes as IDataObject[]).map((route) => route.callerIdOverride)).toEqual([
			'+14255550100',
			null,
		]);
	});

	it('Route Create or Update sets it, keeps it when not given, and clears it when given empty', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const update = (additionalFields: INodeParameters) =>
			runSip(emu, {
				resource: 'route',
				operation: 'createOrUpdate',
				sipApi: 'sipPreview',
				...US,
				trunks: 'sbc1.contoso.com',
				additionalFields,
			});

		const kept = jsonOf(await update({ description: 'North America' }))[0];
		expect([kept.callerIdOverride, kept.change]).toEqual(['+14255550100', 'updated']);

		const set = jsonOf(await update({ callerIdOverride: '+14255550199' }))[0];
		expect(set.callerIdOverride).toBe('+14255550199');
		expect(await callerIds(emu)).toEqual(['+14255550199', null]);

		const cleared = jsonOf(await update({ callerIdOverride: '' }))[0];
		expect([cleared.callerIdOverride, cleared.change]).toEqual([null, 'updated']);
		expect(await callerIds(emu)).toEqual([null, null]);
	});

	it('Route Replace All (Input Items) sets and clears it per item', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sipPreview' },
			{
				inputItems: [
					{ name: 'US', callerIdOverride: null },
					{ name: 'All', callerIdOverride: '+14255550111' },
				],
			},
		);
		expect(jsonOf(result).map((item) => item.callerIdOverride)).toEqual([null, '+14255550111']);
		expect(await callerIds(emu)).toEqual([null, '+14255550111']);
	});

	it('Apply Desired State keeps it when a route leaves it out, sets it, and clears it with null', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const apply = (routes: IDataObject[]) =>
			runSip(emu, {
				resource: 'configuration',
				operation: 'applyDesiredState',
				sipApi: 'sipPreview',
				desiredState: JSON.stringify({ routes }),
			});
		const all = { name: 'All' };

		expect(jsonOf(await apply([{ name: 'US' }, all]))[0]).toMatchObject({
			inSync: true,
			patchCount: 0,
		});
		expect(await callerIds(emu)).toEqual(['+14255550100', null]);

		jsonOf(
			await apply([
				{ name: 'US', callerIdOverride: null },
				{ ...all, callerIdOverride: '+14255550122' },
			]),
		);
		expect(await callerIds(emu)).toEqual([null, '+14255550122']);
	});
});

describe('callerIdOverride on the stable API is refused before any request', () => {
	const cases: Array<[string, INodeParameters, IDataObject[] | undefined, string]> = [
		[
			'Route Replace All (Input Items) with a stable API Version override',
			{
				resource: 'route',
				operation: 'replaceAll',
				sipApi: 'sipPreview',
				options: { apiVersion: '2023-03-01' },
			},
			[{ ...US, callerIdOverride: '+14255550100' }],
			'Caller ID Override',
		],
		[
			'Route Create or Update with a stable API Version override',
			{
				resource: 'route',
				operation: 'createOrUpdate',
				sipApi: 'sipPreview',
				...US,
				trunks: 'sbc1.contoso.com',
				additionalFields: { callerIdOverride: '+14255550100' },
				options: { apiVersion: '2023-03-01' },
			},
			undefined,
			'Caller ID Override',
		],
		[
			'Route Replace All (JSON)',
			{
				resource: 'route',
				operation: 'replaceAll',
				source: 'json',
				routesJson: JSON.stringify([{ ...US, callerIdOverride: '+14255550100' }]),
			},
			undefined,
			'Routes (JSON)',
		],
		[
			'Apply Desired State',
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify({ routes: [{ ...US, callerIdOverride: '+14255550100' }] }),
			},
			undefined,
			'Desired State (JSON)',
		],
	];

	it.each(cases)('%s', async (_label, parameters, inputItems, parameter) => {
		const emu = emulator();
		const result = await runSip(emu, parameters, { inputItems });
		expect(result.error?.message).toMatch(
			new RegExp(
				`^${parameter.replace(/[()]/g, '\\$&')}(: .*callerIdOverride)? needs the preview API`,
			),
		);
		expect(result.error?.description).toContain(SWITCH_TO_PREVIEW);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('Route Replace All (Input Items) on the stable API refuses an item carrying a caller ID, naming the item', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const got = jsonOf(
			await runSip(emu, {
				resource: 'route',
				operation: 'getAll',
				returnAll: true,
				sipApi: 'sipPreview',
			}),
		);
		const sentBefore = (await sentRequests(emu)).length;
		const result = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sip' },
			{ inputItems: got.slice().reverse() },
		);
		expect(result.error?.message).toBe(
			'Input item 2: route "US" has callerIdOverride "+14255550100", which the stable API cannot store; a stable write would drop it',
		);
		expect(result.error?.description).toContain(SWITCH_TO_PREVIEW);
		expect((await sentRequests(emu)).slice(sentBefore)).toEqual([]);
		expect(await callerIds(emu)).toEqual(['+14255550100', null]);
	});

	it('Route Replace All (Input Items) on the stable API accepts items whose callerIdOverride is null, empty or absent', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: TRUNK, routes: [US] });
		const result = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sip' },
			{
				inputItems: [
					{ ...US, callerIdOverride: null },
					{ ...US, name: 'Two', callerIdOverride: '' },
					{ ...US, name: 'Three' },
				],
			},
		);
		expect(jsonOf(result).map((item) => item.change)).toEqual(['unchanged', 'created', 'created']);
	});

	it('a stable write of the route list removes overrides set through the preview API (as documented)', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		jsonOf(
			await runSip(emu, {
				resource: 'route',
				operation: 'createOrUpdate',
				sipApi: 'sip',
				name: 'All',
				numberPattern: '^\\+[1-9][0-9]{3,23}$',
				trunks: 'sbc1.contoso.com',
				additionalFields: { description: 'any' },
			}),
		);
		expect(await callerIds(emu)).toEqual([null, null]);
	});

	it('null (no caller ID, all the stable API knows) is accepted', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: TRUNK, routes: [US] });
		const result = await runSip(emu, {
			resource: 'route',
			operation: 'replaceAll',
			source: 'json',
			routesJson: JSON.stringify([{ ...US, callerIdOverride: null }]),
		});
		expect(jsonOf(result).map((item) => item.change)).toEqual(['unchanged']);
		expect((await sentRequests(emu)).filter((request) => request.startsWith('PATCH'))).toEqual([]);
	});
});
