/** Typed client of the /_emulator/ control API (node:http, loopback). Exposed as `emu.control`. */
import { request } from 'node:http';
import { PhoneNumbersControl, SipControl } from './domainControl';
import type { Fault, FaultSpec } from './faults';
import type { RequestLogEntry } from './requestLog';
import type { PersistedState } from './statePersistence';

export interface ClockState {
	now: string;
	offsetMs: number;
}

export interface TokenStats {
	issued: number;
	lifetimeSeconds: number;
}

export class ControlClientError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		method: string,
		path: string,
	) {
		super(`Control API ${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
	}
}

export class ControlClient {
	/** The Phone Numbers domain's control routes: LRO plans, settings, ledger, seed, state. */
	readonly phoneNumbers: PhoneNumbersControl;
	/** The SIP domain's control routes: stored configuration, trunk health. */
	readonly sip: SipControl;

	constructor(private readonly endpoint: string) {
		const call = <T>(method: string, path: string, body?: unknown) =>
			this.call<T>(method, path, body);
		this.phoneNumbers = new PhoneNumbersControl(call);
		this.sip = new SipControl(call);
	}

	reset(): Promise<ClockState & { reset: true }> {
		return this.call('POST', '/_emulator/reset');
	}

	info(): Promise<Record<string, unknown>> {
		return this.call('GET', '/_emulator/info');
	}

	getClock(): Promise<ClockState> {
		return this.call('GET', '/_emulator/clock');
	}

	advanceClock(by: { seconds?: number; minutes?: number; ms?: number }): Promise<ClockState> {
		return this.call('POST', '/_emulator/clock/advance', by);
	}

	setClock(to: { now?: string | Date; offsetMs?: number }): Promise<ClockState> {
		const body = to.now instanceof Date ? { ...to, now: to.now.toISOString() } : to;
		return this.call('PUT', '/_emulator/clock', body);
	}

	addFault(spec: FaultSpec): Promise<Fault> {
		return this.call('POST', '/_emulator/faults', spec);
	}

	async listFaults(): Promise<Fault[]> {
		return (await this.call<{ faults: Fault[] }>('GET', '/_emulator/faults')).faults;
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/_emulator/faults');
	}

	async removeFault(id: string): Promise<void> {
		await this.call('DELETE', `/_emulator/faults/${encodeURIComponent(id)}`);
	}

	async requestLog(): Promise<RequestLogEntry[]> {
		return (await this.call<{ requests: RequestLogEntry[] }>('GET', '/_emulator/requests'))
			.requests;
	}

	async clearRequestLog(): Promise<void> {
		await this.call('DELETE', '/_emulator/requests');
	}

	tokens(): Promise<TokenStats> {
		return this.call('GET', '/_emulator/tokens');
	}

	setTokenLifetime(lifetimeSeconds: number): Promise<TokenStats> {
		return this.call('PUT', '/_emulator/tokens', { lifetimeSeconds });
	}

	state(): Promise<PersistedState> {
		return this.call('GET', '/_emulator/state');
	}

	/** Any control route, including the domains' (/_emulator/phoneNumbers/..., /_emulator/sip/...). Throws on >= 400. */
	call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		return new Promise((resolve, reject) => {
			const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
			const req = request(
				new URL(path, this.endpoint),
				{
					method,
					// The control API takes changes only as JSON, also without a body (see core/controlGuard.ts).
					headers:
						method === 'GET'
							? {}
							: {
									'Content-Type': 'application/json',
									'Content-Length': String(payload?.length ?? 0),
								},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let parsed: unknown = undefined;
						try {
							parsed = text ? JSON.parse(text) : undefined;
						} catch {
							parsed = text;
						}
						if ((res.statusCode ?? 500) >= 400)
							reject(new ControlClientError(res.statusCode ?? 500, parsed, method, path));
						else resolve(parsed as T);
					});
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}
}
