/** Atomic state file: write a temp file in the same folder, fsync it, rename over the target, fsync the folder. */
import {
	closeSync,
	existsSync,
	fsyncSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PersistedState {
	format: 1;
	savedAt: string;
	seed: number;
	clockOffsetMs: number;
	domains: Record<string, unknown>;
}

export interface PersistenceHooks {
	/** Test hook: runs after the temp file is durable and before the rename (simulate a crash here). */
	beforeStateRename?(): void;
}

export function loadStateFile(path: string): PersistedState | undefined {
	removeLeftoverTempFiles(path);
	if (!existsSync(path)) return undefined;
	const parsed = JSON.parse(readFileSync(path, 'utf8')) as PersistedState;
	if (parsed.format !== 1 || typeof parsed.domains !== 'object')
		throw new Error(`State file ${path} has an unknown format`);
	return parsed;
}

export function saveStateFileAtomically(
	path: string,
	state: PersistedState,
	hooks: PersistenceHooks = {},
): void {
	const folder = dirname(path);
	const temp = join(folder, `${tempPrefix(path)}${process.pid}.tmp`);
	const fd = openSync(temp, 'w', 0o600);
	try {
		writeSync(fd, JSON.stringify(state));
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	hooks.beforeStateRename?.();
	renameSync(temp, path);
	syncFolder(folder);
}

function syncFolder(folder: string): void {
	try {
		const fd = openSync(folder, 'r');
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {
		// Some platforms cannot fsync a directory; the rename is still atomic.
	}
}

const tempPrefix = (path: string) => `.${basename(path)}.`;

/** Temp files of a process that died before its rename: the state file itself is intact, they are garbage. */
function removeLeftoverTempFiles(path: string): void {
	const folder = dirname(path);
	if (!existsSync(folder)) return;
	for (const file of readdirSync(folder)) {
		if (file.startsWith(tempPrefix(path)) && file.endsWith('.tmp'))
			rmSync(join(folder, file), { force: true });
	}
}
