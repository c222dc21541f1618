import { withEmulator } from '../../support/emulator';
import { jsonOf, PREVIEW, runSip, seedSip, sentRequests, storedSip } from './sipHarness';

const emulator = withEmulator();

describe('Domain (preview API)', () => {
	it('Create or Update, Get Many, Get and Delete, always on the preview API', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } } });

		const created = await runSip(emu, { resource: 'domain', operation: 'createOrUpdate', domainName: 'contoso.com', enabled: true });
		expect(jsonOf(created)).toEqual([{ domain: 'contoso.com', enabled: true, trunks: ['sbc1.contoso.com'], change: 'created' }]);

		const disabled = await runSip(
			emu,
			{ resource: 'domain', operation: 'createOrUpdate', domainName: 'contoso.com', enabled: false },
			{ auth: 'entraId' },
		);
		expect(jsonOf(disabled)[0]).toMatchObject({ enabled: false, change: 'updated' });

		await seedSip(emu, { domains: { 'fabrikam.com': { enabled: true } } });
		const list = await runSip(emu, { resource: 'domain', operation: 'getAll', returnAll: true });
		expect(jsonOf(list)).toEqual([
			{ domain: 'contoso.com', enabled: false, trunks: ['sbc1.contoso.com'] },
			{ domain: 'fabrikam.com', enabled: true, trunks: [] },
		]);

		const one = await runSip(emu, { resource: 'domain', operation: 'get', domain: { __rl: true, mode: 'name', value: 'fabrikam.com' } });
		expect(jsonOf(one)).toEqual([{ domain: 'fabrikam.com', enabled: true, trunks: [] }]);

		const deleted = await runSip(emu, { resource: 'domain', operation: 'delete', domain: { __rl: true, mode: 'name', value: 'fabrikam.com' } });
		expect(jsonOf(deleted)).toEqual([{ domain: 'fabrikam.com', deleted: true }]);
		expect((await storedSip(emu)).domains).toEqual({ 'contoso.com': { enabled: false } });

		const log = await emu.control.requestLog();
		expect(new Set(log.map((entry) => entry.query['api-version']))).toEqual(new Set([PREVIEW]));
	});

	it('refuses an invalid domain name before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, { resource: 'domain', operation: 'createOrUpdate', domainName: 'contoso', enabled: true });
		expect(result.error?.message).toMatch(/^Domain Name: /);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses a stable API Version override before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'domain',
			operation: 'getAll',
			returnAll: true,
			options: { apiVersion: '2023-03-01' },
		});
		expect(result.error?.message).toContain('Domains needs the preview API');
		expect(await sentRequests(emu)).toEqual([]);
	});
});
