/**
 * Measures requests/second over loopback (keep-alive, 16 in flight, DURATION_MS each, default 5 s; client in this process):
 *   npx tsx test/emulator/core/support/measureThroughput.ts
 * HMAC-signed ACS GETs (signed by the client, verified by the emulator) of a purchased number (20,000 seeded) and of the
 * country list, then a control-API GET. The client signs once per path and second (x-ms-date has one-second resolution),
 * so the numbers measure the emulator rather than the client's signing.
 * On a shared, loaded machine wall-clock requests/s swing with the other jobs; the CPU time per request (this
 * process: emulator + client) is steadier, and 1e6 / that = the requests/s one free core would serve.
 */
import { Agent, request } from 'node:http';
import { startEmulator } from '../../../../emulator';
import { signedHeaders } from './http';

const DURATION_MS = Number(process.env.DURATION_MS ?? 5000);
const IN_FLIGHT = 16;

async function measure(
	label: string,
	endpoint: string,
	paths: string[],
	headersFor: (path: string) => Record<string, string>,
): Promise<number> {
	const url = new URL(endpoint);
	const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
	let done = 0;
	let failed = 0;
	let next = 0;
	const deadline = Date.now() + DURATION_MS;
	const one = () =>
		new Promise<void>((resolve) => {
			const path = paths[next++ % paths.length];
			const req = request(
				{ host: url.hostname, port: url.port, path, headers: headersFor(path), agent },
				(res) => {
					res.resume();
					res.on('end', () => {
						if (res.statusCode === 200) done++;
						else failed++;
						resolve();
					});
				},
			);
			req.on('error', () => {
				failed++;
				resolve();
			});
			req.end();
		});
	const worker = async () => {
		while (Date.now() < deadline) await one();
	};
	const started = Date.now();
	const cpuBefore = process.cpuUsage();
	await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
	const cpu = process.cpuUsage(cpuBefore);
	const seconds = (Date.now() - started) / 1000;
	agent.destroy();
	const perSecond = Math.round(done / seconds);
	const cpuMicrosPerRequest = (cpu.user + cpu.system) / Math.max(1, done + failed);
	console.log(
		`${label}: ${perSecond} requests/s (${done} ok, ${failed} failed, ${seconds.toFixed(1)} s); ` +
			`${cpuMicrosPerRequest.toFixed(0)} µs CPU per request = ${Math.round(1e6 / cpuMicrosPerRequest)} requests/s per free core`,
	);
	return perSecond;
}

/** Signed headers per path, re-signed when the second changes. */
function signer(host: string, accessKey: string): (path: string) => Record<string, string> {
	const cache = new Map<string, { second: number; headers: Record<string, string> }>();
	return (path) => {
		const second = Math.floor(Date.now() / 1000);
		const cached = cache.get(path);
		if (cached?.second === second) return cached.headers;
		const headers = signedHeaders({
			method: 'GET',
			pathAndQuery: path,
			host,
			accessKey,
			date: new Date(second * 1000),
		});
		cache.set(path, { second, headers });
		return headers;
	};
}

async function main(): Promise<void> {
	const emu = await startEmulator({ port: 0, tls: false, seed: 1 });
	const seeded = await emu.control.call<{ phoneNumbers: string[] }>(
		'POST',
		'/_emulator/phoneNumbers/seed',
		{ count: 20_000 },
	);
	const sign = signer(new URL(emu.endpoint).host, emu.accessKey);
	const numberPaths = seeded.phoneNumbers
		.slice(0, 1000)
		.map((number) => `/phoneNumbers/${encodeURIComponent(number)}?api-version=2025-06-01`);
	await measure('signed GET /phoneNumbers/{number}', emu.endpoint, numberPaths, sign);
	await measure(
		'signed GET /availablePhoneNumbers/countries',
		emu.endpoint,
		['/availablePhoneNumbers/countries?api-version=2025-06-01'],
		sign,
	);
	await measure('control GET /_emulator/clock', emu.endpoint, ['/_emulator/clock'], () => ({}));
	await emu.stop();
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
