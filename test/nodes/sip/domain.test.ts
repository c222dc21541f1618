import { withEmulator } from '../../support/emulator';
import { AUTHS, jsonOf, PREVIEW, seedSip, sipRunner, sentRequests, storedSip } from './sipHarness';

const emulator = withEmulator();

describe.each(AUTHS)('Domain (preview API) with %s', (auth) => {
	const run = sipRunner(auth);

	it('Create or Update, Get Many, Get and Delete, always on the preview API', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } } });

		const created = await run(emu, {
			resource: 'domain',
			operation: 'createOrUpdate',
			domainName: 'contoso.com',
			enabled: true,
		});
		expect(jsonOf(created)).toEqual([
			{ domain: 'contoso.com', enabled: true, trunks: ['sbc1.contoso.com'], change: 'created' },
		]);

		const disabled = await run(emu, {
			resource: 'domain',
			operation: 'createOrUpdate',
			domainName: 'contoso.com',
			enabled: false,
		});
		expect(jsonOf(disabled)[0]).toMatchObject({ enabled: false, change: 'updated' });

		await seedSip(emu, { domains: { 'fabrikam.com': { enabled: true } } });
		const list = await run(emu, { resource: 'domain', operation: 'getAll', returnAll: true });
		expect(jsonOf(list)).toEqual([
			{ domain: 'contoso.com', enabled: false, trunks: ['sbc1.contoso.com'] },
			{ domain: 'fabrikam.com', enabled: true, trunks: [] },
		]);

		const one = await run(emu, {
			resource: 'domain',
			operation: 'get',
			domain: { __rl: true, mode: 'name', value: 'fabrikam.com' },
		});
		expect(jsonOf(one)).toEqual([{ domain: 'fabrikam.com', enabled: true, trunks: [] }]);

		const deleted = await run(emu, {
			resource: 'domain',
			operation: 'delete',
			domain: { __rl: true, mode: 'name', value: 'fabrikam.com' },
		});
		expect(jsonOf(deleted)).toEqual([{ domain: 'fabrikam.com', deleted: true }]);
		expect((await storedSip(emu)).domains).toEqual({ 'contoso.com': { enabled: false } });

		const log = await emu.control.requestLog();
		expect(new Set(log.map((entry) => entry.query['api-version']))).toEqual(new Set([PREVIEW]));
	});

	describe('domain rules of the preview API, checked after the read and before any change', () => {
		const withDomain = {
			domains: { 'contoso.com': { enabled: true } },
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
		};
		const outsideTrunk = {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc.fabrikam.com',
			sipSignalingPort: 5061,
		};

		it('refuses a trunk under no configured domain, as the service does, sending only the read', async () => {
			const emu = emulator();
			await seedSip(emu, withDomain);
			await expect(
				seedSip(emu, { trunks: { 'sbc.fabrikam.com': { sipSignalingPort: 5061 } } }),
			).rejects.toThrow(/answered 422/);
			await emu.control.clearRequestLog();

			const result = await run(emu, { ...outsideTrunk, sipApi: 'sipPreview' });
			expect(result.error?.message).toMatch(
				/^Trunk FQDN: Trunk sbc\.fabrikam\.com is not under any configured domain \(contoso\.com\)/,
			);
			expect(await sentRequests(emu)).toEqual(['GET /sip']);
			expect(Object.keys((await storedSip(emu)).trunks as object)).toEqual(['sbc1.contoso.com']);
		});

		it('refuses to delete a domain that trunks lie under, sending only the read', async () => {
			const emu = emulator();
			await seedSip(emu, withDomain);
			const result = await run(emu, {
				resource: 'domain',
				operation: 'delete',
				domain: { __rl: true, mode: 'name', value: 'contoso.com' },
			});
			expect(result.error?.message).toMatch(
				/^Domain: Domain contoso\.com cannot be deleted: trunk\(s\) sbc1\.contoso\.com lie under it/,
			);
			expect(await sentRequests(emu)).toEqual(['GET /sip']);
			expect((await storedSip(emu)).domains).toEqual({ 'contoso.com': { enabled: true } });
		});

		it('refuses a desired state that deletes a domain its trunks still need, sending only the read', async () => {
			const emu = emulator();
			await seedSip(emu, withDomain);
			const desiredState = JSON.stringify({ domains: {}, trunks: withDomain.trunks });
			const result = await run(emu, {
				resource: 'configuration',
				operation: 'applyDesiredState',
				sipApi: 'sipPreview',
				desiredState,
			});
			expect(result.error?.message).toMatch(
				/^Desired State \(JSON\): Domain contoso\.com cannot be deleted/,
			);
			expect(await sentRequests(emu)).toEqual(['GET /sip']);
		});

		it('does not apply them on the stable API, which has no domains', async () => {
			const emu = emulator();
			await seedSip(emu, withDomain);
			const result = await run(emu, outsideTrunk);
			expect(jsonOf(result)[0]).toMatchObject({ fqdn: 'sbc.fabrikam.com', change: 'created' });
			expect(await sentRequests(emu)).toEqual(['GET /sip', 'PATCH /sip', 'GET /sip']);
		});
	});

	it('refuses an invalid domain name before any request', async () => {
		const emu = emulator();
		const result = await run(emu, {
			resource: 'domain',
			operation: 'createOrUpdate',
			domainName: 'contoso',
			enabled: true,
		});
		expect(result.error?.message).toMatch(/^Domain Name: /);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses a stable API Version override before any request', async () => {
		const emu = emulator();
		const result = await run(emu, {
			resource: 'domain',
			operation: 'getAll',
			returnAll: true,
			options: { apiVersion: '2023-03-01' },
		});
		expect(result.error?.message).toContain('Domains needs the preview API');
		expect(await sentRequests(emu)).toEqual([]);
	});
});
