/** The emulator for the bench: a child process, driven through its control API over HTTP. */
import type { ChildProcess } from 'node:child_process';

import { ControlClient } from '../../emulator/core/controlClient';
import type { RequestLogEntry } from '../../emulator/core/requestLog';
import { firstMessage, forkTs } from './childProcess';

export interface BenchEmulator {
	endpoint: string;
	accessKey: string;
	connectionString: string;
	control: ControlClient;
	/** Phone Numbers domain control route, e.g. phoneNumbers('PUT', '/lro', {...}). */
	phoneNumbers<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export interface LroPlan {
	operationType?: string;
	notStartedMs?: number;
	runningMs?: number;
	outcome?: 'succeed' | 'fail' | 'never';
}

export async function startBenchEmulator(seed = 42): Promise<BenchEmulator> {
	const child: ChildProcess = forkTs('bench/lib/emulatorChild.ts', [String(seed)]);
	const info = await firstMessage<{
		endpoint: string;
		accessKey: string;
		connectionString: string;
	}>(child);
	const control = new ControlClient(info.endpoint);
	return {
		...info,
		control,
		phoneNumbers: (method, path, body) =>
			control.call(method, `/_emulator/phoneNumbers${path}`, body),
		stop: async () => {
			if (child.exitCode !== null) return;
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.disconnect();
			await exited;
		},
	};
}

/** Seeds `count` purchased numbers at once; returns them (E.164). */
export async function seedPurchased(emu: BenchEmulator, count: number): Promise<string[]> {
	const seeded = await emu.phoneNumbers<{ phoneNumbers: string[] }>('POST', '/seed', { count });
	return seeded.phoneNumbers;
}

export async function purchasedCount(emu: BenchEmulator): Promise<number> {
	const state = await emu.phoneNumbers<{ purchasedCount: number }>('GET', '/state');
	return state.purchasedCount;
}

export async function acsLog(emu: BenchEmulator): Promise<RequestLogEntry[]> {
	return (await emu.control.requestLog()).filter((entry) => !entry.path.startsWith('/_emulator'));
}
