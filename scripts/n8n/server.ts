import { spawn, type ChildProcess } from 'node:child_process';
import { paths } from './paths';
import { classifyN8nLogLine, createLineSplitter } from './logFilter';

export interface N8nServerOptions {
	env: NodeJS.ProcessEnv;
	port: number;
	/** Receives n8n's log lines that are worth showing (offline fetch noise is counted, not shown). */
	onLogLine?: (line: string) => void;
	/** Show every line, the offline noise too (npm start with DEMO_VERBOSE=1). */
	showAll?: boolean;
	/** Receives every line, shown or not (to follow what a queue worker runs). */
	onAnyLine?: (line: string) => void;
	startTimeoutMs?: number;
	/** The n8n command and its flags; default `start`. */
	args?: string[];
	/** Polled until it answers 2xx; default the main process's `/healthz/readiness`. */
	readinessUrl?: string;
}

export interface N8nServer {
	baseUrl: string;
	/** The n8n process, leader of its process group. */
	pid: number;
	hiddenOfflineLines(): number;
	/** Resolves when n8n has exited. */
	exited: Promise<number | null>;
	stop(): Promise<void>;
	/** SIGKILL to its whole process group at once, as a crash would end it. */
	kill(): void;
}

/** Starts `n8n start` (or `options.args`) in its own process group and resolves once its readiness endpoint answers. */
export async function startN8nServer(options: N8nServerOptions): Promise<N8nServer> {
	const baseUrl = `http://localhost:${options.port}`;
	const child = spawn(process.execPath, [paths.n8nBin, ...(options.args ?? ['start'])], {
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let hidden = 0;
	const recent: string[] = [];
	const onLine = (line: string) => {
		recent.push(line);
		options.onAnyLine?.(line);
		if (recent.length > 40) recent.shift();
		const verdict = classifyN8nLogLine(line);
		if (options.showAll || verdict === 'show') options.onLogLine?.(line);
		if (verdict === 'hide-offline') hidden++;
	};
	for (const stream of [child.stdout!, child.stderr!]) {
		const splitter = createLineSplitter(onLine);
		stream.on('data', (chunk: Buffer) => splitter.push(chunk.toString()));
		stream.on('end', () => splitter.flush());
	}
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	// n8n runs in its own process group (so Ctrl-C reaches us first and we stop it in order); if this
	// process dies without stopping it, take the group down with us.
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.on('exit', killOnExit);
	void exited.then(() => process.off('exit', killOnExit));

	const server: N8nServer = {
		baseUrl,
		pid: child.pid!,
		hiddenOfflineLines: () => hidden,
		exited,
		stop: () => stopProcessGroup(child, exited),
		kill: () => signalGroup(child, 'SIGKILL'),
	};
	try {
		await waitUntilReady(
			options.readinessUrl ?? `${baseUrl}/healthz/readiness`,
			exited,
			options.startTimeoutMs ?? 120_000,
		);
	} catch (error) {
		await server.stop();
		throw new Error(
			`${(error as Error).message}\nLast lines from n8n:\n${recent.slice(-15).join('\n')}`,
		);
	}
	return server;
}

async function waitUntilReady(
	readinessUrl: string,
	exited: Promise<number | null>,
	timeoutMs: number,
): Promise<void> {
	let exitCode: number | null | undefined;
	void exited.then((code) => (exitCode = code));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exitCode !== undefined)
			throw new Error(`n8n exited with code ${exitCode} before it was ready`);
		try {
			const response = await fetch(readinessUrl);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready after ${timeoutMs / 1000} s`);
}

async function stopProcessGroup(
	child: ChildProcess,
	exited: Promise<number | null>,
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	signalGroup(child, 'SIGTERM');
	const gracefulMs = 15_000;
	const timedOut = await Promise.race([
		exited.then(() => false),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(true), gracefulMs).unref()),
	]);
	if (timedOut) {
		signalGroup(child, 'SIGKILL');
		await exited;
	}
	// the task runner n8n started may outlive it by a moment: end the rest of its group
	signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// group already gone
	}
}
