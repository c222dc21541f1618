/**
 * Mono's System.Text.RegularExpressions as a test oracle: installs Mono when it is missing and the machine allows
 * it (root with apt-get), compiles dotnet/RegexOracle.cs into .local/oracle, and answers a whole batch of
 * (pattern, input) cases in one process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeField, encodeCases } from './lineFormat';

export type OracleAnswer =
	| { valid: true; isMatch: boolean }
	| { valid: true; timeout: true }
	| { valid: true; crash: string }
	| { valid: false; error: string };

export type OracleSetup = { ok: true; executable: string } | { ok: false; reason: string };

const REPO = join(__dirname, '..', '..');
const SOURCE = join(__dirname, 'dotnet', 'RegexOracle.cs');
const OUT_DIR = join(REPO, '.local', 'oracle');
const EXECUTABLE = join(OUT_DIR, 'RegexOracle.exe');
/** mono-mcs brings mcs and the class libraries (System.dll holds System.Text.RegularExpressions). */
export const MONO_PACKAGES = ['mono-runtime', 'mono-mcs', 'libmono-system4.0-cil'];

function onPath(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function installMono(): string | undefined {
	if (process.getuid?.() !== 0)
		return 'Mono (mono, mcs) is not installed and this user is not root, so it cannot be installed';
	if (!onPath('apt-get'))
		return 'Mono (mono, mcs) is not installed and there is no apt-get to install it';
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update'], { encoding: 'utf8', env });
	if (update.status !== 0) return `apt-get update failed: ${update.stderr.trim().slice(-500)}`;
	const install = spawnSync(
		'apt-get',
		['install', '-y', '--no-install-recommends', ...MONO_PACKAGES],
		{ encoding: 'utf8', env },
	);
	if (install.status !== 0)
		return `apt-get install ${MONO_PACKAGES.join(' ')} failed: ${install.stderr.trim().slice(-500)}`;
	return undefined;
}

/** Mono ready and the oracle compiled, or why not. Slow only the first time (apt-get, mcs). */
export function setUpMonoOracle(): OracleSetup {
	if (!onPath('mono') || !onPath('mcs')) {
		const failure = installMono();
		if (failure) return { ok: false, reason: failure };
	}
	try {
		if (!existsSync(EXECUTABLE) || statSync(EXECUTABLE).mtimeMs < statSync(SOURCE).mtimeMs) {
			mkdirSync(OUT_DIR, { recursive: true });
			execFileSync('mcs', ['-nologo', '-optimize+', `-out:${EXECUTABLE}`, SOURCE], {
				stdio: 'pipe',
			});
		}
	} catch (error) {
		return {
			ok: false,
			reason: `mcs could not compile ${SOURCE}: ${String((error as { stderr?: unknown }).stderr ?? error)}`,
		};
	}
	return { ok: true, executable: EXECUTABLE };
}

/** What .NET (Mono) says for each case, in order. */
export function askMono(
	executable: string,
	cases: ReadonlyArray<{ pattern: string; input: string }>,
): OracleAnswer[] {
	// LC_ALL=C: the invariant culture, so (?i) does not depend on the machine's locale
	const env = { ...process.env, LC_ALL: 'C' };
	const run = spawnSync('mono', [executable], {
		input: encodeCases(cases),
		encoding: 'utf8',
		env,
		maxBuffer: 256 * 1024 * 1024,
	});
	if (run.status !== 0) throw new Error(`the Mono oracle failed (${run.status}): ${run.stderr}`);
	const lines = run.stdout.split('\n').filter((line) => line !== '');
	if (lines.length !== cases.length)
		throw new Error(`the Mono oracle answered ${lines.length} of ${cases.length} cases`);
	return lines.map((line): OracleAnswer => {
		if (line === 'M' || line === 'N') return { valid: true, isMatch: line === 'M' };
		if (line === 'T') return { valid: true, timeout: true };
		if (line.startsWith('X\t')) return { valid: true, crash: decodeField(line.slice(2)) };
		return { valid: false, error: decodeField(line.slice(2)) };
	});
}
