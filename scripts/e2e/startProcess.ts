import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createLineSplitter } from '../n8n/logFilter';
import { repoRoot } from '../n8n/paths';

/**
 * `npm start` as a user runs it, in its own process group (so SIGINT reaches npm, tsx and start.ts at once,
 * as Ctrl-C in a terminal does). Collects its output lines without colours.
 */
export class StartProcess {
	readonly lines: string[] = [];
	readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;
	private readonly pid: number;

	constructor(env: NodeJS.ProcessEnv, echo: (line: string) => void) {
		const child = spawn('npm', ['start'], {
			cwd: repoRoot,
			env: withExitCodeShell(env),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		if (child.pid === undefined) throw new Error('npm start did not start');
		this.pid = child.pid;
		for (const stream of [child.stdout, child.stderr]) {
			const splitter = createLineSplitter((line) => {
				const plain = line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
				this.lines.push(plain);
				echo(plain);
			});
			stream.on('data', (chunk: Buffer) => splitter.push(chunk.toString()));
			stream.on('end', () => splitter.flush());
		}
		this.exited = new Promise((resolve) =>
			child.on('exit', (code, signal) => {
				if (signal) this.lines.push(`(npm was ended by ${signal})`);
				resolve(code);
			}),
		);
		void this.exited.then((code) => (this.exitCode = code));
	}

	get output(): string {
		return this.lines.join('\n');
	}

	/** Resolves with the first match of `pattern` in the output; rejects when npm start exits first or time runs out. */
	async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const match = this.output.match(pattern);
			if (match) return match;
			if (this.exitCode !== undefined)
				throw new Error(
					`npm start exited (code ${this.exitCode}) before printing ${pattern}:\n${this.tail()}`,
				);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`npm start printed no ${pattern} within ${timeoutMs / 1000} s:\n${this.tail()}`,
		);
	}

	/** Ctrl-C: SIGINT to the whole group. Resolves with the exit code and how long the stop took (ms), or undefined for no exit in time. */
	async interrupt(boundMs: number): Promise<{ code: number | null; ms: number } | undefined> {
		const started = Date.now();
		this.signal('SIGINT');
		const code = await Promise.race([
			this.exited,
			new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), boundMs).unref()),
		]);
		return code === 'timeout' ? undefined : { code, ms: Date.now() - started };
	}

	signal(signal: NodeJS.Signals): void {
		try {
			process.kill(-this.pid, signal);
		} catch {
			// the group is gone
		}
	}

	tail(lines = 25): string {
		return this.lines.slice(-lines).join('\n');
	}
}

/**
 * npm runs scripts through `sh -c`. Debian's sh (dash) waits for start.ts on Ctrl-C and then ends itself by
 * SIGINT, and npm re-raises that: the exit status would say nothing about start.ts's own exit code. bash
 * execs a single command, so npm reports start.ts's code (a terminal shows the same with bash as sh).
 */
function withExitCodeShell(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return fs.existsSync('/bin/bash') ? { ...env, npm_config_script_shell: '/bin/bash' } : env;
}

/**
 * The processes (ours: npm, tsx, start.ts, n8n, its task runner) whose environment carries `marker`
 * (`DEMO_STATE_DIR=<the run's own temporary folder>`, which every child inherits). Linux /proc only.
 */
export function processesWithEnv(marker: string): number[] {
	const found: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		try {
			const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
			if (environ.split('\0').includes(marker)) found.push(Number(entry));
		} catch {
			// gone, or not ours to read
		}
	}
	return found;
}

/** Last resort after a failed check: SIGKILL the processes of this run that are still there. */
export function killProcessesWithEnv(marker: string): number[] {
	const pids = processesWithEnv(marker);
	for (const pid of pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	return pids;
}
