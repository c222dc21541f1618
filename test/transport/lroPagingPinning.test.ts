/** Long-running operations, paging and host pinning against the emulator (and two tiny local servers). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	acsGetAllPages,
	findOperation,
	purchaseOperationId,
	startLongRunningOperation,
	waitForOperation,
} from '../../nodes/shared/transport';
import { createExecuteContext } from '../support/engine';
import { withEmulator } from '../support/emulator';
import { NODE_TYPE, caught, hmacContext } from './support/transportHarness';

const emulator = withEmulator();
const SEARCH_BODY = { phoneNumberType: 'tollFree', assignmentType: 'application', capabilities: { calling: 'outbound', sms: 'none' }, quantity: 1 };

const startSearch = (context: any) =>
	startLongRunningOperation.call(context, {
		method: 'POST',
		path: '/availablePhoneNumbers/countries/US/:search',
		api: 'phoneNumbers',
		body: SEARCH_BODY,
	});

const setLro = (emu: any, plan: Record<string, unknown>) => emu.control.call('PUT', '/_emulator/phoneNumbers/lro', plan);

describe('long-running operations', () => {
	it('search: start -> poll -> final resource via Location, returning soon after completion', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 600 });
		const { context } = hmacContext(emu);
		const started = Date.now();
		const handle = await startSearch(context);
		expect(handle.operationId).toMatch(/^search_/);
		const outcome = await waitForOperation.call(context, handle, { timeoutSeconds: 10 });
		const elapsed = Date.now() - started;
		expect(outcome.operation.status).toBe('succeeded');
		expect((outcome.result as any).searchId).toBe(handle.operationId.replace('search_', ''));
		expect(elapsed).toBeGreaterThanOrEqual(550);
		expect(elapsed).toBeLessThan(600 + 700);
		const polls = (await emu.control.requestLog()).filter((e: any) => e.path.includes('/operations/'));
		expect(polls.length).toBeGreaterThan(1);
		expect(polls.length).toBeLessThan(8);
	});

	it('keeps polling through a non-monotonic status (running -> notStarted)', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 800, nonMonotonic: true });
		const { context } = hmacContext(emu);
		const outcome = await waitForOperation.call(context, await startSearch(context), { timeoutSeconds: 10 });
		expect(outcome.operation.status).toBe('succeeded');
	});

	it('times out with the operation id and how to resume, then resumes from the id alone', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 1500 });
		const { context } = hmacContext(emu);
		const handle = await startSearch(context);
		const error = await caught(waitForOperation.call(context, handle, { timeoutSeconds: 0.5 }));
		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toContain(handle.operationId);
		expect(error.description).toMatch(/Wait for Completion/);
		expect(error.description).toContain(handle.operationId);
		const resumed = await waitForOperation.call(context, { operationId: handle.operationId }, { timeoutSeconds: 10 });
		expect(resumed.operation.status).toBe('succeeded');
		expect((resumed.result as any).searchId).toBeDefined();
	});

	it('a failed operation becomes a NodeApiError carrying its error', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 100, outcome: 'fail', error: { code: 'OutOfStock', message: 'No numbers left.' } });
		const { context } = hmacContext(emu);
		const handle = await startSearch(context);
		const error = await caught(waitForOperation.call(context, handle, { timeoutSeconds: 10 }));
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('OutOfStock: No numbers left.');
		expect(error.description).toContain(handle.operationId);
	});

	it('polls survive faults (retried GETs)', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 400 });
		await emu.control.addFault({ method: 'GET', path: '/operations/', type: 'status', status: 503, count: 2 });
		const { context } = hmacContext(emu);
		const outcome = await waitForOperation.call(context, await startSearch(context), { timeoutSeconds: 10 });
		expect(outcome.operation.status).toBe('succeeded');
	});

	describe('purchase reconciliation (known operation id)', () => {
		async function searched(emu: any, context: any) {
			await setLro(emu, { notStartedMs: 0, runningMs: 100 });
			const outcome = await waitForOperation.call(context, await startSearch(context), { timeoutSeconds: 10 });
			return (outcome.result as any).searchId as string;
		}
		const purchase = (context: any, searchId: string, timeoutMs?: number) =>
			startLongRunningOperation.call(context, {
				method: 'POST',
				path: '/availablePhoneNumbers/:purchase',
				api: 'phoneNumbers',
				body: { searchId, agreeToNotResell: true },
				knownOperationId: purchaseOperationId(searchId),
				timeoutMs,
			});
		const ledger = (emu: any) => emu.control.call('GET', '/_emulator/phoneNumbers/ledger');

		it('after a 5xx the operation is looked up; not found -> sent again once; bought once', async () => {
			const emu = emulator();
			const { context } = hmacContext(emu);
			const searchId = await searched(emu, context);
			await emu.control.addFault({ method: 'POST', path: ':purchase', type: 'status', status: 503, count: 1 });
			const handle = await purchase(context, searchId);
			expect(handle.operationId).toBe(`purchase_${searchId}`);
			await waitForOperation.call(context, handle, { timeoutSeconds: 10 });
			expect((await ledger(emu)).searches[searchId]).toBe(1);
			const log = (await emu.control.requestLog()).map((e: any) => `${e.method} ${e.path.split('?')[0]} ${e.status}`);
			expect(log.filter((line: string) => line.includes(':purchase'))).toEqual([
				'POST /availablePhoneNumbers/:purchase 503',
				'POST /availablePhoneNumbers/:purchase 202',
			]);
			expect(log).toContain(`GET /phoneNumbers/operations/purchase_${searchId} 404`);
		});

		it('after a timeout the request is not re-sent; the operation is found later', async () => {
			const emu = emulator();
			const { context } = hmacContext(emu);
			const searchId = await searched(emu, context);
			await emu.control.addFault({ method: 'POST', path: ':purchase', type: 'delay', delayMs: 700, count: 1 });
			const error = await caught(purchase(context, searchId, 250));
			expect(error.context.acs.ambiguous).toBe(true);
			expect(error.description).toContain(`purchase_${searchId}`);
			await new Promise((resolve) => setTimeout(resolve, 900));
			expect(await findOperation.call(context, `purchase_${searchId}`)).toBeDefined();
			const purchases = (await emu.control.requestLog()).filter((e: any) => e.path.includes(':purchase'));
			expect(purchases).toHaveLength(1);
		});
	});
});

describe('paging', () => {
	const listAll = (context: any, limit?: number) =>
		acsGetAllPages.call(context, { method: 'GET', path: '/phoneNumbers', api: 'phoneNumbers', itemsField: 'phoneNumbers', pageSizeParam: 'top', pageSize: 10, limit });
	const pageRequests = async (emu: any) =>
		(await emu.control.requestLog()).filter((e: any) => e.method === 'GET' && /^\/phoneNumbers(\?|$)/.test(e.path));

	it('Return All follows nextLink across pages', async () => {
		const emu = emulator();
		await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 25 });
		const { context } = hmacContext(emu);
		const items = await listAll(context);
		expect(items).toHaveLength(25);
		expect(new Set(items.map((n: any) => n.id)).size).toBe(25);
		expect(await pageRequests(emu)).toHaveLength(3);
	});

	it.each([
		[10, 1],
		[12, 2],
		[3, 1],
	])('Limit %i never fetches a page beyond it (%i request(s))', async (limit, requests) => {
		const emu = emulator();
		await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 25 });
		const { context } = hmacContext(emu);
		expect(await listAll(context, limit)).toHaveLength(limit);
		const log = await pageRequests(emu);
		expect(log).toHaveLength(requests);
		if (limit === 12) expect(log.map((entry: any) => entry.query.top)).toEqual(['10', '2']);
	});
});

describe('host pinning: links to another host are refused before any request', () => {
	let fake: Server;
	let evil: Server;
	let evilHits = 0;
	let fakeBase = '';
	let evilBase = '';
	let reply: (path: string) => { status: number; headers?: Record<string, string>; body?: unknown };

	const listen = (server: Server) =>
		new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

	beforeAll(async () => {
		evil = createServer((_req, res) => {
			evilHits++;
			res.end('{}');
		});
		fake = createServer((req, res) => {
			const { status, headers, body } = reply(req.url ?? '');
			res.writeHead(status, { 'content-type': 'application/json', ...(headers ?? {}) });
			res.end(body === undefined ? '' : JSON.stringify(body));
		});
		evilBase = await listen(evil);
		fakeBase = await listen(fake);
	});
	afterAll(async () => {
		await new Promise((resolve) => fake.close(resolve));
		await new Promise((resolve) => evil.close(resolve));
	});
	beforeEach(() => {
		evilHits = 0;
	});

	const context = () =>
		createExecuteContext({
			nodeType: NODE_TYPE,
			parameters: { authentication: 'connectionString' },
			credentials: {
				azureCommunicationServicesApi: {
					connectionStringSecret: `endpoint=${fakeBase}/;accesskey=${Buffer.alloc(32, 1).toString('base64')}`,
					allowCustomEndpoint: true,
				},
			},
		}).context;

	it('a same-host absolute nextLink is followed', async () => {
		reply = (path) =>
			path.includes('skip=1')
				? { status: 200, body: { phoneNumbers: [{ id: '2' }], nextLink: null } }
				: { status: 200, body: { phoneNumbers: [{ id: '1' }], nextLink: `${fakeBase}/phoneNumbers?skip=1&top=100&api-version=2025-06-01` } };
		const items = await acsGetAllPages.call(context(), { method: 'GET', path: '/phoneNumbers', api: 'phoneNumbers', itemsField: 'phoneNumbers', pageSizeParam: 'top' });
		expect(items).toHaveLength(2);
	});

	it('a nextLink to another host is refused', async () => {
		reply = () => ({ status: 200, body: { phoneNumbers: [{ id: '1' }], nextLink: `${evilBase}/phoneNumbers?skip=1` } });
		const error = await caught(
			acsGetAllPages.call(context(), { method: 'GET', path: '/phoneNumbers', api: 'phoneNumbers', itemsField: 'phoneNumbers', pageSizeParam: 'top' }),
		);
		expect(error.message).toMatch(/Refused to follow a nextLink that points to another host/);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(evilHits).toBe(0);
	});

	it('an Operation-Location on another host is refused', async () => {
		reply = () => ({ status: 202, headers: { 'operation-location': `${evilBase}/phoneNumbers/operations/search_1?api-version=2025-06-01`, 'operation-id': 'search_1' } });
		const ctx = context() as any;
		const handle = await startLongRunningOperation.call(ctx, { method: 'POST', path: '/availablePhoneNumbers/countries/US/:search', api: 'phoneNumbers', body: SEARCH_BODY });
		const error = await caught(waitForOperation.call(ctx, handle, { timeoutSeconds: 5 }));
		expect(error.message).toMatch(/Refused to follow a Operation-Location/);
		expect(evilHits).toBe(0);
	});

	it('a resourceLocation / Location on another host is refused', async () => {
		reply = (path) =>
			path.includes('/operations/')
				? { status: 200, body: { id: 'search_1', operationType: 'search', status: 'succeeded', resourceLocation: `${evilBase}/availablePhoneNumbers/searchResults/1` } }
				: { status: 202, headers: { 'operation-location': '/phoneNumbers/operations/search_1?api-version=2025-06-01' } };
		const ctx = context() as any;
		const handle = await startLongRunningOperation.call(ctx, { method: 'POST', path: '/availablePhoneNumbers/countries/US/:search', api: 'phoneNumbers', body: SEARCH_BODY });
		const error = await caught(waitForOperation.call(ctx, handle, { timeoutSeconds: 5 }));
		expect(error.message).toMatch(/Refused to follow a Location/);
		expect(evilHits).toBe(0);
	});

	it('an absolute request path to another host is refused by the transport', async () => {
		const error = await caught(
			acsGetAllPages.call(context(), { method: 'GET', path: `${evilBase}/phoneNumbers`, api: 'phoneNumbers', itemsField: 'phoneNumbers', pageSizeParam: 'top' }),
		);
		expect(error.message).toMatch(/Refused/);
		expect(evilHits).toBe(0);
	});
});
