/** Shared helpers of the transport tests: engine contexts for both credentials, raw HTTP, secret scanning. */
import { request } from 'node:http';
import type { RunningEmulator } from '../../../emulator';
import { startLongRunningOperation } from '../../../nodes/shared/transport';
import { createExecuteContext, type EngineExecuteContext } from '../../support/engine';
import type { CredentialStore } from '../../support/engine';
import { entraCredential as clientSecretCredential } from '../../support/fixtures';

export const NODE_TYPE = 'azureCommunicationPhoneNumbers';

export function hmacCredential(emu: RunningEmulator, overrides: Record<string, unknown> = {}) {
	return { connectionStringSecret: emu.connectionString, allowCustomEndpoint: true, ...overrides };
}

export function entraCredential(emu: RunningEmulator, overrides: Record<string, unknown> = {}) {
	return { ...clientSecretCredential(emu), ...overrides };
}

export function hmacContext(
	emu: RunningEmulator,
	overrides: Record<string, unknown> = {},
): EngineExecuteContext {
	return createExecuteContext({
		nodeType: NODE_TYPE,
		parameters: { authentication: 'connectionString' },
		credentials: { azureCommunicationServicesApi: hmacCredential(emu, overrides) },
	});
}

export function entraContext(
	emu: RunningEmulator,
	overrides: Record<string, unknown> = {},
	credentialStore?: CredentialStore,
): EngineExecuteContext {
	return createExecuteContext({
		nodeType: NODE_TYPE,
		parameters: { authentication: 'entraId' },
		credentials: { azureCommunicationServicesEntraApi: entraCredential(emu, overrides) },
		credentialStore,
	});
}

/** Everything an error exposes, as text: message, description, context, cause chain, stack, own properties. */
export function everythingIn(error: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const visit = (value: unknown, depth: number) => {
		if (value === null || value === undefined || depth > 6) return;
		if (typeof value !== 'object' && typeof value !== 'function') {
			parts.push(String(value));
			return;
		}
		if (seen.has(value)) return;
		seen.add(value);
		for (const key of Object.getOwnPropertyNames(value)) {
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			parts.push(key);
			visit(child, depth + 1);
		}
	};
	visit(error, 0);
	try {
		parts.push(JSON.stringify(error));
	} catch {
		/* circular: already walked */
	}
	return parts.join('\n');
}

export function expectNoSecrets(error: unknown, secrets: Array<string | undefined>) {
	const text = everythingIn(error);
	for (const secret of secrets) if (secret) expect(text).not.toContain(secret);
}

export async function caught(promise: Promise<unknown>): Promise<any> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to fail');
}

/** A raw HTTP request to the emulator with the headers given (for replay / tampering tests). */
export function rawRequest(
	url: string,
	options: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: options.method, headers: options.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
			);
		});
		req.on('error', reject);
		req.end(options.body);
	});
}

/** Starts a toll-free number search (an LRO) with the context's credential. */
export const startSearch = (context: EngineExecuteContext['context']) =>
	startLongRunningOperation.call(context, {
		method: 'POST',
		path: '/availablePhoneNumbers/countries/US/:search',
		api: 'phoneNumbers',
		body: {
			phoneNumberType: 'tollFree',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'none' },
			quantity: 1,
		},
	});
