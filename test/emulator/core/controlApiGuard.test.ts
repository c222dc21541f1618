/**
 * The control API against web pages open in the user's browser: only requests addressed to a loopback name on the
 * emulator's port (no DNS rebinding), from no other origin, and state changes only as application/json (which no
 * cross-site "simple request" can send) are served. Refusals are 403 and change nothing.
 */
import { connect } from 'node:net';
import { text } from 'node:stream/consumers';
import { withEmulator } from '../../support/emulator';
import { rawRequest } from './support/http';

const emulator = withEmulator({ seed: 3 });

const port = () => new URL(emulator().endpoint).port;
const control = (method: string, path: string, headers: Record<string, string>, body?: string) =>
	rawRequest(emulator().endpoint, { method, path, headers, body });
const JSON_TYPE = { 'content-type': 'application/json' };

async function expectNothingChanged(): Promise<void> {
	expect(await emulator().control.listFaults()).toEqual([]);
	expect((await emulator().control.getClock()).offsetMs).toBe(0);
}

describe('Host header', () => {
	it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])(
		'serves %s with the emulator port',
		async (name) => {
			const reply = await control('GET', '/_emulator/clock', { host: `${name}:${port()}` });
			expect(reply.status).toBe(200);
		},
	);

	it.each([
		['a rebound name', 'attacker.example:PORT'],
		['a rebound name without port', 'attacker.example'],
		['a loopback name on another port', 'localhost:1'],
		['a loopback name without the port', 'localhost'],
		['a name that starts like localhost', 'localhost.attacker.example:PORT'],
		['the emulator bind address with junk', '127.0.0.1:PORT@attacker.example'],
	])('refuses %s with 403, also for reads', async (_case, host) => {
		const reply = await control('GET', '/_emulator/state', { host: host.replace('PORT', port()) });
		expect(reply.status).toBe(403);
		expect(reply.json().error.message).toMatch(
			/Host header .* localhost, 127\.0\.0\.1 or \[::1\] on port \d+/,
		);
		expect(reply.text).not.toContain('"domains"');
	});

	it('refuses a request without Host (HTTP/1.0)', async () => {
		const body = '{"minutes":5}';
		const head = `POST /_emulator/clock/advance HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
		const socket = connect(Number(port()), '127.0.0.1');
		socket.end(head + body);
		const answer = (await text(socket)).split('\r\n', 1)[0];
		expect(answer).toMatch(/^HTTP\/1\.[01] 403 /);
		await expectNothingChanged();
	});
});

describe('cross-site browser requests', () => {
	it.each([
		['another site', 'https://attacker.example'],
		['an opaque origin', 'null'],
		['the emulator on another port', 'http://127.0.0.1:1'],
		['the emulator under https', 'https://127.0.0.1:PORT'],
	])('refuses an Origin of %s with 403', async (_case, origin) => {
		const headers = {
			host: `127.0.0.1:${port()}`,
			origin: origin.replace('PORT', port()),
			...JSON_TYPE,
		};
		const reply = await control(
			'POST',
			'/_emulator/faults',
			headers,
			'{"type":"status","path":"^/"}',
		);
		expect(reply.status).toBe(403);
		expect(reply.json().error.message).toMatch(/Origin .* not the emulator's own/);
		await expectNothingChanged();
	});

	it("serves the emulator's own origin", async () => {
		const reply = await control(
			'POST',
			'/_emulator/clock/advance',
			{ host: `localhost:${port()}`, origin: `http://localhost:${port()}`, ...JSON_TYPE },
			'{"seconds":1}',
		);
		expect(reply.status).toBe(200);
	});

	it.each([
		['text/plain', { 'content-type': 'text/plain' }],
		['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
		['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
		['no content type', {}],
		['JSON-looking text', { 'content-type': 'text/plain; application/json' }],
	])(
		'refuses a state change sent as %s with 403 (a simple request needs no preflight)',
		async (_case, type) => {
			for (const [method, path, body] of [
				['POST', '/_emulator/faults', '{"type":"status","path":"^/"}'],
				['POST', '/_emulator/clock/advance', '{"minutes":5}'],
				['POST', '/_emulator/reset', undefined],
			] as const) {
				const reply = await control(method, path, { host: `127.0.0.1:${port()}`, ...type }, body);
				expect([path, reply.status]).toEqual([path, 403]);
				expect(reply.json().error.message).toMatch(/Content-Type: application\/json/);
			}
			await expectNothingChanged();
		},
	);

	it('serves state changes sent as application/json (charset allowed)', async () => {
		const reply = await control(
			'POST',
			'/_emulator/clock/advance',
			{ host: `127.0.0.1:${port()}`, 'content-type': 'Application/JSON; charset=utf-8' },
			'{"seconds":2}',
		);
		expect(reply.status).toBe(200);
		expect((await emulator().control.getClock()).offsetMs).toBe(2000);
	});
});

it('our own client still reaches every kind of route (read, change without body, change with body, delete)', async () => {
	const client = emulator().control;
	await client.addFault({ path: '^/nothing$', type: 'status', status: 503 });
	expect(await client.listFaults()).toHaveLength(1);
	await client.clearFaults();
	await client.advanceClock({ seconds: 1 });
	expect((await client.reset()).reset).toBe(true);
	await client.clearRequestLog();
});
