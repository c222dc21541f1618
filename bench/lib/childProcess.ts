/** Starting TypeScript children with tsx (the same Node as the parent). */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export function forkTs(
	file: string,
	args: string[] = [],
	env: NodeJS.ProcessEnv = {},
): ChildProcess {
	return fork(path.resolve(REPO_ROOT, file), args, {
		cwd: REPO_ROOT,
		execArgv: ['--import', 'tsx'],
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

/** The first IPC message of a child, or an error if it exits first. */
export function firstMessage<T>(child: ChildProcess, timeoutMs = 120_000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('child did not answer in time')), timeoutMs);
		child.once('message', (message) => {
			clearTimeout(timer);
			resolve(message as T);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`child exited with ${code} before answering`));
		});
	});
}

/** Runs a child to completion and returns its IPC message. */
export async function runChild<T>(
	file: string,
	args: string[] = [],
	env: NodeJS.ProcessEnv = {},
): Promise<T> {
	const child = forkTs(file, args, env);
	const message = await firstMessage<T>(child, 600_000);
	await new Promise<void>((resolve) =>
		child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
	);
	return message;
}
