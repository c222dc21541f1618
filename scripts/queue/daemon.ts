import type { ChildProcess } from 'node:child_process';
import { createLineSplitter } from '../n8n/logFilter';

export interface Daemon {
	pid: number;
	/** undefined while it runs. */
	exitCode(): number | null | undefined;
	recentLines(): string[];
	/** Sends `signal` to its process group, SIGKILL after 15 s; resolves once it exited. */
	stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * A server process started in its own process group, its last output lines kept for error messages; killed with
 * its group if this process exits without stopping it.
 */
export function startDaemon(name: string, spawnIt: () => ChildProcess): Daemon {
	const child = spawnIt();
	if (child.pid === undefined) throw new Error(`${name} did not start`);
	const pid = child.pid;
	const recent: string[] = [];
	for (const stream of [child.stdout, child.stderr]) {
		const splitter = createLineSplitter((line) => {
			recent.push(`[${name}] ${line}`);
			if (recent.length > 20) recent.shift();
		});
		stream?.on('data', (chunk: Buffer) => splitter.push(chunk.toString()));
	}
	let code: number | null | undefined;
	const exited = new Promise<void>((resolve) =>
		child.on('exit', (exitCode) => {
			code = exitCode;
			resolve();
		}),
	);
	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
		} catch {
			// already gone
		}
	};
	const killOnExit = () => signalGroup('SIGKILL');
	process.on('exit', killOnExit);
	void exited.then(() => process.off('exit', killOnExit));
	return {
		pid,
		exitCode: () => code,
		recentLines: () => [...recent],
		async stop(signal) {
			if (code !== undefined) return;
			signalGroup(signal);
			const timer = setTimeout(() => signalGroup('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
	};
}
