/**
 * Secret scan: every output item, error (message, description, context, cause, stack), run data, captured log
 * line and the emulator's request log is collected as text during a test file; the file's last test scans it all
 * for the access key, the connection string, the Entra client secret and every token that was issued.
 */
import { inspect } from 'node:util';
import type { RunningEmulator } from '../../../emulator';
import { capturedLogs, type CredentialStore, type RunNodeResult } from '../../support/engine';

export interface Leak {
	secret: string;
	where: string;
}

/** Every string reachable from a value (own properties, also non-enumerable ones such as `cause` and `stack`). */
export function everythingIn(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const visit = (current: unknown, depth: number) => {
		if (current === null || current === undefined || depth > 10) return;
		if (typeof current !== 'object' && typeof current !== 'function') {
			parts.push(String(current));
			return;
		}
		if (seen.has(current)) return;
		seen.add(current);
		for (const key of Object.getOwnPropertyNames(current)) {
			let child: unknown;
			try {
				child = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			parts.push(key);
			visit(child, depth + 1);
		}
	};
	visit(value, 0);
	parts.push(inspect(value, { depth: 12, showHidden: true, breakLength: Infinity }));
	return parts.join('\n');
}

export class SecretScan {
	private readonly secrets = new Map<string, string>();
	private readonly texts: Array<{ where: string; text: string }> = [];

	addSecret(label: string, value: unknown): void {
		if (typeof value !== 'string' || value.length < 8) return;
		this.secrets.set(value, label);
		const encoded = encodeURIComponent(value);
		if (encoded !== value) this.secrets.set(encoded, `${label} (url-encoded)`);
	}

	/** The emulator's key, connection strings and Entra client secret. */
	addEmulatorSecrets(emu: RunningEmulator): void {
		this.addSecret('access key', emu.accessKey);
		this.addSecret('connection string', emu.connectionString);
		this.addSecret('client secret', emu.tokenIssuer.clientSecret);
	}

	/** The Entra token a credential store holds after a run. */
	addTokensOf(store: CredentialStore | undefined): void {
		const token = store?.dataOfType('azureCommunicationServicesEntraApi')?.accessToken;
		this.addSecret('Entra access token', token);
	}

	collect(where: string, value: unknown): void {
		this.texts.push({ where, text: typeof value === 'string' ? value : everythingIn(value) });
	}

	/** Items, error and run data of a node run; the token it used becomes a secret to look for. */
	collectRun(where: string, result: RunNodeResult): void {
		this.addTokensOf(result.credentials);
		this.collect(`${where}: items`, result.items);
		if (result.error) this.collect(`${where}: error`, result.error);
		if (result.workflowError) this.collect(`${where}: workflow error`, result.workflowError);
		this.collect(`${where}: run data`, result.runData);
	}

	collectedCount(): number {
		return this.texts.length;
	}

	secretCount(): number {
		return this.secrets.size;
	}

	/** Adds the captured logs and the emulator's request log, then returns every place a secret appears. */
	async scan(emulators: RunningEmulator[]): Promise<Leak[]> {
		for (const log of capturedLogs()) this.collect(`log (${log.level}, ${log.source})`, log.text);
		for (const emu of emulators) {
			this.collect('emulator request log', JSON.stringify(await emu.control.requestLog()));
		}
		const leaks: Leak[] = [];
		for (const { where, text } of this.texts) {
			for (const [secret, label] of this.secrets) {
				if (text.includes(secret)) leaks.push({ secret: label, where });
			}
		}
		return leaks;
	}
}
