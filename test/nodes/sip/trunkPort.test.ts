/**
 * One strict reading of the SIP signaling port for every source (input items, Trunks (JSON), Desired State,
 * Trunk Create or Update): an integer 1 to 65535 given as a number or as text of decimal digits only. Anything
 * else (hex, exponent, decimal point, sign, spaces) is refused before any request, naming the item and field.
 */
import { withEmulator } from '../../support/emulator';
import {
	jsonOf,
	runSip,
	seedSip,
	sentRequests,
	storedSip,
	TWO_TRUNKS_TWO_ROUTES,
} from './sipHarness';

const emulator = withEmulator();
const BAD_TEXT = ['0x13C3', '1e3', '5061.0', '+5061', ' 5061', '5061 ', '0b101', '', '٥٠٦١'];
const itemsRun = {
	resource: 'trunk',
	operation: 'replaceAll',
	source: 'items',
	fqdn: '={{ $json.fqdn }}',
	sipSignalingPort: '={{ $json.port }}',
};

describe('SIP signaling port from input items', () => {
	it.each(BAD_TEXT.filter((text) => text !== ''))(
		'refuses %j before any request, naming the item and field',
		async (port) => {
			const emu = emulator();
			const result = await runSip(emu, itemsRun, {
				inputItems: [
					{ fqdn: 'sbc1.contoso.com', port: 5061 },
					{ fqdn: 'sbc2.contoso.com', port },
				],
			});
			expect(result.error?.message).toBe(
				`SIP Signaling Port: input item 2, trunk "sbc2.contoso.com": ${JSON.stringify(port)} is not a port: give a whole number from 1 to 65535 as digits only (usually 5061).`,
			);
			expect(await sentRequests(emu)).toEqual([]);
		},
	);

	it.each([1.5, 0, 65536, true])('refuses %j before any request', async (port) => {
		const emu = emulator();
		const result = await runSip(emu, itemsRun, {
			inputItems: [{ fqdn: 'sbc1.contoso.com', port }],
		});
		expect(result.error?.message).toMatch(
			/^SIP Signaling Port: input item 1, trunk "sbc1\.contoso\.com": /,
		);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('accepts a number and text of digits', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		jsonOf(
			await runSip(emu, itemsRun, {
				inputItems: [
					{ fqdn: 'sbc1.contoso.com', port: 5071 },
					{ fqdn: 'sbc2.contoso.com', port: '05072' },
				],
			}),
		);
		expect((await storedSip(emu)).trunks).toMatchObject({
			'sbc1.contoso.com': { sipSignalingPort: 5071 },
			'sbc2.contoso.com': { sipSignalingPort: 5072 },
		});
	});
});

describe('SIP signaling port from JSON', () => {
	it.each(BAD_TEXT)(
		'Trunks (JSON) refuses %j before any request, naming the trunk',
		async (port) => {
			const emu = emulator();
			const result = await runSip(emu, {
				resource: 'trunk',
				operation: 'replaceAll',
				source: 'json',
				trunksJson: JSON.stringify([{ fqdn: 'sbc2.contoso.com', sipSignalingPort: port }]),
			});
			expect(result.error?.message).toBe(
				`Trunks (JSON): trunk "sbc2.contoso.com": ${JSON.stringify(port)} is not a port: give a whole number from 1 to 65535 as digits only (usually 5061).`,
			);
			expect(await sentRequests(emu)).toEqual([]);
		},
	);

	it('Desired State (JSON) refuses "0x13C3" before any request, naming the trunk', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({
				trunks: { 'sbc2.contoso.com': { sipSignalingPort: '0x13C3' } },
			}),
		});
		expect(result.error?.message).toContain('trunk "sbc2.contoso.com": "0x13C3" is not a port');
		expect(await sentRequests(emu)).toEqual([]);
	});
});

describe('SIP signaling port of Trunk Create or Update', () => {
	it.each(['0x13C3', '1e3', '5061.0'])(
		'refuses %j from an expression before any request',
		async (port) => {
			const emu = emulator();
			const result = await runSip(
				emu,
				{
					resource: 'trunk',
					operation: 'createOrUpdate',
					fqdn: 'sbc1.contoso.com',
					sipSignalingPort: '={{ $json.port }}',
				},
				{ inputItems: [{ port }] },
			);
			expect(result.error?.message).toBe(
				`SIP Signaling Port: input item 1: ${JSON.stringify(port)} is not a port: give a whole number from 1 to 65535 as digits only (usually 5061).`,
			);
			expect(await sentRequests(emu)).toEqual([]);
		},
	);
});
