/**
 * Orderings of concurrent SIP edits beyond the two-worker rounds: what an item re-applies after another execution's
 * write must be its own edits only, and a recheck read that fails must not hide that the edit is stored.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { holdNext, withEmulator } from '../../support/emulator';
import { runNode } from '../../support/engine';
import {
	NODE_TYPE,
	PREVIEW,
	credentialsFor,
	jsonOf,
	seedSip,
	sentRequests,
	sipRunner,
	storedSip,
} from './sipHarness';

const emulator = withEmulator();
const run = sipRunner('connectionString');
const SIP = '^/sip$';

const previewTrunkEdit = (extra: IDataObject): INodeParameters => ({
	resource: 'trunk',
	operation: 'createOrUpdate',
	sipApi: 'sipPreview',
	fqdn: 'sbc1.contoso.com',
	sipSignalingPort: 5061,
	...extra,
});

describe('Concurrent SIP edits: hostile orderings', () => {
	it('keeps another execution’s change to another field of the same trunk', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061, enabled: true } },
		});
		// Both read the same document; the other execution turns the trunk off, then this one changes its port.
		const otherWrite = await holdNext(emu, 'PATCH', SIP);
		const other = run(emu, previewTrunkEdit({ previewOptions: { enabled: false } }));
		await otherWrite.held();
		const ownWrite = await holdNext(emu, 'PATCH', SIP);
		const own = run(emu, previewTrunkEdit({ sipSignalingPort: 5072 }));
		await ownWrite.held();
		await otherWrite.release();
		const otherResult = await other;
		await ownWrite.release();
		const ownResult = await own;

		expect(otherResult.error).toBeUndefined();
		expect(ownResult.error).toBeUndefined();
		const trunk = ((await storedSip(emu, PREVIEW)).trunks as IDataObject)[
			'sbc1.contoso.com'
		] as IDataObject;
		// Each reported success for its own field: both fields are stored.
		expect(trunk).toMatchObject({ sipSignalingPort: 5072, enabled: false });
	});

	it('says the route was written and read back stored when only the recheck read fails', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } }, routes: [] });
		const firstRead = await holdNext(emu, 'GET', SIP);
		const result = run(
			emu,
			{
				resource: 'route',
				operation: 'createOrUpdate',
				name: 'UK',
				numberPattern: '^\\+44[0-9]{10}$',
				trunks: 'sbc1.contoso.com',
			},
			{ continueOnFail: true },
		);
		await firstRead.held();
		const readBack = await holdNext(emu, 'GET', SIP);
		await firstRead.release();
		await readBack.held();
		// Every try of the recheck read fails.
		const unavailable = await emu.control.addFault({
			method: 'GET',
			path: SIP,
			type: 'status',
			status: 503,
			retryAfter: 0,
		});
		await readBack.release();
		const outcome = await result;
		await emu.control.removeFault(unavailable.id);
		const routes = (await storedSip(emu)).routes as IDataObject[];
		expect(routes.map((route) => route.name)).toEqual(['UK']);
		// A failure (the edit is not known to stay stored) that says the write went through and read back fine.
		const [item] = jsonOf(outcome);
		expect(item).toMatchObject({ httpCode: '503', editsWritten: true, recheckedStored: false });
		expect(item.errorDescription).toContain(
			"This item's edits were written and the read right after the write held them",
		);
	});

	it('stops during the wait before the recheck when the execution is cancelled', async () => {
		const emu = emulator();
		await seedSip(emu, { trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } }, routes: [] });
		const stop = new AbortController();
		const firstRead = await holdNext(emu, 'GET', SIP);
		const running = runNode({
			nodeType: NODE_TYPE,
			parameters: {
				resource: 'route',
				operation: 'createOrUpdate',
				name: 'UK',
				numberPattern: '^\\+44[0-9]{10}$',
				trunks: 'sbc1.contoso.com',
			},
			credentials: credentialsFor(emu, 'connectionString'),
			signal: stop.signal,
		});
		await firstRead.held();
		const readBack = await holdNext(emu, 'GET', SIP);
		await firstRead.release();
		await readBack.held();
		const recheck = await holdNext(emu, 'GET', SIP);
		await readBack.release();
		// The recheck waits at least a second after the read-back: cancelling now lands in that wait.
		stop.abort();
		const result = await running;
		await recheck.release();
		const reads = (await sentRequests(emu)).filter((request) => request === 'GET /sip');

		expect(result.status).toBe('canceled');
		expect(reads).toHaveLength(2);
		expect(((await storedSip(emu)).routes as IDataObject[]).map((route) => route.name)).toEqual([
			'UK',
		]);
	});

	it('keeps another execution’s change to another field of the same route when it writes the route again', async () => {
		const emu = emulator();
		const route = { name: 'UK', numberPattern: '^\\+44[0-9]{10}$', trunks: ['sbc1.contoso.com'] };
		await seedSip(emu, {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
			routes: [route],
		});
		const edit = (
			numberPattern: string,
			additionalFields: INodeParameters = {},
		): INodeParameters => ({
			resource: 'route',
			operation: 'createOrUpdate',
			name: 'UK',
			numberPattern,
			trunks: 'sbc1.contoso.com',
			additionalFields,
		});
		// The other execution reads, then this one reads, writes and reads back its new pattern.
		const otherWrite = await holdNext(emu, 'PATCH', SIP);
		const other = run(emu, edit(route.numberPattern, { description: 'London office' }));
		await otherWrite.held();
		const ownWrite = await holdNext(emu, 'PATCH', SIP);
		const own = run(emu, edit('^\\+443[0-9]{9}$'));
		await ownWrite.held();
		const ownReadBack = await holdNext(emu, 'GET', SIP);
		await ownWrite.release();
		await ownReadBack.held();
		const ownRecheck = await holdNext(emu, 'GET', SIP);
		await ownReadBack.release();
		await ownRecheck.held();
		// The other execution's write (its list from the older read) lands, and it reads back and rechecks its
		// description; only then does this one's recheck see its pattern replaced and write the route again.
		await otherWrite.release();
		const otherResult = await other;
		await ownRecheck.release();
		const ownResult = await own;

		expect(otherResult.error).toBeUndefined();
		expect(ownResult.error).toBeUndefined();
		// Each reported success for its own field: both are stored.
		expect((await storedSip(emu)).routes).toEqual([
			{ ...route, numberPattern: '^\\+443[0-9]{9}$', description: 'London office' },
		]);
	});

	// A PATCH carrying a route list is not re-sent by the transport after the service asked it to wait: the list of
	// that older read could land after another item's recheck. The item waits, reads again and plans again.
	it('keeps a route that another execution’s retried write (after a Retry-After) would replace', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'US', numberPattern: '^\\+1[0-9]{10}$', trunks: ['sbc1.contoso.com'] }],
		});
		const routeEdit = (name: string): INodeParameters => ({
			resource: 'route',
			operation: 'createOrUpdate',
			name,
			numberPattern: '^\\+44[0-9]{10}$',
			trunks: 'sbc1.contoso.com',
		});
		// The other execution's first PATCH is answered 503 with Retry-After: 1; it sends the same PATCH again
		// after that wait (held here until this execution is done).
		await emu.control.addFault({
			method: 'PATCH',
			path: SIP,
			type: 'status',
			status: 503,
			retryAfter: 1,
			count: 1,
		});
		const other = run(emu, routeEdit('A1'));
		const answered503 = async () =>
			(await emu.control.requestLog()).some(
				(entry) => entry.method === 'PATCH' && entry.status === 503,
			);
		while (!(await answered503())) await new Promise((resolve) => setTimeout(resolve, 20));
		// Meanwhile this execution reads, writes, reads back and rechecks.
		const ownFirstRead = await holdNext(emu, 'GET', SIP);
		const own = run(emu, routeEdit('B1'));
		await ownFirstRead.held();
		const readBack = await holdNext(emu, 'GET', SIP);
		await ownFirstRead.release();
		await readBack.held();
		const otherRetry = await holdNext(emu, 'PATCH', SIP);
		await readBack.release();
		const ownResult = await own;
		await otherRetry.held();
		await otherRetry.release();
		const otherResult = await other;

		expect(ownResult.error).toBeUndefined();
		expect(otherResult.error).toBeUndefined();
		const names = ((await storedSip(emu)).routes as IDataObject[]).map((route) => route.name);
		expect(names).toEqual(expect.arrayContaining(['A1', 'B1']));
	});
});
