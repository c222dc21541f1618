/**
 * Feeding what the node reads back into what it writes, with the writer at its defaults, changes nothing: the
 * stored document stays, every item says "unchanged", and no PATCH is sent. Non-default values everywhere (ports
 * 5071/5072, flags the other way round) so that a hidden default would show.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { withEmulator } from '../../support/emulator';
import { readThenWrite } from '../roundTrip';
import { NODE_TYPE, PREVIEW, runSip, seedSip, sentRequests, STABLE, storedSip } from './sipHarness';

const emulator = withEmulator();

const SEEDED = {
	domains: { 'contoso.com': { enabled: false } },
	trunks: {
		'sbc1.contoso.com': {
			sipSignalingPort: 5071,
			enabled: false,
			directTransfer: true,
			privacyHeader: 'none',
			ipAddressVersion: 'ipv6',
		},
		'sbc2.contoso.com': {
			sipSignalingPort: 5072,
			enabled: true,
			directTransfer: false,
			privacyHeader: 'id',
			ipAddressVersion: 'ipv4',
		},
	},
	routes: [
		{
			name: 'US',
			numberPattern: '^\\+1[0-9]{10}$',
			trunks: ['sbc2.contoso.com', 'sbc1.contoso.com'],
			description: 'North America',
			callerIdOverride: '+14255550100',
		},
		{ name: 'All', numberPattern: '^\\+[1-9][0-9]{3,23}$', trunks: ['sbc1.contoso.com'] },
	],
};

const patches = async (emu: ReturnType<typeof emulator>) =>
	(await sentRequests(emu)).filter((request) => request.startsWith('PATCH'));

/** Seeds SEEDED, runs reader -> writer, and proves nothing changed; returns the writer's items. */
async function unchangedRoundTrip(
	emu: ReturnType<typeof emulator>,
	reader: INodeParameters,
	writer: INodeParameters,
): Promise<IDataObject[]> {
	await seedSip(emu, SEEDED);
	const before = await storedSip(emu);
	const outcome = await readThenWrite(emu, NODE_TYPE, reader, writer);
	expect(outcome.error).toBeUndefined();
	expect(await storedSip(emu)).toEqual(before);
	expect(await patches(emu)).toEqual([]);
	return outcome.written;
}

describe.each([
	[PREVIEW, 'sipPreview'],
	[STABLE, 'sip'],
])(
	'Round trip on api-version %s: Get Many -> write with defaults changes nothing',
	(_version, sipApi) => {
		it('Trunk Get Many -> Trunk Replace All (Input Items)', async () => {
			const written = await unchangedRoundTrip(
				emulator(),
				{ resource: 'trunk', operation: 'getAll', returnAll: true, sipApi },
				{ resource: 'trunk', operation: 'replaceAll', sipApi },
			);
			expect(written.map((item) => [item.fqdn, item.sipSignalingPort, item.change])).toEqual([
				['sbc1.contoso.com', 5071, 'unchanged'],
				['sbc2.contoso.com', 5072, 'unchanged'],
			]);
		});

		it('Route Get Many -> Route Replace All (Input Items)', async () => {
			const written = await unchangedRoundTrip(
				emulator(),
				{ resource: 'route', operation: 'getAll', returnAll: true, sipApi },
				{ resource: 'route', operation: 'replaceAll', sipApi },
			);
			expect(written.map((item) => [item.name, item.change])).toEqual([
				['US', 'unchanged'],
				['All', 'unchanged'],
			]);
		});

		it('Configuration Get -> Apply Desired State of that very document', async () => {
			const written = await unchangedRoundTrip(
				emulator(),
				{ resource: 'configuration', operation: 'get', sipApi },
				{
					resource: 'configuration',
					operation: 'applyDesiredState',
					sipApi,
					desiredState: '={{ $json }}',
				},
			);
			expect(written).toEqual([
				expect.objectContaining({ inSync: true, applied: false, patchCount: 0 }),
			]);
		});
	},
);

