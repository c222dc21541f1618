/** LRO starts by method (DELETE/PATCH retried, POST not), the Wait for Completion deadline, and the polling cadence. */
import { startLongRunningOperation, waitForOperation } from '../../nodes/shared/transport';
import { finishTimes, learningKindOf } from '../../nodes/shared/transport/lro';
import { requestLogWhen, withEmulator } from '../support/emulator';
import { caught, hmacContext, startSearch } from './support/transportHarness';

const emulator = withEmulator();

const setLro = (emu: any, plan: Record<string, unknown>) =>
	emu.control.call('PUT', '/_emulator/phoneNumbers/lro', plan);
const log = async (emu: any) =>
	((await emu.control.requestLog()) as any[]).map(
		(e) => `${e.method} ${e.path.split('?')[0]} ${e.status}`,
	);

async function ownedNumber(emu: any): Promise<string> {
	const seeded = await emu.control.call('POST', '/_emulator/phoneNumbers/seed', { count: 1 });
	return seeded.phoneNumbers[0] as string;
}

const release = (context: any, phoneNumber: string, timeoutMs?: number) =>
	startLongRunningOperation.call(context, {
		method: 'DELETE',
		path: `/phoneNumbers/${encodeURIComponent(phoneNumber)}`,
		api: 'phoneNumbers',
		timeoutMs,
		retry: { baseDelayMs: 500 },
	});

describe('LRO starts are retried by method', () => {
	it('a Release (DELETE) start answered 503 is sent again and the number is released', async () => {
		const emu = emulator();
		const number = await ownedNumber(emu);
		await setLro(emu, { operationType: 'releasePhoneNumber', notStartedMs: 0, runningMs: 0 });
		await emu.control.addFault({
			method: 'DELETE',
			path: '^/phoneNumbers/',
			type: 'status',
			status: 503,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const handle = await release(context, number);
		const outcome = await waitForOperation.call(context, handle, {
			timeoutSeconds: 10,
			skipResult: true,
		});
		expect(outcome.operation.status).toBe('succeeded');
		expect(
			(await log(emu))
				.filter((line) => line.startsWith('DELETE'))
				.map((line) => line.split(' ')[2]),
		).toEqual(['503', '202']);
	});

	it('an Update Capabilities (PATCH) start hit by a reset is sent again', async () => {
		const emu = emulator();
		const number = await ownedNumber(emu);
		await emu.control.addFault({
			method: 'PATCH',
			path: '/capabilities$',
			type: 'reset',
			count: 1,
		});
		const { context } = hmacContext(emu);
		const handle = await startLongRunningOperation.call(context, {
			method: 'PATCH',
			path: `/phoneNumbers/${encodeURIComponent(number)}/capabilities`,
			api: 'phoneNumbers',
			body: { calling: 'inbound' },
			contentType: 'application/merge-patch+json',
		});
		expect(handle.operationId).toMatch(/^capabilities_/);
		expect((await log(emu)).filter((line) => line.startsWith('PATCH'))).toHaveLength(2);
	});

	it('a POST start answered 503 is not sent again and is reported as ambiguous', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'POST',
			path: ':search$',
			type: 'status',
			status: 503,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const error = await caught(startSearch(context));
		expect(error.context.acs.ambiguous).toBe(true);
		expect((await log(emu)).filter((line) => line.startsWith('POST'))).toEqual([
			'POST /availablePhoneNumbers/countries/US/:search 503',
		]);
	});

	it('a Release whose first attempt was processed but timed out, answered 404 on the resend, says it is already gone', async () => {
		const emu = emulator();
		const number = await ownedNumber(emu);
		await setLro(emu, { operationType: 'releasePhoneNumber', notStartedMs: 0, runningMs: 0 });
		// The first DELETE is handled 400 ms late (after the client gave up at 250 ms); the release finishes at once.
		await emu.control.addFault({
			method: 'DELETE',
			path: '^/phoneNumbers/',
			type: 'delay',
			delayMs: 400,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const error = await caught(release(context, number, 250));
		expect(error.context.acs).toMatchObject({
			status: 404,
			alreadyApplied: true,
			earlierAttemptMayHaveApplied: true,
		});
		expect(error.message).toMatch(/^Already gone: /);
		expect(error.description).toMatch(/most likely did it/);
		const state = await emu.control.call('GET', '/_emulator/phoneNumbers/state?detail=true');
		expect(Object.values(state.purchased).map((n: any) => n.phoneNumber)).not.toContain(number);
		expect(
			(await log(emu))
				.filter((line) => line.startsWith('DELETE'))
				.map((line) => line.split(' ')[2]),
		).toEqual(['202', '404']);
	});

	it('a Release of a number that was never owned fails with a plain 404 (no earlier attempt)', async () => {
		const emu = emulator();
		const { context } = hmacContext(emu);
		const error = await caught(release(context, '+14255550000'));
		expect(error.context.acs.status).toBe(404);
		expect(error.context.acs.alreadyApplied).toBeUndefined();
		expect(error.message).not.toMatch(/Already gone/);
	});
});

describe('Wait for Completion never runs past its timeout', () => {
	it('a poll that hangs is cut at the deadline: timeout error naming the operation', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 60_000 });
		const { context } = hmacContext(emu);
		const handle = await startSearch(context);
		await emu.control.addFault({
			method: 'GET',
			path: '/operations/',
			type: 'delay',
			delayMs: 5000,
			count: 1,
		});
		const started = Date.now();
		const error = await caught(waitForOperation.call(context, handle, { timeoutSeconds: 1 }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		// The emulator logs the hanging poll when it answers it, 5 s after it arrived: not logged yet means the wait
		// ended without that answer (however slow the machine).
		expect(
			(await emu.control.requestLog()).filter((entry: any) => entry.fault !== undefined),
		).toEqual([]);
		expect(error.message).toContain(`${handle.operationId} did not finish within 1 s`);
		expect(error.description).toMatch(/Wait for Completion/);
	});

	it('retries of a failing poll stop at the deadline (a Retry-After beyond it is not waited for)', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 60_000 });
		const { context } = hmacContext(emu);
		const handle = await startSearch(context);
		await emu.control.addFault({
			method: 'GET',
			path: '/operations/',
			type: 'status',
			status: 429,
			retryAfter: 5,
			count: 3,
		});
		const started = Date.now();
		const error = await caught(waitForOperation.call(context, handle, { timeoutSeconds: 1.5 }));
		expect(Date.now() - started).toBeGreaterThanOrEqual(1450);
		// One poll only: its Retry-After (5 s) lies past the deadline, so it was neither waited for nor retried.
		expect((await log(emu)).filter((line) => line.includes('/operations/'))).toEqual([
			expect.stringMatching(/ 429$/),
		]);
		expect(error.message).toContain('did not finish within 1.5 s');
	});

	it('an operation that finishes before the deadline still returns its result', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 300 });
		const { context } = hmacContext(emu);
		const outcome = await waitForOperation.call(context, await startSearch(context), {
			timeoutSeconds: 2,
		});
		expect(outcome.operation.status).toBe('succeeded');
		expect((outcome.result as any).searchId).toBeDefined();
	});
});

