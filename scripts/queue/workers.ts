/**
 * n8n in queue mode on one machine: a main process (editor, REST, webhooks; it enqueues executions in Redis) and
 * `n8n worker` processes that run them, all on one Postgres database and one user folder (the community package
 * installed there) with one encryption key. Regular mode is the same main process running executions itself.
 */
import * as fs from 'node:fs';
import { n8nEnvironment } from '../n8n/environment';
import { freePort } from '../n8n/ports';
import { startN8nServer, type N8nServer } from '../n8n/server';
import type { RunningPostgres } from './postgres';
import type { RunningRedis } from './redis';

export interface ClusterConfig {
	userFolder: string;
	encryptionKey: string;
	postgres: RunningPostgres;
	redis: RunningRedis;
	log: (line: string) => void;
}

export type ExecutionsMode = 'queue' | 'regular';

/** Worker jobs in parallel per worker (n8n's default). */
export const WORKER_CONCURRENCY = 10;

/** The environment shared by main, workers and CLI commands; each process adds its own ports. */
export async function clusterEnvironment(
	config: ClusterConfig,
	mode: ExecutionsMode,
): Promise<NodeJS.ProcessEnv & { N8N_PORT: string }> {
	const [port, runnerBrokerPort] = [await freePort(), await freePort()];
	const base = n8nEnvironment({
		userFolder: config.userFolder,
		port,
		runnerBrokerPort,
		logLevel: 'info',
	});
	return {
		...base,
		N8N_PORT: String(port),
		N8N_ENCRYPTION_KEY: config.encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: config.postgres.host,
		DB_POSTGRESDB_PORT: String(config.postgres.port),
		DB_POSTGRESDB_USER: config.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: config.postgres.database,
		// n8n's default pool of 2 connections starves with 100 executions in one process (regular mode): its
		// database pings time out, it reconnects, and an execution's end is never recorded
		DB_POSTGRESDB_POOL_SIZE: '10',
		DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
		// a loaded 2-core machine answers n8n's database ping late: three late pings make n8n drop the connection
		// under the running executions (their webhooks answer 500, their records stay "running")
		DB_PING_TIMEOUT_MS: '20000',
		EXECUTIONS_MODE: mode,
		// regular mode runs as many executions at once as one worker does (unbounded, 100 at once starve the
		// process's event loop and its database pool)
		...(mode === 'regular' ? { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(WORKER_CONCURRENCY) } : {}),
		QUEUE_BULL_REDIS_HOST: config.redis.host,
		QUEUE_BULL_REDIS_PORT: String(config.redis.port),
		// a dangling execution (its worker died) is marked crashed within a minute instead of three hours
		N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		// a worker's job counts as stalled 10 s after its worker stopped renewing the lock
		QUEUE_WORKER_STALLED_INTERVAL: '10000',
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_PRUNE: 'false',
	};
}

export interface MainProcess extends N8nServer {
	mode: ExecutionsMode;
}

export async function startMain(config: ClusterConfig, mode: ExecutionsMode): Promise<MainProcess> {
	const env = await clusterEnvironment(config, mode);
	const server = await startN8nServer({
		env,
		port: Number(env.N8N_PORT),
		onLogLine: (line) => config.log(`[main ${mode}] ${line}`),
		startTimeoutMs: 240_000,
	});
	return { ...server, mode };
}

export interface WorkerProcess extends N8nServer {
	name: string;
	/** Executions this worker started (its log: `Worker started execution <id>`). */
	startedExecutions: Set<string>;
	/** Highest resident memory of its process group seen by `sampleMemory`, in KiB. */
	peakRssKb: number;
	sampleMemory(): void;
}

export async function startWorker(config: ClusterConfig, name: string): Promise<WorkerProcess> {
	const env = await clusterEnvironment(config, 'queue');
	const healthPort = await freePort();
	const startedExecutions = new Set<string>();
	const server = await startN8nServer({
		env: {
			...env,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
		port: healthPort,
		args: ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
		readinessUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
		onLogLine: (line) => {
			if (!/Worker (started|finished) execution/.test(line)) config.log(`[${name}] ${line}`);
		},
		onAnyLine: (line) => {
			const started = /Worker started execution (\d+)/.exec(line);
			if (started) startedExecutions.add(started[1]);
		},
		startTimeoutMs: 240_000,
	});
	const worker: WorkerProcess = {
		...server,
		name,
		startedExecutions,
		peakRssKb: 0,
		sampleMemory() {
			worker.peakRssKb = Math.max(worker.peakRssKb, processGroupRssKb(server.pid));
		},
	};
	return worker;
}

/** Resident memory of every process in the group (the worker and the task runner it started), in KiB. */
export function processGroupRssKb(groupId: number): number {
	let total = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// fields after the command name (which may hold spaces): state ppid pgrp ...
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) !== groupId) continue;
			const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			// the process ended meanwhile
		}
	}
	return total;
}
