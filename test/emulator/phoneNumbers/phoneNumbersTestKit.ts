/** Shared set-up for the Phone Numbers emulator tests: the emulator, an SDK client, control and signed raw calls. */
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';
import type { OperationOptions } from '@azure/core-client';
import type { RunningEmulator } from '../../../emulator';
import { signAcsRequest } from '../../../nodes/shared/acs/hmac';
import { withEmulator } from '../../support/emulator';
import {
	AUTH_MODES,
	sdkClientOptions,
	TOKEN_LIFETIME_SECONDS,
	type AuthMode,
} from '../core/support/sdkAuth';

/** The SDK pollers read updateIntervalInMs at run time although the public option types omit it (except reservations). */
export const POLL: OperationOptions & { updateIntervalInMs?: number } = { updateIntervalInMs: 5 };

export interface PhoneNumbersKit {
	emu(): RunningEmulator;
	/** An SDK client authenticated with the current auth mode (see forEachAuth; default: connection string). */
	client(apiVersion?: string): PhoneNumbersClient;
	/** Declares the tests of `body` once per auth mode: `describe('<title> (<mode>)')`, kit.client() using that mode. */
	forEachAuth(title: string, body: () => void): void;
	control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	raw(
		method: string,
		pathAndQuery: string,
		options?: { body?: unknown; headers?: Record<string, string> },
	): Promise<RawResponse>;
}

export interface RawResponse {
	status: number;
	headers: Headers;
	body: any;
	text: string;
}

/** Starts one emulator for the file; before each test it is reset and LROs finish after `runningMs` (default 20 ms). */
export function phoneNumbersKit(lro: { runningMs?: number } = {}): PhoneNumbersKit {
	const emulator = withEmulator({ seed: 42, tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS });
	let auth: AuthMode = 'connection string';
	let clientsMade = 0;
	const control = <T>(method: string, path: string, body?: unknown) =>
		emulator().control.call<T>(method, `/_emulator/phoneNumbers${path}`, body);
	beforeEach(async () => {
		await emulator().control.phoneNumbers.setLro({
			notStartedMs: 0,
			runningMs: lro.runningMs ?? 20,
		});
	});
	return {
		emu: emulator,
		client: (apiVersion) => {
			clientsMade += 1;
			const { endpoint, credential, options } = sdkClientOptions(emulator(), auth);
			const withVersion = { ...options, ...(apiVersion ? { apiVersion } : {}) } as never;
			return credential
				? new PhoneNumbersClient(endpoint, credential, withVersion)
				: new PhoneNumbersClient(endpoint, withVersion);
		},
		forEachAuth: (title, body) =>
			describe.each(AUTH_MODES)(`${title} (%s)`, (mode) => {
				beforeAll(() => {
					auth = mode;
				});
				afterAll(() => {
					auth = 'connection string';
				});
				beforeEach(() => {
					clientsMade = 0;
				});
				// Proof that the SDK really authenticated this way: the emulator logged it, and refused nothing.
				afterEach(async () => {
					if (clientsMade === 0) return;
					const kinds = new Set((await emulator().control.requestLog()).map((entry) => entry.auth));
					expect(kinds.has(mode === 'Entra ID' ? 'bearer' : 'hmac')).toBe(true);
					expect(kinds.has('rejected')).toBe(false);
				});
				body();
			}),
		control,
		raw: async (method, pathAndQuery, options = {}) => {
			const emu = emulator();
			const url = new URL(pathAndQuery, emu.endpoint);
			const body = options.body === undefined ? '' : JSON.stringify(options.body);
			const signed = signAcsRequest({
				method,
				url,
				body,
				accessKey: emu.accessKey,
				date: new Date(),
			});
			const response = await fetch(url, {
				method,
				body: body === '' ? undefined : body,
				headers: {
					...signed,
					...(body ? { 'content-type': 'application/json' } : {}),
					...options.headers,
				},
			});
			const text = await response.text();
			return {
				status: response.status,
				headers: response.headers,
				text,
				body: text ? JSON.parse(text) : undefined,
			};
		},
	};
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const items: T[] = [];
	for await (const item of iterable) items.push(item);
	return items;
}

/** Searches and purchases `quantity` numbers through the SDK; returns the E.164 numbers. */
export async function buyNumbers(
	client: PhoneNumbersClient,
	quantity = 1,
	countryCode = 'US',
): Promise<string[]> {
	const search = await client.beginSearchAvailablePhoneNumbers(
		{
			countryCode,
			phoneNumberType: 'tollFree',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'none' },
			quantity,
		},
		POLL,
	);
	const result = await search.pollUntilDone();
	const purchase = await client.beginPurchasePhoneNumbers(result.searchId, {
		...POLL,
		agreeToNotResell: true,
	} as never);
	await purchase.pollUntilDone();
	return result.phoneNumbers;
}