describe('polling cadence', () => {
	it('an operation already done at the start is found by the first poll, sent right after the 202', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'releasePhoneNumber', notStartedMs: 0, runningMs: 0 });
		const number = await ownedNumber(emu);
		const { context } = hmacContext(emu);
		await waitForOperation.call(context, await release(context, number), {
			timeoutSeconds: 10,
			skipResult: true,
		});
		expect((await log(emu)).filter((line) => line.includes('/operations/'))).toHaveLength(1);
	});

	it('a 3 s operation: polls at 0, 0.25, 0.58, 1.0, 1.5, 2.2, 3.0 (+ request time) s, so about 7 polls', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 3000 });
		const { context } = hmacContext(emu);
		await waitForOperation.call(context, await startSearch(context), { timeoutSeconds: 10 });
		const polls = (await log(emu)).filter((line) => line.includes('/operations/'));
		expect(polls.length).toBeGreaterThanOrEqual(6);
		expect(polls.length).toBeLessThanOrEqual(8);
	});
});

describe('polling learnt from earlier operations of the same kind', () => {
	it('operations that take the same time: the transport learns when they finish and then needs fewer polls than a 2 s poller', async () => {
		// How soon a finish is seen once learnt is proven on a virtual clock (test/unit/transport/pollPlan.test.ts);
		// here the request log shows the real waitForOperation following what it learnt.
		const emu = emulator();
		const runningMs = 1200;
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs });
		const { context } = hmacContext(emu);
		const kind = await learningKindOf(context, 'search_', 0);
		const polls: number[] = [];
		for (let i = 0; i < 7; i++) {
			await emu.control.clearRequestLog();
			await waitForOperation.call(context, await startSearch(context), {
				timeoutSeconds: 10,
				skipResult: true,
			});
			polls.push((await log(emu)).filter((line) => line.includes('/operations/')).length);
		}
		// The first follows the default cadence (polls at 0, 0.25, 0.58, 1.0, 1.55 s): at most 5, fewer when a loaded
		// machine delays the polls.
		expect(polls[0]).toBeLessThanOrEqual(5);
		// What it learnt: windows from the last poll that saw the operation running (before it finished) to the one that
		// saw it done.
		const windows = finishTimes.recall(kind);
		expect(windows.length).toBeGreaterThan(0);
		for (const window of windows) {
			expect(window.afterMs).toBeLessThan(runningMs);
			expect(window.byMs).toBeGreaterThan(window.afterMs);
		}
		// A client polling twice at once and then every 2 s makes 3 polls for a 1.2 s operation; the median of the last
		// four makes no more (one may miss on a loaded machine: the time from the service's start to our 202 varies).
		const learntMedian = [...polls.slice(3)].sort((a, b) => a - b)[2];
		expect(learntMedian).toBeLessThanOrEqual(3);
		expect(learntMedian).toBeLessThan(polls[0]);
	});

	it('an operation resumed by id (start time unknown) is polled with the default cadence and teaches nothing', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 700 });
		const { context } = hmacContext(emu);
		const handle = await startSearch(context);
		await waitForOperation.call(
			context,
			{ operationId: handle.operationId },
			{ timeoutSeconds: 10, skipResult: true },
		);
		const kind = await learningKindOf(context, handle.operationId, 0);
		expect(finishTimes.recall(kind)).toEqual([]);
		await waitForOperation.call(context, handle, { timeoutSeconds: 10, skipResult: true });
		expect(finishTimes.recall(kind)).toHaveLength(1);
	});
});

describe('cancelling while waiting', () => {
	it('cancelling the execution while it polls ends a wait on an operation that never finishes', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'releasePhoneNumber', notStartedMs: 0, outcome: 'never' });
		const number = await ownedNumber(emu);
		const harness = hmacContext(emu);
		const handle = await release(harness.context, number);
		const isPoll = (entry: { path: string }) => entry.path.includes('/operations/');
		const pending = caught(
			waitForOperation.call(harness.context, handle, { timeoutSeconds: 60, skipResult: true }),
		);
		await requestLogWhen(emu, (entries) => entries.filter(isPoll).length >= 2);
		harness.abort();
		const error = await pending;
		// Without the cancel the wait would run until its 60 s timeout (past the test's own timeout).
		expect(error.message).toMatch(/cancel/i);
	});
});
