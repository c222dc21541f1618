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
import { startRewritingProxy } from '../reliability/support/servers';

const emulator = withEmulator();
const SEARCH_BODY = {
	phoneNumberType: 'tollFree',
	assignmentType: 'application',
	capabilities: { calling: 'outbound', sms: 'none' },
	quantity: 1,
};

const startSearch = (context: any) =>
	startLongRunningOperation.call(context, {
		method: 'POST',
		path: '/availablePhoneNumbers/countries/US/:search',
		api: 'phoneNumbers',
		body: SEARCH_BODY,
	});

const setLro = (emu: any, plan: Record<string, unknown>) =>
	emu.control.call('PUT', '/_emulator/phoneNumbers/lro', plan);

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
		const polls = (await emu.control.requestLog()).filter((e: any) =>
			e.path.includes('/operations/'),
		);
		expect(polls.length).toBeGreaterThan(1);
		expect(polls.length).toBeLessThan(8);
	});

	it('keeps polling through a non-monotonic status (running -> notStarted)', async () => {
		const emu = emulator();
		await setLro(emu, {
			operationType: 'search',
			notStartedMs: 0,
			runningMs: 800,
			nonMonotonic: true,
		});
		const { context } = hmacContext(emu);
		const outcome = await waitForOperation.call(context, await startSearch(context), {
			timeoutSeconds: 10,
		});
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
		const resumed = await waitForOperation.call(
			context,
			{ operationId: handle.operationId },
			{ timeoutSeconds: 10 },
		);
		expect(resumed.operation.status).toBe('succeeded');
		expect((resumed.result as any).searchId).toBeDefined();
	});

	it('a failed operation becomes a NodeApiError carrying its error', async () => {
		const emu = emulator();
		await setLro(emu, {
			operationType: 'search',
			notStartedMs: 0,
			runningMs: 100,
			outcome: 'fail',
			error: { code: 'OutOfStock', message: 'No numbers left.' },
		});
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
		await emu.control.addFault({
			method: 'GET',
			path: '/operations/',
			type: 'status',
			status: 503,
			count: 2,
		});
		const { context } = hmacContext(emu);
		const outcome = await waitForOperation.call(context, await startSearch(context), {
			timeoutSeconds: 10,
		});
		expect(outcome.operation.status).toBe('succeeded');
	});

	describe('purchase starts (known operation id)', () => {
		async function searched(emu: any, context: any) {
			await setLro(emu, { notStartedMs: 0, runningMs: 100 });
			const outcome = await waitForOperation.call(context, await startSearch(context), {
				timeoutSeconds: 10,
			});
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

		it("an ambiguous failure (5xx) is thrown as ambiguous and not sent again: settling it is the caller's", async () => {
			const emu = emulator();
			const { context } = hmacContext(emu);
			const searchId = await searched(emu, context);
			await emu.control.addFault({
				method: 'POST',
				path: ':purchase',
				type: 'status',
				status: 503,
				processAfterMs: 0,
				count: 1,
			});
			const error = await caught(purchase(context, searchId));
			expect(error.context.acs).toMatchObject({ ambiguous: true, status: 503 });
			const log = (await emu.control.requestLog()).map(
				(e: any) => `${e.method} ${e.path.split('?')[0]} ${e.status}`,
			);
			expect(log.filter((line: string) => line.includes(':purchase'))).toEqual([
				'POST /availablePhoneNumbers/:purchase 202',
				'POST /availablePhoneNumbers/:purchase 503',
			]);
			expect(await findOperation.call(context, `purchase_${searchId}`)).toBeDefined();
		});

		it('a 202 whose Operation-Location names no readable operation (malformed escape, no operation-id): the known id is followed', async () => {
			const emu = emulator();
			const { context: direct } = hmacContext(emu);
			const searchId = await searched(emu, direct);
			const proxy = await startRewritingProxy(emu.endpoint, (answer) => {
				if (answer.method !== 'POST' || answer.status !== 202) return;
				const headers: Record<string, string | string[] | undefined> = {
					...answer.headers,
					'operation-location': '/phoneNumbers/operations/purchase_%zz?api-version=2025-06-01',
				};
				delete headers['operation-id'];
				return { headers };
			});
			try {
				const { context } = hmacContext(emu, {
					connectionStringSecret: emu.connectionString.replace(emu.endpoint, proxy.endpoint),
				});
				const handle = await purchase(context, searchId);
				expect(handle).toMatchObject({
					operationId: `purchase_${searchId}`,
					operationLocation: `/phoneNumbers/operations/purchase_${searchId}`,
				});
				expect(
					(await waitForOperation.call(context, handle, { timeoutSeconds: 10 })).operation.status,
				).toBe('succeeded');
			} finally {
				await proxy.close();
			}
		});

		it('tolerateNotFound: an operation that becomes visible late is polled until it is; without it a 404 fails at once', async () => {
			const emu = emulator();
			const { context } = hmacContext(emu);
			const searchId = await searched(emu, context);
			const handle = await purchase(context, searchId);
			await emu.control.addFault({
				method: 'GET',
				path: '^/phoneNumbers/operations/purchase_',
				type: 'status',
				status: 404,
				code: 'NotFound',
				forMs: 600,
			});
			const failed = await caught(waitForOperation.call(context, handle, { timeoutSeconds: 10 }));
			expect(failed.context.acs.status).toBe(404);
			const outcome = await waitForOperation.call(context, handle, {
				timeoutSeconds: 10,
				tolerateNotFound: true,
			});
			expect(outcome.operation.status).toBe('succeeded');
			const polls = (await emu.control.requestLog()).filter(
				(e: any) => e.path === `/phoneNumbers/operations/purchase_${searchId}`,
			);
			expect(polls.filter((e: any) => e.status === 404).length).toBeGreaterThanOrEqual(2);
		});

		it('tolerateNotFound still ends at the Timeout, naming the operation', async () => {
			const emu = emulator();
			const { context } = hmacContext(emu);
			const error = await caught(
				waitForOperation.call(
					context,
					{ operationId: 'purchase_00000000-0000-4000-8000-000000000000' },
					{ timeoutSeconds: 1, tolerateNotFound: true },
				),
			);
			expect(error.context.acs).toMatchObject({ waitTimedOut: true });
			expect(error.message).toMatch(/did not finish within 1 s \(last status: unknown\)/);
		});
	});
});

