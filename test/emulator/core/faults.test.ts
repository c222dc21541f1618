import { ControlClientError } from '../../../emulator/core/controlClient';
import { FaultTable } from '../../../emulator/core/faults';
import { createSeededRandom } from '../../../emulator/core/random';
import { withEmulator } from '../../support/emulator';
import { rawRequest } from './support/http';
import { sendWithAccessKey } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const emulator = withEmulator({ domains: [thingsDomain], tls: false, seed: 42 });
const get = () => sendWithAccessKey(emulator().accessKey, `${emulator().endpoint}things?${API}`);

describe('fault injection', () => {
	it('answers the next N matching requests with a status and Retry-After, then recovers', async () => {
		const emu = emulator();
		const fault = await emu.control.addFault({
			path: '^/things$',
			type: 'status',
			status: 429,
			retryAfter: 3,
			count: 2,
			code: 'TooManyRequests',
			message: 'Slow down.',
		});
		for (let i = 0; i < 2; i++) {
			const response = await get();
			expect(response.status).toBe(429);
			expect(response.headers['retry-after']).toBe('3');
			expect(response.json()).toEqual({
				error: { code: 'TooManyRequests', message: 'Slow down.' },
			});
		}
		expect((await get()).status).toBe(200);
		expect(await emu.control.listFaults()).toEqual([]);
		expect((await emu.control.requestLog()).map((entry) => entry.fault)).toEqual([
			fault.id,
			fault.id,
			undefined,
		]);
	});

	it('sends Retry-After as an HTTP date when asked, and a 503 without Retry-After by default', async () => {
		const emu = emulator();
		await emu.control.addFault({
			path: '^/things',
			type: 'status',
			retryAfter: 120,
			retryAfterAsDate: true,
			count: 1,
		});
		const dated = await get();
		expect(dated.status).toBe(503);
		const retryAt = Date.parse(dated.headers['retry-after']);
		expect(retryAt - Date.now()).toBeGreaterThan(100_000);
		expect(retryAt - Date.now()).toBeLessThan(125_000);
		await emu.control.addFault({ path: '^/things', type: 'status', count: 1 });
		const plain = await get();
		expect(plain.status).toBe(503);
		expect(plain.headers['retry-after']).toBeUndefined();
		expect(plain.json().error.code).toBe('ServiceUnavailable');
	});

	it('serves an HTML error page', async () => {
		const emu = emulator();
		await emu.control.addFault({ path: '^/things', type: 'html', count: 1 });
		const response = await rawRequest(emu.endpoint, { path: `/things?${API}` });
		expect(response.status).toBe(502);
		expect(response.headers['content-type']).toBe('text/html');
		expect(response.text).toMatch(/^<!DOCTYPE html>/);
	});

	it('answers with a redirect to the given location, and refuses a location without a redirect status or absolute URL', async () => {
		const emu = emulator();
		await emu.control.addFault({
			path: '^/things',
			type: 'status',
			status: 302,
			location: 'http://localhost:1/elsewhere',
			count: 1,
		});
		const response = await rawRequest(emu.endpoint, { path: `/things?${API}` });
		expect(response.status).toBe(302);
		expect(response.headers.location).toBe('http://localhost:1/elsewhere');
		expect((await get()).status).toBe(200);
		for (const spec of [
			{ path: '^/x', type: 'status' as const, location: 'http://localhost:1/' },
			{ path: '^/x', type: 'status' as const, status: 304, location: 'http://localhost:1/' },
			{ path: '^/x', type: 'html' as const, status: 302, location: 'http://localhost:1/' },
			{ path: '^/x', type: 'status' as const, status: 307, location: '/relative' },
			{ path: '^/x', type: 'status' as const, status: 307, location: 'ftp://localhost/' },
		]) {
			await expect(emu.control.addFault(spec)).rejects.toMatchObject({ status: 400 });
		}
	});

	it('resets the connection', async () => {
		const emu = emulator();
		await emu.control.addFault({ path: '^/things', type: 'reset', count: 1 });
		await expect(rawRequest(emu.endpoint, { path: `/things?${API}` })).rejects.toThrow(
			/socket hang up|ECONNRESET/,
		);
		expect((await get()).status).toBe(200);
	});

	it('delays a request and then handles it normally', async () => {
		const emu = emulator();
		await emu.control.addFault({ path: '^/things', type: 'delay', delayMs: 300, count: 1 });
		const started = Date.now();
		expect((await get()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('holds requests until the hold is removed, shows how many it holds, then handles them normally', async () => {
		const emu = emulator();
		const hold = await emu.control.addFault({ path: '^/things$', type: 'hold', count: 1 });
		const held = get();
		while ((await emu.control.listFaults())[0].hits === 0)
			await new Promise((resolve) => setTimeout(resolve, 10));
		// Past its count the hold lets requests through at once, and stays listed until removed.
		expect((await get()).status).toBe(200);
		expect((await emu.control.requestLog()).map((entry) => entry.fault)).toEqual([undefined]);
		expect(await emu.control.listFaults()).toEqual([
			expect.objectContaining({ id: hold.id, hits: 1 }),
		]);
		await emu.control.removeFault(hold.id);
		expect((await held).status).toBe(200);
		expect((await emu.control.requestLog()).map((entry) => entry.fault)).toEqual([
			undefined,
			hold.id,
		]);
	});

	it('a reset releases every held request', async () => {
		const emu = emulator();
		await emu.control.addFault({ path: '^/things$', type: 'hold' });
		const held = [get(), get()];
		while ((await emu.control.listFaults())[0].hits < 2)
			await new Promise((resolve) => setTimeout(resolve, 10));
		await emu.control.reset();
		expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200]);
	});

	it('matches the method and applies before auth', async () => {
		const emu = emulator();
		await emu.control.addFault({ method: 'POST', path: '^/things$', type: 'status', status: 500 });
		expect((await get()).status).toBe(200);
		const unsigned = await rawRequest(emu.endpoint, {
			method: 'POST',
			path: `/things?${API}`,
			body: '{}',
		});
		expect(unsigned.status).toBe(500);
		expect((await emu.control.listFaults())[0].hits).toBe(1);
		await emu.control.clearFaults();
		expect(
			(await rawRequest(emu.endpoint, { method: 'POST', path: `/things?${API}`, body: '{}' }))
				.status,
		).toBe(401);
	});

	it('hits a seeded ratio of requests, the same ones after a reset', async () => {
		const emu = emulator();
		const run = async () => {
			await emu.control.addFault({ path: '^/things', type: 'status', status: 503, ratio: 0.5 });
			const statuses: number[] = [];
			for (let i = 0; i < 30; i++) statuses.push((await get()).status);
			return statuses;
		};
		const first = await run();
		const failures = first.filter((status) => status === 503).length;
		expect(failures).toBeGreaterThan(5);
		expect(failures).toBeLessThan(25);
		await emu.control.reset();
		expect(await run()).toEqual(first);
	});

	it('lists, removes and validates faults', async () => {
		const emu = emulator();
		const a = await emu.control.addFault({ path: '^/a', type: 'status' });
		const b = await emu.control.addFault({ path: '^/b', type: 'reset' });
		expect((await emu.control.listFaults()).map((fault) => fault.id)).toEqual([a.id, b.id]);
		await emu.control.removeFault(a.id);
		expect((await emu.control.listFaults()).map((fault) => fault.id)).toEqual([b.id]);
		await expect(emu.control.addFault({ path: '(', type: 'status' })).rejects.toBeInstanceOf(
			ControlClientError,
		);
		await expect(
			emu.control.addFault({ path: '^/x', type: 'status', ratio: 2 }),
		).rejects.toMatchObject({ status: 400 });
	});

	it('decides a ratio fault per (seed, method, path, n-th match): another request order strikes the same requests', () => {
		const requests = Array.from({ length: 40 }, (_, i) => ({
			method: i % 3 === 0 ? 'POST' : 'GET',
			path: `/things/${i % 10}`,
		}));
		const struck = (order: typeof requests, seed: number) => {
			const table = new FaultTable(createSeededRandom(seed));
			table.add({ path: '^/things/', type: 'status', ratio: 0.3 });
			table.add({ method: 'GET', path: '^/things/[0-4]$', type: 'reset', ratio: 0.3 });
			const seen = new Map<string, number>();
			const hits: string[] = [];
			for (const { method, path } of order) {
				const key = `${method} ${path}`;
				const n = (seen.get(key) ?? 0) + 1;
				seen.set(key, n);
				const fault = table.take(method, path);
				if (fault) {
					expect(fault.match).toBe(n);
					hits.push(`${key} #${n} ${fault.id}`);
				}
			}
			return hits.sort();
		};
		const forward = struck(requests, 7);
		expect(forward.length).toBeGreaterThan(5);
		expect(forward.length).toBeLessThan(35);
		expect(struck([...requests].reverse(), 7)).toEqual(forward);
		const interleaved = [
			...requests.filter((_, i) => i % 2 === 1),
			...requests.filter((_, i) => i % 2 === 0),
		];
		expect(struck(interleaved, 7)).toEqual(forward);
		expect(struck(requests, 8)).not.toEqual(forward);
	});

	describe('the service acts after the client gave up', () => {
		const post = (name: string) =>
			sendWithAccessKey(emulator().accessKey, `${emulator().endpoint}things?${API}`, 'POST', {
				name,
			});
		const count = async () =>
			(await emulator().control.call<{ count: number }>('GET', '/_emulator/things/count')).count;

		it('a reset with processAfterMs: the client sees the reset, the request takes effect when the virtual clock gets there', async () => {
			const emu = emulator();
			const fault = await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'reset',
				processAfterMs: 6000,
				count: 1,
			});
			await expect(post('late')).rejects.toThrow(/socket hang up|ECONNRESET/);
			expect(await count()).toBe(0);
			await emu.control.advanceClock({ ms: 5000 });
			expect(await count()).toBe(0);
			await emu.control.advanceClock({ ms: 1000 });
			expect(await count()).toBe(1);
			const late = (await emu.control.requestLog()).filter((entry) => entry.late);
			expect(late).toEqual([
				expect.objectContaining({
					method: 'POST',
					path: '/things',
					status: 201,
					fault: fault.id,
					auth: 'hmac',
					late: true,
				}),
			]);
		});

		it('an unsigned request processed late is refused like any other (auth still applies)', async () => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'status',
				status: 500,
				processAfterMs: 1000,
				count: 1,
			});
			expect(
				(
					await rawRequest(emu.endpoint, {
						method: 'POST',
						path: `/things?${API}`,
						body: '{"name":"x"}',
					})
				).status,
			).toBe(500);
			await emu.control.advanceClock({ seconds: 1 });
			expect(await count()).toBe(0);
			expect(
				(await emu.control.requestLog()).filter((entry) => entry.late).map((entry) => entry.status),
			).toEqual([401]);
		});

		it('a 500 with processAfterMs 0: processed at once, the answer replaced by the error', async () => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'status',
				status: 500,
				code: 'InternalServerError',
				processAfterMs: 0,
				count: 1,
			});
			expect((await post('now')).status).toBe(500);
			expect(await count()).toBe(1);
			expect(
				(await emu.control.requestLog()).map(
					(entry) => `${entry.status}${entry.late ? ' late' : ''}`,
				),
			).toEqual(['201 late', '500']);
		});

		it('late requests run in time order, and before any request that arrives after their time', async () => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'reset',
				processAfterMs: 3000,
				count: 1,
			});
			await expect(post('second')).rejects.toThrow();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'reset',
				processAfterMs: 1000,
				count: 1,
			});
			await expect(post('first')).rejects.toThrow();
			await emu.control.setClock({ offsetMs: (await emu.control.getClock()).offsetMs + 5000 });
			const listed = (await get()).json().value.map((thing: { name: string }) => thing.name);
			expect(listed).toEqual(['first', 'second']);
		});

		it('on real time too: a request processed 300 ms late takes effect without any clock change', async () => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'reset',
				processAfterMs: 300,
				count: 1,
			});
			await expect(post('real')).rejects.toThrow();
			expect(await count()).toBe(0);
			for (let i = 0; i < 50 && (await count()) === 0; i++)
				await new Promise((resolve) => setTimeout(resolve, 20));
			expect(await count()).toBe(1);
		});

		it('a reset forgets the requests not processed yet', async () => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'POST',
				path: '^/things$',
				type: 'reset',
				processAfterMs: 2000,
				count: 1,
			});
			await expect(post('forgotten')).rejects.toThrow();
			await emu.control.reset();
			await emu.control.advanceClock({ seconds: 3 });
			expect(await count()).toBe(0);
			expect(await emu.control.requestLog()).toEqual([]);
		});

		it('refuses processAfterMs on a delay fault and out of range, and forMs out of range', async () => {
			const emu = emulator();
			await expect(
				emu.control.addFault({ path: '^/x', type: 'delay', delayMs: 1, processAfterMs: 10 }),
			).rejects.toMatchObject({ status: 400 });
			await expect(
				emu.control.addFault({ path: '^/x', type: 'reset', processAfterMs: 600_001 }),
			).rejects.toMatchObject({ status: 400 });
			await expect(
				emu.control.addFault({ path: '^/x', type: 'reset', processAfterMs: '5' as never }),
			).rejects.toMatchObject({ status: 400 });
			await expect(
				emu.control.addFault({ path: '^/x', type: 'status', forMs: 0 }),
			).rejects.toMatchObject({ status: 400 });
		});
	});

	describe('forMs: a method and path struck once stays struck for a while', () => {
		it('a lagging resource: 404 for forMs after the first request to it, then visible for good; other paths unaffected', async () => {
			const emu = emulator();
			const created = (
				await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`, 'POST', {
					name: 'a',
				})
			).json();
			await emu.control.addFault({
				method: 'PATCH',
				path: '^/things/',
				type: 'status',
				status: 404,
				code: 'NotFound',
				message: 'Not visible yet.',
				forMs: 4000,
			});
			const patch = (id: string) =>
				sendWithAccessKey(
					emu.accessKey,
					`${emu.endpoint}things/${id}?${API}`,
					'PATCH',
					{ name: 'b' },
					'application/merge-patch+json',
				);
			expect((await patch(created.id)).status).toBe(404);
			await emu.control.advanceClock({ ms: 3900 });
			expect((await patch(created.id)).json()).toEqual({
				error: { code: 'NotFound', message: 'Not visible yet.' },
			});
			await emu.control.advanceClock({ ms: 100 });
			expect((await patch(created.id)).status).toBe(200);
			await emu.control.advanceClock({ ms: 10_000 });
			expect((await patch(created.id)).status).toBe(200);
			expect((await get()).status).toBe(200);
		});

		it('decides each path on its first request (ratio), and count caps how many paths it strikes', () => {
			const table = new FaultTable(createSeededRandom(3));
			table.add({ path: '^/ops/', type: 'status', status: 500, forMs: 1000, ratio: 0.5, count: 3 });
			const struck = new Set<string>();
			for (let i = 0; i < 20; i++) if (table.take('GET', `/ops/${i}`, 0)) struck.add(`/ops/${i}`);
			expect(struck.size).toBe(3);
			for (const path of struck) {
				expect(table.take('GET', path, 999)).toBeDefined();
				expect(table.take('GET', path, 1000)).toBeUndefined();
				expect(table.take('GET', path, 60_000)).toBeUndefined();
			}
			for (let i = 0; i < 20; i++)
				if (!struck.has(`/ops/${i}`)) expect(table.take('GET', `/ops/${i}`, 10)).toBeUndefined();
			expect(table.list()).toHaveLength(1);
		});
	});
});
