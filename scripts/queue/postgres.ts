import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from '../n8n/ports';
import { run } from '../n8n/run';
import { ensureDebianPackage, existing } from './systemPackages';
import { startDaemon, type Daemon } from './daemon';

export interface RunningPostgres {
	host: string;
	port: number;
	user: string;
	database: string;
	/** Rows of a query as JSON objects (psql, trusted local login). */
	query<T>(sql: string): Promise<T[]>;
	stop(): Promise<void>;
}

const USER = 'n8n';
const DATABASE = 'n8n';

/** Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), newest version first. */
function serverBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((version) => existing(path.join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

/**
 * A private PostgreSQL cluster in `dataDir` (made afresh), on a free loopback port, trusting local logins, tuned
 * for a throwaway test database (no fsync). PostgreSQL refuses to run as root: then it runs as the `postgres` user.
 */
export async function startPostgres(
	dataDir: string,
	log: (line: string) => void,
): Promise<RunningPostgres> {
	const binDir = await ensureDebianPackage('postgresql', serverBinDir, log);
	const asUser = process.getuid?.() === 0 ? serviceUserPrefix('postgres') : [];
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dataDir), { recursive: true });
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (asUser.length > 0) await run('chown', ['postgres:postgres', dataDir]);
	const [command, ...prefix] = [...asUser, path.join(binDir, 'initdb')];
	await run(command, [...prefix, '-D', dataDir, '-U', USER, '--auth=trust', '-E', 'UTF8'], {
		timeoutMs: 120_000,
	});
	const port = await freePort();
	const server = [...asUser, path.join(binDir, 'postgres')];
	const daemon = startDaemon('postgres', () =>
		spawn(
			server[0],
			[
				...server.slice(1),
				...['-D', dataDir, '-p', String(port), '-k', dataDir],
				...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
				...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
			],
			{ stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		),
	);
	const psql = (database: string, sql: string) =>
		run(
			'psql',
			['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-d', database, '-AtX', '-c', sql],
			{ timeoutMs: 60_000 },
		);
	try {
		await waitFor(async () => (await psql('postgres', 'select 1')).stdout.trim() === '1', daemon);
		await psql('postgres', `create database ${DATABASE}`);
	} catch (error) {
		await daemon.stop('SIGINT');
		throw new Error(`${(error as Error).message}\n${daemon.recentLines().join('\n')}`);
	}
	return {
		host: '127.0.0.1',
		port,
		user: USER,
		database: DATABASE,
		async query<T>(sql: string) {
			const { stdout } = await psql(DATABASE, `select coalesce(json_agg(q), '[]') from (${sql}) q`);
			return JSON.parse(stdout) as T[];
		},
		// SIGINT is PostgreSQL's fast shutdown.
		stop: () => daemon.stop('SIGINT'),
	};
}

/** `setpriv` switches user and execs (unlike runuser, no parent stays), so the PID is the server's own. */
function serviceUserPrefix(user: string): string[] {
	return ['setpriv', `--reuid=${user}`, `--regid=${user}`, '--init-groups', '--'];
}

async function waitFor(ready: () => Promise<boolean>, daemon: Daemon): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (daemon.exitCode() !== undefined)
			throw new Error(`postgres exited with code ${daemon.exitCode()}`);
		if (await ready().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error('postgres did not accept connections within 60 s');
}
