/**
 * Replayable seeds: a seeded fault plan strikes the same (method, path, n-th match) whatever order
 * concurrent requests arrive in. The same requests are sent twice against one seed, in two different
 * interleavings, and the struck requests are compared: from the client's answers and from the request log.
 */
import type { RunningEmulator } from '../../emulator';
import type { FaultSpec } from '../../emulator/core/faults';
import { withEmulator } from '../support/emulator';
import { reportFigures } from './support/figures';
import { reliabilitySeed, seededRandom } from './support/seed';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('replayableFaults');
const emulator = withEmulator({ seed });
const scan = new SecretScan();

const PLAN: FaultSpec[] = [
	{
		method: 'GET',
		path: '^/phoneNumbers/',
		type: 'status',
		status: 503,
		code: 'ReplayProbe',
		ratio: 0.2,
	},
	{ path: '^/phoneNumbers/', type: 'status', status: 500, code: 'ReplayProbe', ratio: 0.15 },
	{ method: 'GET', path: '^/operatorInformation', type: 'html', ratio: 0.25 },
];
const NUMBERS = Array.from({ length: 12 }, (_, i) => `+1425555${String(1000 + i)}`);
const REPEATS = 3;

/** Every request of one path runs in sequence (so its n-th request is known); paths run concurrently. */
interface Lane {
	method: string;
	path: string;
	query: string;
}
const LANES: Lane[] = [
	...NUMBERS.map((n) => ({
		method: 'GET',
		path: `/phoneNumbers/${encodeURIComponent(n)}`,
		query: 'api-version=2025-06-01',
	})),
	...NUMBERS.slice(0, 6).map((n) => ({
		method: 'DELETE',
		path: `/phoneNumbers/${encodeURIComponent(n)}`,
		query: 'api-version=2025-06-01',
	})),
	{ method: 'GET', path: '/operatorInformation/:search', query: 'api-version=2025-06-01' },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runPlan(
	emu: RunningEmulator,
	order: Lane[],
	jitter: () => number,
): Promise<{ client: string[]; logged: string[] }> {
	await emu.control.reset();
	// Fault ids keep counting after a reset: name each fault by its place in the plan.
	const planIndex = new Map<string, number>();
	for (const [index, fault] of PLAN.entries())
		planIndex.set((await emu.control.addFault(fault)).id, index);
	const client: string[] = [];
	await Promise.all(
		order.map(async (lane) => {
			for (let n = 1; n <= REPEATS; n++) {
				await pause(Math.floor(jitter() * 15));
				const answer = await signedRequest(emu, lane.method, `${lane.path}?${lane.query}`);
				scan.collect(`${lane.method} ${lane.path}`, answer.text);
				if (answer.json?.error?.code === 'ReplayProbe' || /<html/i.test(answer.text))
					client.push(`${lane.method} ${lane.path} #${n}`);
			}
		}),
	);
	// Within a lane requests are sequential, so the log's order of one lane's entries is its n-th order.
	const counts = new Map<string, number>();
	const logged: string[] = [];
	for (const entry of await emu.control.requestLog()) {
		const key = `${entry.method} ${entry.path}`;
		const n = (counts.get(key) ?? 0) + 1;
		counts.set(key, n);
		const fault = (entry as { fault?: string }).fault;
		if (fault) logged.push(`${key} #${n} plan[${planIndex.get(fault)}]`);
	}
	return { client: client.sort(), logged: logged.sort() };
}

it('strikes the same (method, path, n-th match) in two different interleavings of the same requests', async () => {
	const emu = emulator();
	const random = seededRandom(seed);
	const first = await runPlan(emu, LANES, random);
	const reversed = [...LANES].reverse();
	const second = await runPlan(
		emu,
		[...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)],
		() => random() * 2,
	);
	const total = LANES.length * REPEATS;
	reportFigures('replayableFaults', {
		seed,
		requests: total,
		struck: first.client.length,
		sameInBothRuns: first.client.filter((x) => second.client.includes(x)).length,
	});

	expect(first.client.length).toBeGreaterThan(0);
	expect(first.client.length).toBeLessThan(total);
	expect(first.logged).toHaveLength(first.client.length);
	expect(second.client).toEqual(first.client);
	expect(second.logged).toEqual(first.logged);
});

it('a different seed strikes other requests (the seed is what selects them)', async () => {
	const emu = emulator();
	const { startEmulator } = await import('../../emulator');
	const other = await startEmulator({ seed: (seed + 1) % 2 ** 31, port: 0 });
	try {
		const mine = await runPlan(emu, LANES, () => 0);
		const theirs = await runPlan(other, LANES, () => 0);
		expect(theirs.client).not.toEqual(mine.client);
	} finally {
		await other.stop();
	}
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});
