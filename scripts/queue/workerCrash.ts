/**
 * A worker killed while its purchase is in flight: the emulator holds the purchase operation running, the worker
 * that runs the execution gets SIGKILL while it polls, n8n marks the execution crashed, and a new execution on the
 * other worker follows the same operation id (Long-Running Operation → Wait for Completion) to its end.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator';
import type { Report } from '../e2e/report';
import { post } from './mix';
import type { MainProcess, WorkerProcess } from './workers';
import type { RunningPostgres } from './postgres';

const HELD_MS = 10 * 60_000;

export async function checkWorkerCrash(options: {
	main: MainProcess;
	workers: [WorkerProcess, WorkerProcess];
	emulator: RunningEmulator;
	postgres: RunningPostgres;
	report: Report;
	log: (line: string) => void;
}): Promise<void> {
	const { main, workers, emulator, postgres, report, log } = options;
	await emulator.control.reset();
	await emulator.control.phoneNumbers.queueLro({
		operationType: 'purchase',
		notStartedMs: 100,
		runningMs: HELD_MS,
		outcome: 'succeed',
	});
	const before = new Map(workers.map((worker) => [worker, new Set(worker.startedExecutions)]));
	// its answer never comes (the worker dies): not awaited
	void post(main.baseUrl, { index: 0, kind: 'searchPurchase', body: {} });

	let operationId = '';
	let victim: WorkerProcess | undefined;
	let executionId = '';
	const started = await report.check(
		'worker crash: a purchase is in flight on a worker (its operation held running)',
		async () => {
			operationId = await waitFor('the purchase operation', async () => {
				const summary = await emulator.control.phoneNumbers.summary();
				return summary.operations.unfinished.find((id) => id.startsWith('purchase_'));
			});
			for (const worker of workers) {
				const fresh = [...worker.startedExecutions].filter((id) => !before.get(worker)!.has(id));
				if (fresh.length > 0) [victim, executionId] = [worker, fresh[0]];
			}
			assert.ok(victim, 'no worker logged that it started the execution');
			log(`${victim.name} runs execution ${executionId}, operation ${operationId}: SIGKILL`);
		},
	);
	if (!started || !victim) return;
	victim.kill();
	await victim.exited;
	const survivor = workers.find((worker) => worker !== victim)!;

	await report.check(
		'worker crash: n8n marks the killed execution crashed or failed (queue recovery)',
		async () => {
			const status = await waitFor(
				`execution ${executionId} to leave "running"`,
				async () => {
					const [row] = await postgres.query<{ status: string }>(
						`select status from execution_entity where id = ${Number(executionId)}`,
					);
					return row && !['running', 'new', 'waiting'].includes(row.status)
						? row.status
						: undefined;
				},
				150_000,
			);
			assert.ok(['crashed', 'failed', 'error'].includes(status), `status ${status}`);
			log(`execution ${executionId}: ${status}`);
		},
	);

	const searchId = operationId.slice('purchase_'.length);
	await report.check('worker crash: nothing bought yet while the operation runs', async () => {
		const ledger = await emulator.control.phoneNumbers.ledger();
		assert.equal(ledger.searches[searchId] ?? 0, 0);
	});

	await report.check(
		`worker crash: Wait for Completion with ${operationId} on ${survivor.name} reports the purchase; bought once`,
		async () => {
			const survivorBefore = new Set(survivor.startedExecutions);
			const resumed = post(main.baseUrl, {
				index: 1,
				kind: 'resumeOperation',
				body: { operationId },
			});
			await waitFor(
				'the resuming execution to start',
				async () =>
					[...survivor.startedExecutions].some((id) => !survivorBefore.has(id)) || undefined,
			);
			// the held operation finishes while the new execution waits for it
			await emulator.control.advanceClock({ ms: HELD_MS });
			const outcome = await resumed;
			const [item] = outcome.items ?? [];
			assert.ok(item, `no item: HTTP ${outcome.httpStatus} ${outcome.failure ?? ''}`);
			assert.equal(item.error, undefined, `error: ${String(item.error)}`);
			assert.equal(item.operationStatus, 'succeeded', JSON.stringify(item));
			const ledger = await emulator.control.phoneNumbers.ledger();
			assert.equal(ledger.searches[searchId], 1, `ledger: ${JSON.stringify(ledger)}`);
			assert.deepEqual(ledger.boughtMoreThanOnce, []);
		},
	);
}

async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 90_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out waiting for ${what}`);
}
