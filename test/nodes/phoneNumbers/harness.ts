/**
 * Shared setup of the Phone Numbers node tests: the node runs through the real n8n engine (runNode) against the
 * emulator over HTTP, with either credential. The emulator's control API sets LRO timing, the clock and faults,
 * and its request log shows what the node sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { withEmulator } from '../../support/emulator';
import { runNode, type RunNodeResult } from '../../support/engine';
import { credentialsFor, type Auth } from '../../support/fixtures';

export { credentialsFor, type Auth };
export { TOLL_FREE_SEARCH } from '../../support/fixtures';

export const NODE_TYPE = 'azureCommunicationPhoneNumbers';

export const BOTH_AUTHS: Auth[] = ['connectionString', 'entraId'];

/** One emulator per test file; before each test it is reset and LROs finish after `runningMs`. */
export function phoneNumbersEmulator(lro: { runningMs?: number } = {}): () => RunningEmulator {
	const emulator = withEmulator({ seed: 7 });
	beforeEach(async () => {
		await control(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: lro.runningMs ?? 20 });
		await emulator().control.clearRequestLog();
	});
	return emulator;
}

export function control<T = any>(
	emu: RunningEmulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	return emu.control.call<T>(method, `/_emulator/phoneNumbers${path}`, body);
}

export interface RunOptions {
	auth?: Auth;
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
}

export async function run(
	emu: RunningEmulator,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType: NODE_TYPE,
		parameters: {
			authentication: options.auth ?? 'connectionString',
			...parameters,
		} as INodeParameters,
		credentials: credentialsFor(emu, options.auth),
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
	});
}

/** `run` bound to one credential, for bodies parametrised with describe.each(BOTH_AUTHS). */
export function runnerFor(auth: Auth): typeof run {
	return async (emu, parameters, options = {}) => await run(emu, parameters, { auth, ...options });
}

const AUTHORIZATION_KIND: Record<Auth, string> = { connectionString: 'hmac', entraId: 'bearer' };

/**
 * After each test of the enclosing describe, every ACS request the emulator authenticated carried this credential's
 * kind of authorization (HMAC or bearer): proves the parametrised body really ran with that credential.
 * Requests answered by an injected fault before authentication are logged with auth 'none' and skipped.
 */
export function expectEveryRequestSignedWith(emulator: () => RunningEmulator, auth: Auth): void {
	afterEach(async () => {
		const kinds = (await emulator().control.requestLog())
			.filter((entry) => !entry.path.startsWith('/_emulator') && entry.auth !== 'none')
			.map((entry) => entry.auth);
		expect(kinds.filter((kind) => kind !== AUTHORIZATION_KIND[auth])).toEqual([]);
	});
}

/** The items' JSON, failing the test with the node's error if it failed. */
export function jsonOf(result: RunNodeResult): IDataObject[] {
	if (result.error)
		throw new Error(`Node failed: ${result.error.message} — ${result.error.description ?? ''}`);
	return result.items.map((item) => item.json);
}

/** Requests the node sent to ACS paths (control calls excluded). */
export async function acsRequests(
	emu: RunningEmulator,
): Promise<Array<{ method: string; path: string; status: number }>> {
	const log = await emu.control.requestLog();
	return log
		.map((entry) => entry as unknown as { method: string; path: string; status: number })
		.filter((entry) => !entry.path.startsWith('/_emulator'));
}

/** Fast LRO polling is the transport's business; tests keep operations short instead. */
export const LRO = { waitForCompletion: true, timeoutSeconds: 30 };

export const COST_LIMITS: INodeParameters = {
	maxMonthlyCostPerNumber: 100,
	maxTotalMonthlyCost: 1000,
	costCurrency: 'USD',
};
