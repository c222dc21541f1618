import { withEmulator } from '../../support/emulator';
import { hostOf, rawRequest, signedHeaders } from './support/http';
import { sendWithAccessKey } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const emulator = withEmulator({ domains: [thingsDomain], tls: false, seed: 5 });

describe('virtual clock', () => {
	it('advances and sets the time the domains see', async () => {
		const emu = emulator();
		const before = await emu.control.getClock();
		expect(before.offsetMs).toBe(0);
		const advanced = await emu.control.advanceClock({ minutes: 16 });
		expect(advanced.offsetMs).toBe(16 * 60_000);
		const seen = (await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`)).json()
			.now;
		expect(Date.parse(seen) - Date.now()).toBeGreaterThan(15 * 60_000);

		const set = await emu.control.setClock({ now: '2030-01-01T00:00:00.000Z' });
		expect(Math.abs(Date.parse(set.now) - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(1000);
		const created = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`, 'POST', {
			name: 'x',
		});
		expect(created.json().createdAt.startsWith('2030-01-01T00:00')).toBe(true);
		await expect(emu.control.advanceClock({ seconds: -5 })).rejects.toMatchObject({ status: 400 });
	});

	it('stamps the Date header of every reply with the virtual clock', async () => {
		const emu = emulator();
		const offsetMs = 16 * 60_000;
		await emu.control.advanceClock({ ms: offsetMs });
		// The header has whole seconds: allow the truncation and the time the request takes.
		const expectVirtualDate = (headers: Record<string, unknown>) => {
			const sent = Date.parse(String(headers.date));
			expect(Math.abs(sent - (Date.now() + offsetMs))).toBeLessThan(3000);
		};
		const signed = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`);
		expect(signed.status).toBe(200);
		expectVirtualDate(signed.headers);
		const refused = await rawRequest(emu.endpoint, { path: `/things?${API}` });
		expect(refused.status).toBe(401);
		expectVirtualDate(refused.headers);
		const controlReply = await rawRequest(emu.endpoint, { path: '/_emulator/clock' });
		expectVirtualDate(controlReply.headers);
		await emu.control.setClock({ offsetMs: 0 });
		const realAgain = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`);
		expect(Math.abs(Date.parse(realAgain.headers.date) - Date.now())).toBeLessThan(3000);
	});

	it('is back at real time after a reset, with fresh domain state', async () => {
		const emu = emulator();
		await emu.control.advanceClock({ seconds: 100 });
		await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`, 'POST', { name: 'x' });
		expect(await emu.control.call('GET', '/_emulator/things/count')).toEqual({ count: 1 });
		const reset = await emu.control.reset();
		expect(reset.offsetMs).toBe(0);
		expect(await emu.control.call('GET', '/_emulator/things/count')).toEqual({ count: 0 });
	});
});

describe('ACS request handling', () => {
	it('requires api-version on ACS routes with a 400 ACS error', async () => {
		const emu = emulator();
		const response = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things`);
		expect(response.status).toBe(400);
		expect(response.json().error.code).toBe('MissingApiVersionParameter');
	});

	it('answers with live-like headers', async () => {
		const emu = emulator();
		const response = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`);
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(response.headers['ms-cv']).toMatch(/^[A-Za-z0-9_-]{22}\.0$/);
		expect(response.headers['x-processing-time']).toMatch(/^\d+ms$/);
		expect(response.headers['api-supported-versions']).toBe('2099-01-01, 2099-02-01-preview');
	});

	it('refuses a body that is not JSON', async () => {
		const emu = emulator();
		const body = 'name=not-json';
		const headers = signedHeaders({
			method: 'POST',
			pathAndQuery: `/things?${API}`,
			host: hostOf(emu.endpoint),
			body,
			accessKey: emu.accessKey,
		});
		const response = await rawRequest(emu.endpoint, {
			method: 'POST',
			path: `/things?${API}`,
			headers,
			body,
		});
		expect(response.status).toBe(400);
		expect(response.json().error.code).toBe('BadRequest');
		const notJson = await rawRequest(emu.endpoint, {
			method: 'POST',
			path: '/_emulator/faults',
			headers: { 'content-type': 'application/json' },
			body: '{oops',
		});
		expect(notJson.status).toBe(400);
	});

	it('exposes info without secrets and 404s unknown control routes', async () => {
		const emu = emulator();
		const info = await emu.control.info();
		expect(info).toMatchObject({
			endpoint: emu.endpoint,
			seed: 5,
			domains: ['things'],
			persistent: false,
		});
		expect(JSON.stringify(info)).not.toContain(emu.accessKey);
		await expect(emu.control.call('GET', '/_emulator/nothing')).rejects.toMatchObject({
			status: 404,
		});
	});
});
