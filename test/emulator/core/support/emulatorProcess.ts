/** The emulator CLI in a child process (its own clock), for tests that must change time in the test process only. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmulatorProcess {
	endpoint: string;
	connectionString: string;
	stop(): Promise<void>;
}

export async function startEmulatorProcess(
	extraArguments: string[] = [],
): Promise<EmulatorProcess> {
	const cli = join(__dirname, '..', '..', '..', '..', 'emulator', 'cli.ts');
	const child = spawn(
		process.execPath,
		['--import', 'tsx', cli, '--port', '0', '--no-token-issuer', ...extraArguments],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let output = '';
	const firstLine = await new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes('\n')) resolve(output.split('\n')[0]);
		});
		child.once('exit', () => reject(new Error(`the emulator exited early: ${output}`)));
	});
	const match = /^Connection string: (endpoint=(http:\/\/[^;]+);accesskey=.+)$/.exec(firstLine);
	if (!match) {
		child.kill('SIGTERM');
		throw new Error(`unexpected first line: ${firstLine}`);
	}
	return {
		connectionString: match[1],
		endpoint: match[2],
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
