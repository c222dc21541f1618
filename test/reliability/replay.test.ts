/**
 * Replay: a real signed request is captured off the wire (a proxy between the node and the emulator)
 * and sent again raw. The emulator must refuse it when its date is more than 15 minutes from the server's time
 * or when anything it signs (body, path, query, method, host) was changed. "Later" is simulated by moving the
 * process clock (only Date; the emulator runs in this process, so its real-time and virtual clocks both move).
 */
import { createHash } from 'node:crypto';
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { runSip, type Auth } from './support/nodes';
import { SecretScan } from './support/secrets';
import {
	replay,
	startRewritingProxy,
	type CapturedRequest,
	type RewritingProxy,
} from './support/servers';

const seed = reliabilitySeed('replay');
const emulator = withEmulator({ seed });
const scan = new SecretScan();
let proxy: RewritingProxy;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint);
});
afterAll(async () => {
	await proxy.close();
});
afterEach(() => {
	jest.useRealTimers();
});

const ONLY_DATE: Parameters<typeof jest.useFakeTimers>[0] = {
	advanceTimers: true,
	doNotFake: [
		'hrtime',
		'nextTick',
		'performance',
		'queueMicrotask',
		'requestAnimationFrame',
		'cancelAnimationFrame',
		'requestIdleCallback',
		'cancelIdleCallback',
		'setImmediate',
		'clearImmediate',
		'setInterval',
		'clearInterval',
		'setTimeout',
		'clearTimeout',
	],
};

function moveClock(minutes: number): void {
	jest.useFakeTimers({ ...ONLY_DATE, now: Date.now() + minutes * 60_000 });
}

/** Creates a trunk through the node (via the proxy) and returns the PATCH it sent, as captured. */
async function capturePatch(auth: Auth, port = 5061): Promise<CapturedRequest> {
	proxy.requests.length = 0;
	const result = await runSip(
		emulator(),
		{
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: port,
		},
		{ auth, endpoint: proxy.endpoint },
	);
	scan.collectRun(`capture ${auth}`, result);
	expect(result.error).toBeUndefined();
	const patch = proxy.requests.find((request) => request.method === 'PATCH');
	if (!patch) throw new Error('no PATCH was captured');
	return patch;
}

async function storedPort(): Promise<unknown> {
	const result = await runSip(emulator(), { resource: 'configuration', operation: 'get' });
	return JSON.stringify(result.items.map((item) => item.json)).match(
		/"sipSignalingPort":(\d+)/,
	)?.[1];
}

const changedBody = (captured: CapturedRequest) =>
	Buffer.from(captured.body.toString('utf8').replace('5061', '5069'));
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('base64');

describe('HMAC: a captured signed request', () => {
	it('is accepted when replayed at once, unchanged (the capture is a valid signed request)', async () => {
		const captured = await capturePatch('connectionString');
		expect(captured.headers.authorization).toMatch(/^HMAC-SHA256 /);
		expect((await replay(emulator().endpoint, captured)).status).toBe(200);
	});

	it('is still accepted 14 minutes later (inside the 15-minute window)', async () => {
		const captured = await capturePatch('connectionString');
		moveClock(14);
		expect((await replay(emulator().endpoint, captured)).status).toBe(200);
	});

	it.each([16, 60, -16])('is refused %i minutes later, and changes nothing', async (minutes) => {
		const captured = await capturePatch('connectionString');
		await runSip(emulator(), {
			resource: 'trunk',
			operation: 'createOrUpdate',
			fqdn: 'sbc1.contoso.com',
			sipSignalingPort: 5070,
		});
		moveClock(minutes);
		const answer = await replay(emulator().endpoint, captured);
		jest.useRealTimers();
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'Denied' } });
		expect(await storedPort()).toBe('5070');
	});

	const tampering: Array<[string, (c: CapturedRequest) => Parameters<typeof replay>[2]]> = [
		['the body changed (same length)', (c) => ({ body: changedBody(c) })],
		[
			'the body changed and its content hash recomputed',
			(c) => ({ body: changedBody(c), headers: { 'x-ms-content-sha256': sha256(changedBody(c)) } }),
		],
		['the body emptied', () => ({ body: Buffer.alloc(0) })],
		[
			'the query changed (api-version)',
			(c) => ({ url: c.url.replace(/api-version=[^&]+/, 'api-version=2024-11-15-preview') }),
		],
		['a query parameter added', (c) => ({ url: `${c.url}&x=1` })],
		['the method changed', () => ({ method: 'PUT' })],
		[
			'the Host header changed',
			(c) => ({ headers: { host: String(c.headers.host).replace('127.0.0.1', 'localhost') } }),
		],
		[
			'the date moved a minute without re-signing',
			(c) => ({
				headers: {
					'x-ms-date': new Date(Date.parse(String(c.headers['x-ms-date'])) + 60_000).toUTCString(),
				},
			}),
		],
		[
			'the signature of another request',
			() => ({
				headers: {
					authorization:
						'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
				},
			}),
		],
	];
	it.each(tampering)('is refused with %s, and changes nothing', async (_, tamper) => {
		const captured = await capturePatch('connectionString');
		const answer = await replay(emulator().endpoint, captured, tamper(captured));
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'Denied' } });
		expect(await storedPort()).toBe('5061');
	});

	it('names the content hash when the body was changed (the live message)', async () => {
		const captured = await capturePatch('connectionString');
		const answer = await replay(emulator().endpoint, captured, { body: changedBody(captured) });
		expect(JSON.parse(answer.body).error.message).toBe(
			"Request 'x-ms-content-sha256' differs from generated content hash.",
		);
	});
});

describe('Bearer: a captured Entra request', () => {
	it('is refused with a changed token, and once the token expired', async () => {
		const captured = await capturePatch('entraId');
		const authorization = String(captured.headers.authorization);
		expect(authorization).toMatch(/^Bearer /);
		expect((await replay(emulator().endpoint, captured)).status).toBe(200);

		const last = authorization.at(-2) === 'A' ? 'B' : 'A';
		const forged = `${authorization.slice(0, -2)}${last}${authorization.at(-1)}`;
		expect(
			(await replay(emulator().endpoint, captured, { headers: { authorization: forged } })).status,
		).toBe(401);

		moveClock(61);
		const late = await replay(emulator().endpoint, captured);
		jest.useRealTimers();
		expect(late.status).toBe(401);
		expect(JSON.parse(late.body).error.message).toMatch(/expired/);
	});
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	for (const request of proxy.requests) {
		const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''));
		if (bearer) scan.addSecret('Entra access token', bearer[1]);
	}
	expect(await scan.scan([emulator()])).toEqual([]);
});
