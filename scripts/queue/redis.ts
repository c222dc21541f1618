import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { freePort } from '../n8n/ports';
import { startDaemon } from './daemon';
import { ensureDebianPackage, existing } from './systemPackages';

export interface RunningRedis {
	host: string;
	port: number;
	stop(): Promise<void>;
}

/** A private Redis on a free loopback port, without persistence (n8n's queue lives only as long as the run). */
export async function startRedis(dir: string, log: (line: string) => void): Promise<RunningRedis> {
	const binary = await ensureDebianPackage(
		'redis-server',
		() => existing('/usr/bin/redis-server'),
		log,
	);
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const daemon = startDaemon('redis', () =>
		spawn(
			binary,
			[
				...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
				...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes'],
			],
			{ stdio: ['ignore', 'pipe', 'pipe'], detached: true },
		),
	);
	const deadline = Date.now() + 30_000;
	while (!(await pong(port))) {
		if (daemon.exitCode() !== undefined || Date.now() > deadline) {
			await daemon.stop('SIGTERM');
			throw new Error(`redis-server did not answer PING\n${daemon.recentLines().join('\n')}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return { host: '127.0.0.1', port, stop: () => daemon.stop('SIGTERM') };
}

function pong(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(2000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}