describe('What the input does not state keeps its stored value', () => {
	const replaceTrunks = { resource: 'trunk', operation: 'replaceAll', sipApi: 'sipPreview' };

	const replaceTrunksWith = (emu: ReturnType<typeof emulator>, inputItems: IDataObject[]) =>
		runSip(emu, replaceTrunks, { inputItems });

	it('Trunk Replace All: an item without port or flags keeps the stored ones; no PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const before = await storedSip(emu);
		const result = await replaceTrunksWith(emu, [
			{ fqdn: 'sbc1.contoso.com' },
			{ fqdn: 'SBC2.contoso.com', enabled: true },
		]);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map((item) => [
				item.json.fqdn,
				item.json.sipSignalingPort,
				item.json.enabled,
				item.json.change,
			]),
		).toEqual([
			['sbc1.contoso.com', 5071, false, 'unchanged'],
			['sbc2.contoso.com', 5072, true, 'unchanged'],
		]);
		expect(await storedSip(emu)).toEqual(before);
		expect(await patches(emu)).toEqual([]);
	});

	it('Trunk Replace All: changes only the stated fields, in one PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await replaceTrunksWith(emu, [
			{ fqdn: 'sbc1.contoso.com', directTransfer: false },
			{ fqdn: 'sbc2.contoso.com', sipSignalingPort: 5080 },
		]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.change)).toEqual(['updated', 'updated']);
		expect((await storedSip(emu)).trunks).toEqual({
			'sbc1.contoso.com': { ...SEEDED.trunks['sbc1.contoso.com'], directTransfer: false },
			'sbc2.contoso.com': { ...SEEDED.trunks['sbc2.contoso.com'], sipSignalingPort: 5080 },
		});
		expect(await patches(emu)).toEqual(['PATCH /sip']);
	});

	it('Trunk Replace All: item values of the preview options are checked before any request; "false" as text is false', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const refused = await replaceTrunksWith(emu, [
			{ fqdn: 'sbc1.contoso.com', privacyHeader: 'full' },
			{ fqdn: 'sbc2.contoso.com' },
		]);
		expect(refused.error?.message).toBe(
			'Privacy Header: input item 1, trunk "sbc1.contoso.com": "full" is not one of id, none',
		);
		expect(await sentRequests(emu)).toEqual([]);

		const applied = await replaceTrunksWith(emu, [
			{ fqdn: 'sbc1.contoso.com' },
			{ fqdn: 'sbc2.contoso.com', enabled: 'false' },
		]);
		expect(applied.items.map((item) => [item.json.enabled, item.json.change])).toEqual([
			[false, 'unchanged'],
			[false, 'updated'],
		]);
	});

	it('Trunk Replace All with API Stable and a preview API Version override reads the items it shows', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await runSip(
			emu,
			{
				resource: 'trunk',
				operation: 'replaceAll',
				sipApi: 'sip',
				options: { apiVersion: PREVIEW },
			},
			{ inputItems: [{ fqdn: 'sbc1.contoso.com' }, { fqdn: 'sbc2.contoso.com' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.change)).toEqual(['unchanged', 'unchanged']);
		expect(await patches(emu)).toEqual([]);
	});

	it('Trunk Replace All: a new trunk without a port is refused naming the item and the field; no PATCH', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await replaceTrunksWith(emu, [
			{ fqdn: 'sbc1.contoso.com' },
			{ fqdn: 'sbc3.contoso.com' },
		]);
		expect(result.error?.message).toBe(
			'SIP Signaling Port: input item 2, new trunk "sbc3.contoso.com" has no sipSignalingPort',
		);
		expect(await patches(emu)).toEqual([]);
	});

	it('Route Replace All: an item without description or caller ID keeps the stored ones; null clears them', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const kept = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sipPreview' },
			{
				inputItems: [
					{
						name: 'US',
						numberPattern: '^\\+1[0-9]{10}$',
						trunks: ['sbc2.contoso.com', 'sbc1.contoso.com'],
					},
					{ name: 'All' },
				],
			},
		);
		expect(kept.error).toBeUndefined();
		expect(
			kept.items.map((item) => [
				item.json.name,
				item.json.description,
				item.json.callerIdOverride,
				item.json.change,
			]),
		).toEqual([
			['US', 'North America', '+14255550100', 'unchanged'],
			['All', null, null, 'unchanged'],
		]);
		expect(await patches(emu)).toEqual([]);

		const cleared = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sipPreview' },
			{ inputItems: [{ name: 'US', description: null, callerIdOverride: null }, { name: 'All' }] },
		);
		expect(cleared.error).toBeUndefined();
		const us = ((await storedSip(emu)).routes as IDataObject[])[0];
		expect([
			us.name,
			us.numberPattern,
			us.trunks,
			us.description ?? null,
			us.callerIdOverride ?? null,
		]).toEqual(['US', '^\\+1[0-9]{10}$', ['sbc2.contoso.com', 'sbc1.contoso.com'], null, null]);
	});

	it('Route Replace All: a new route without a number pattern is refused naming the item and the field', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await runSip(
			emu,
			{ resource: 'route', operation: 'replaceAll', sipApi: 'sipPreview' },
			{ inputItems: [{ name: 'US' }, { name: 'New', trunks: ['sbc1.contoso.com'] }] },
		);
		expect(result.error?.message).toBe(
			'Number Pattern: input item 2, new route "New" has no numberPattern',
		);
		expect(await patches(emu)).toEqual([]);
	});

	it('Apply Desired State: a domain without "enabled" keeps the stored value; a new one without it is refused', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const before = await storedSip(emu);
		const apply = (domains: IDataObject) =>
			runSip(emu, {
				resource: 'configuration',
				operation: 'applyDesiredState',
				sipApi: 'sipPreview',
				desiredState: JSON.stringify({ domains }),
			});
		const kept = await apply({ 'contoso.com': {} });
		expect(kept.error).toBeUndefined();
		expect(kept.items[0].json).toMatchObject({ inSync: true, patchCount: 0 });
		expect(await storedSip(emu)).toEqual(before);

		const refused = await apply({ 'contoso.com': {}, 'fabrikam.com': {} });
		expect(refused.error?.message).toBe(
			'Desired State (JSON): new domain "fabrikam.com" has no enabled',
		);
		expect(await patches(emu)).toEqual([]);
	});
});
