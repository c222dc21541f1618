import * as fs from 'node:fs';
import { run } from '../n8n/run';

/** Installs a Debian package with apt-get when `probe` (a file it provides) is missing; CI runs as root on Debian. */
export async function ensureDebianPackage(
	name: string,
	probe: () => string | undefined,
	log: (line: string) => void,
): Promise<string> {
	const found = probe();
	if (found) return found;
	if (process.getuid?.() !== 0)
		throw new Error(`${name} is not installed; install it with: sudo apt-get install -y ${name}`);
	log(`installing ${name} (apt-get)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env, timeoutMs: 300_000 });
	await run('apt-get', ['install', '-y', '--no-install-recommends', name], {
		env,
		timeoutMs: 600_000,
	});
	const installed = probe();
	if (!installed) throw new Error(`apt-get installed ${name} but its binaries were not found`);
	return installed;
}

export function existing(file: string): string | undefined {
	return fs.existsSync(file) ? file : undefined;
}