describe('paging', () => {
	const listAll = (context: any, limit?: number) =>
		acsGetAllPages.call(context, {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
			pageSize: 10,
			limit,
		});
	const pageRequests = async (emu: any) =>
		(await emu.control.requestLog()).filter(
			(e: any) => e.method === 'GET' && /^\/phoneNumbers(\?|$)/.test(e.path),
		);

	it('shows each page it uses to onPage, with the service clock in its date header', async () => {
		const emu = emulator();
		await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 25 });
		await emu.control.advanceClock({ minutes: 90 });
		const { context } = hmacContext(emu);
		const pages: Array<{ count: number; date: string }> = [];
		await acsGetAllPages.call(context, {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
			pageSize: 10,
			onPage: (response) =>
				pages.push({
					count: (response.body.phoneNumbers as unknown[]).length,
					date: response.headers.date,
				}),
		});
		expect(pages.map((page) => page.count)).toEqual([10, 10, 5]);
		const virtualNow = Date.parse((await emu.control.getClock()).now);
		for (const page of pages)
			expect(Math.abs(Date.parse(page.date) - virtualNow)).toBeLessThan(5 * 60_000);
	});

	it('Return All follows nextLink across pages', async () => {
		const emu = emulator();
		await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 25 });
		const { context } = hmacContext(emu);
		const items = await listAll(context);
		expect(items).toHaveLength(25);
		expect(new Set(items.map((n: any) => n.id)).size).toBe(25);
		// 3 pages, plus the page after the last one, asked for while the last one was on its way.
		expect((await pageRequests(emu)).map((entry: any) => entry.query.skip ?? '0')).toEqual([
			'0',
			'10',
			'20',
			'30',
		]);
	});

	it('Return All asks for the page after next while the next one is on its way: same items, pages in flight together', async () => {
		const emu = emulator();
		await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 120 });
		const { context } = hmacContext(emu);
		const sequential = await acsGetAllPages.call(context, {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
			pageSize: 10,
			limit: 1000,
		});
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers$',
			type: 'delay',
			delayMs: 150,
		});
		await emu.control.clearRequestLog();
		const items = await listAll(context);
		expect(items.map((n: any) => n.id)).toEqual(sequential.map((n: any) => n.id));
		expect(items).toHaveLength(120);
		const log = await pageRequests(emu);
		expect(log).toHaveLength(13);
		const arrivals = log.map((entry: any) => Date.parse(entry.time));
		const overlapping = log
			.slice(1)
			.filter(
				(entry: any, i: number) => Date.parse(entry.time) < arrivals[i] + log[i].durationMs,
			).length;
		// Pages go out in pairs (the next and the one after): every other request overlaps the one before (read from
		// the emulator's log, so the time the whole list takes on a loaded machine does not matter).
		expect(overlapping).toBeGreaterThanOrEqual(5);
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
		new Promise<string>((resolve) =>
			server.listen(0, '127.0.0.1', () =>
				resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
			),
		);

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
				: {
						status: 200,
						body: {
							phoneNumbers: [{ id: '1' }],
							nextLink: `${fakeBase}/phoneNumbers?skip=1&top=100&api-version=2025-06-01`,
						},
					};
		const items = await acsGetAllPages.call(context(), {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
		});
		expect(items).toHaveLength(2);
	});

	it('next links that do not follow skip + page size: the page read ahead is dropped, the service link is followed, nothing more is read ahead', async () => {
		const asked: string[] = [];
		const pages: Record<string, { ids: string[]; next: string | null }> = {
			'0': { ids: ['1', '2'], next: '/phoneNumbers?skip=2&top=2&api-version=2025-06-01' },
			'2': { ids: ['3'], next: '/phoneNumbers?skip=5&top=2&api-version=2025-06-01' },
			'5': { ids: ['6', '7'], next: null },
		};
		reply = (path) => {
			const skip = /[?&]skip=(\d+)/.exec(path)?.[1] ?? '0';
			asked.push(skip);
			const page = pages[skip] ?? { ids: [], next: null };
			return {
				status: 200,
				body: { phoneNumbers: page.ids.map((id) => ({ id })), nextLink: page.next },
			};
		};
		const items = await acsGetAllPages.call(context(), {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
			pageSize: 2,
		});
		expect(items.map((n: any) => n.id)).toEqual(['1', '2', '3', '6', '7']);
		expect(asked.sort()).toEqual(['0', '2', '4', '5']);
	});

	it('a page read ahead that failed is asked for again when it is needed; failing then, it fails the list', async () => {
		const failures: Record<string, number> = {};
		const run = async (failuresOfThirdPage: number) => {
			const asked: string[] = [];
			reply = (path) => {
				const skip = Number(/[?&]skip=(\d+)/.exec(path)?.[1] ?? 0);
				asked.push(String(skip));
				if (skip === 4 && (failures[skip] = (failures[skip] ?? 0) + 1) <= failuresOfThirdPage) {
					return { status: 400, body: { error: { code: 'BadRequest', message: 'Bad page' } } };
				}
				const ids = skip < 6 ? [String(skip + 1), String(skip + 2)] : [];
				const nextLink =
					skip < 4 ? `/phoneNumbers?skip=${skip + 2}&top=2&api-version=2025-06-01` : null;
				return { status: 200, body: { phoneNumbers: ids.map((id) => ({ id })), nextLink } };
			};
			const outcome = await caught(
				acsGetAllPages
					.call(context(), {
						method: 'GET',
						path: '/phoneNumbers',
						api: 'phoneNumbers',
						itemsField: 'phoneNumbers',
						pageSizeParam: 'top',
						pageSize: 2,
					})
					.then((items) => Promise.reject(Object.assign(new Error('no error'), { items }))),
			);
			return { outcome, asked };
		};
		const once = await run(1);
		expect(once.outcome.items.map((n: any) => n.id)).toEqual(['1', '2', '3', '4', '5', '6']);
		expect(once.asked.filter((skip) => skip === '4')).toHaveLength(2);
		failures[4] = 0;
		const twice = await run(2);
		expect(twice.outcome.message).toMatch(/Bad page/);
	});

	it('continuation-token next links are followed one at a time (nothing to read ahead)', async () => {
		let asked = 0;
		reply = (path) => {
			asked++;
			return decodeURIComponent(path).includes('$skipToken=b')
				? { status: 200, body: { phoneNumbers: [{ id: '2' }], nextLink: null } }
				: {
						status: 200,
						body: {
							phoneNumbers: [{ id: '1' }],
							nextLink: '/phoneNumbers?$skipToken=b&api-version=2025-06-01',
						},
					};
		};
		const items = await acsGetAllPages.call(context(), {
			method: 'GET',
			path: '/phoneNumbers',
			api: 'phoneNumbers',
			itemsField: 'phoneNumbers',
			pageSizeParam: 'top',
		});
		expect(items.map((n: any) => n.id)).toEqual(['1', '2']);
		expect(asked).toBe(2);
	});

	it('a nextLink to another host is refused', async () => {
		reply = () => ({
			status: 200,
			body: { phoneNumbers: [{ id: '1' }], nextLink: `${evilBase}/phoneNumbers?skip=1` },
		});
		const error = await caught(
			acsGetAllPages.call(context(), {
				method: 'GET',
				path: '/phoneNumbers',
				api: 'phoneNumbers',
				itemsField: 'phoneNumbers',
				pageSizeParam: 'top',
			}),
		);
		expect(error.message).toMatch(/Refused to follow a nextLink that points to another host/);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(evilHits).toBe(0);
	});

	it('an Operation-Location on another host is refused', async () => {
		reply = () => ({
			status: 202,
			headers: {
				'operation-location': `${evilBase}/phoneNumbers/operations/search_1?api-version=2025-06-01`,
				'operation-id': 'search_1',
			},
		});
		const ctx = context() as any;
		const handle = await startLongRunningOperation.call(ctx, {
			method: 'POST',
			path: '/availablePhoneNumbers/countries/US/:search',
			api: 'phoneNumbers',
			body: SEARCH_BODY,
		});
		const error = await caught(waitForOperation.call(ctx, handle, { timeoutSeconds: 5 }));
		expect(error.message).toMatch(/Refused to follow a Operation-Location/);
		expect(evilHits).toBe(0);
	});

	it('a resourceLocation / Location on another host is refused', async () => {
		reply = (path) =>
			path.includes('/operations/')
				? {
						status: 200,
						body: {
							id: 'search_1',
							operationType: 'search',
							status: 'succeeded',
							resourceLocation: `${evilBase}/availablePhoneNumbers/searchResults/1`,
						},
					}
				: {
						status: 202,
						headers: {
							'operation-location': '/phoneNumbers/operations/search_1?api-version=2025-06-01',
						},
					};
		const ctx = context() as any;
		const handle = await startLongRunningOperation.call(ctx, {
			method: 'POST',
			path: '/availablePhoneNumbers/countries/US/:search',
			api: 'phoneNumbers',
			body: SEARCH_BODY,
		});
		const error = await caught(waitForOperation.call(ctx, handle, { timeoutSeconds: 5 }));
		expect(error.message).toMatch(/Refused to follow a Location/);
		expect(evilHits).toBe(0);
	});

	it('an absolute request path to another host is refused by the transport', async () => {
		const error = await caught(
			acsGetAllPages.call(context(), {
				method: 'GET',
				path: `${evilBase}/phoneNumbers`,
				api: 'phoneNumbers',
				itemsField: 'phoneNumbers',
				pageSizeParam: 'top',
			}),
		);
		expect(error.message).toMatch(/Refused/);
		expect(evilHits).toBe(0);
	});
});
