import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { sendWithAccessKey } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const accessKey = Buffer.alloc(32, 9).toString('base64');
let dir: string;
let running: RunningEmulator | undefined;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'acs-emu-state-'));
});
afterEach(async () => {
	await running?.stop();
	running = undefined;
	rmSync(dir, { recursive: true, force: true });
});

const start = async (statePath: string, seed?: number) => {
	running = await startEmulator({
		port: 0,
		tls: false,
		domains: [thingsDomain],
		statePath,
		accessKey,
		seed,
	});
	return running;
};
const names = async (emu: { endpoint: string }) =>
	(await sendWithAccessKey(accessKey, `${emu.endpoint}things?${API}`))
		.json()
		.value.map((thing: { name: string }) => thing.name);

describe('state persistence', () => {
	it('keeps state, seed and clock offset across a restart', async () => {
		const statePath = join(dir, 'state.json');
		const first = await start(statePath, 77);
		expect(
			(
				await sendWithAccessKey(accessKey, `${first.endpoint}things?${API}`, 'POST', {
					name: 'kept',
				})
			).status,
		).toBe(201);
		await first.control.advanceClock({ minutes: 30 });
		await first.stop();
		running = undefined;

		const second = await start(statePath);
		expect(second.seed).toBe(77);
		expect(await names(second)).toEqual(['kept']);
		expect((await second.control.getClock()).offsetMs).toBeGreaterThanOrEqual(30 * 60_000);
		expect(readdirSync(dir)).toEqual(['state.json']);
	});

	it('keeps state in memory only without a state file', async () => {
		const first = await startEmulator({ port: 0, tls: false, domains: [thingsDomain], accessKey });
		await sendWithAccessKey(accessKey, `${first.endpoint}things?${API}`, 'POST', { name: 'gone' });
		await first.stop();
		running = await startEmulator({ port: 0, tls: false, domains: [thingsDomain], accessKey });
		expect(await names(running)).toEqual([]);
	});

	it('loses no acknowledged change when the process dies between temp write and rename', async () => {
		const statePath = join(dir, 'state.json');
		const child = spawn(
			process.execPath,
			['--import', 'tsx', join(__dirname, 'support', 'crashingEmulator.ts')],
			{
				env: { ...process.env, STATE_PATH: statePath, ACCESS_KEY: accessKey, CRASH_ON_WRITE: '3' },
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		const exited = new Promise<NodeJS.Signals | null>((resolve) =>
			child.on('exit', (_code, signal) => resolve(signal)),
		);
		const endpoint = await new Promise<string>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) =>
				resolve(JSON.parse(chunk.toString('utf8')).endpoint),
			);
			child.on('exit', () => reject(new Error('the child emulator exited before it started')));
		});
		// write 1 and 2 commit; write 3 dies before its rename, so its request is never acknowledged.
		for (const name of ['one', 'two'])
			expect(
				(await sendWithAccessKey(accessKey, `${endpoint}things?${API}`, 'POST', { name })).status,
			).toBe(201);
		await expect(
			sendWithAccessKey(accessKey, `${endpoint}things?${API}`, 'POST', { name: 'three' }),
		).rejects.toThrow();
		expect(await exited).toBe('SIGKILL');
		expect(readdirSync(dir).some((file) => file.endsWith('.tmp'))).toBe(true);
		expect(JSON.parse(readFileSync(statePath, 'utf8')).format).toBe(1);

		const restarted = await start(statePath);
		expect(await names(restarted)).toEqual(['one', 'two']);
		expect(
			(
				await sendWithAccessKey(accessKey, `${restarted.endpoint}things?${API}`, 'POST', {
					name: 'four',
				})
			).status,
		).toBe(201);
		expect(await names(restarted)).toEqual(['one', 'two', 'four']);
		expect(readdirSync(dir)).toEqual(['state.json']);
	}, 30_000);
});
