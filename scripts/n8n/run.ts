import { spawn, type SpawnOptions } from 'node:child_process';

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface RunOptions extends SpawnOptions {
	/** Stream the child's output to ours while collecting it. */
	echo?: boolean;
	/** Fail (reject) on a non-zero exit code. Default true. */
	check?: boolean;
	/** Kill the command (SIGKILL) after this long; it then counts as failed with code 124. */
	timeoutMs?: number;
}

/** Runs a command to completion, collecting its output. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const { echo = false, check = true, timeoutMs, ...spawnOptions } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (echo) process.stdout.write(chunk);
		});
		child.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (echo) process.stderr.write(chunk);
		});
		let timedOut = false;
		const timer = timeoutMs
			? setTimeout(() => {
					timedOut = true;
					child.kill('SIGKILL');
				}, timeoutMs)
			: undefined;
		child.on('error', reject);
		child.on('close', (code) => {
			if (timer) clearTimeout(timer);
			if (timedOut) stderr += `\n(killed after ${timeoutMs} ms)`;
			const result = { code: timedOut ? 124 : (code ?? 1), stdout, stderr };
			if (check && result.code !== 0) {
				const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
				reject(new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${tail}`));
			} else {
				resolve(result);
			}
		});
	});
}

export function formatSeconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}
