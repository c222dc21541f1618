/**
 * Authentication failures through the official SDK clients, answered as the service answers them:
 * 401 with `{"error":{"code":"Denied","message":<live message>}}`, and nothing is done.
 */
import { PhoneNumbersClient, SipRoutingClient } from '@azure/communication-phone-numbers';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { withEmulator } from '../../support/emulator';
import { startEmulatorProcess } from './support/emulatorProcess';

const emulator = withEmulator({ tls: false, seed: 5 });
const WRONG_KEY = Buffer.alloc(32, 9).toString('base64');
const DENIED = { statusCode: 401, code: 'Denied', message: 'Denied by the resource provider.' };
const CONTENT_HASH_DENIED = {
	statusCode: 401,
	code: 'Denied',
	message: "Request 'x-ms-content-sha256' differs from generated content hash.",
};
const NO_RETRIES = { retryOptions: { maxRetries: 0 }, allowInsecureConnection: true };

/** Runs after the SDK signed the request (perRetry policies follow the Sign phase): the body changes in transit. */
const tamperBody = (change: (body: string) => string): PipelinePolicy => ({
	name: 'tamperBodyAfterSigning',
	sendRequest: (request, next) => {
		if (typeof request.body === 'string') request.body = change(request.body);
		return next(request);
	},
});
const afterSigning = (policy: PipelinePolicy) => ({
	additionalPolicies: [{ policy, position: 'perRetry' as const }],
});

describe('SDK clients with a wrong access key', () => {
	it('PhoneNumbersClient and SipRoutingClient are refused with 401 Denied', async () => {
		const emu = emulator();
		const connectionString = `endpoint=${emu.endpoint};accesskey=${WRONG_KEY}`;
		await expect(
			new PhoneNumbersClient(connectionString, NO_RETRIES).getPurchasedPhoneNumber('+14255550100'),
		).rejects.toMatchObject(DENIED);
		const sip = new SipRoutingClient(connectionString, NO_RETRIES);
		await expect(
			sip.setTrunk({ fqdn: 'sbc.contoso.com', sipSignalingPort: 5061 }),
		).rejects.toMatchObject(DENIED);
		expect((await emu.control.requestLog()).map((entry) => [entry.auth, entry.status])).toEqual([
			['rejected', 401],
			['rejected', 401],
		]);
		expect((await emu.control.call('GET', '/_emulator/sip/config')).config.trunks).toEqual({});
	});
});

describe('SDK requests whose body is changed after signing', () => {
	it('a search is refused with the content-hash message and nothing is searched', async () => {
		const emu = emulator();
		const client = new PhoneNumbersClient(emu.connectionString, {
			...NO_RETRIES,
			...afterSigning(tamperBody((body) => body.replace('"quantity":1', '"quantity":9'))),
		});
		const search = client.beginSearchAvailablePhoneNumbers({
			countryCode: 'US',
			phoneNumberType: 'tollFree',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'none' },
			quantity: 1,
		});
		await expect(search).rejects.toMatchObject(CONTENT_HASH_DENIED);
		const state = await emu.control.call('GET', '/_emulator/phoneNumbers/state');
		expect(state).toMatchObject({ searchCount: 0, heldCount: 0 });
		expect(
			(await emu.control.requestLog()).map((entry) => [entry.method, entry.auth, entry.status]),
		).toEqual([['POST', 'rejected', 401]]);
	});

	it('a SIP trunk change is refused with the content-hash message and the configuration is unchanged', async () => {
		const emu = emulator();
		const tampered = new SipRoutingClient(emu.connectionString, {
			...NO_RETRIES,
			...afterSigning(tamperBody((body) => body.replace('5061', '5099'))),
		});
		await expect(
			tampered.setTrunk({ fqdn: 'sbc.contoso.com', sipSignalingPort: 5061 }),
		).rejects.toMatchObject(CONTENT_HASH_DENIED);
		expect((await emu.control.call('GET', '/_emulator/sip/config')).config.trunks).toEqual({});
	});
});

describe('SDK requests signed by a client whose clock is wrong', () => {
	// The emulator runs in its own process; only this process's Date is moved, as on a client with a skewed clock.
	let emu: Awaited<ReturnType<typeof startEmulatorProcess>>;
	beforeAll(async () => {
		emu = await startEmulatorProcess();
	}, 20_000);
	afterAll(async () => {
		await emu?.stop();
	});
	afterEach(() => {
		jest.useRealTimers();
	});
	const clientClockOffBy = (minutes: number) => {
		jest.useRealTimers();
		const now = Date.now();
		jest.useFakeTimers({
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
		});
		jest.setSystemTime(now + minutes * 60_000);
	};
	const firstCountry = async () => {
		const client = new PhoneNumbersClient(emu.connectionString, NO_RETRIES);
		for await (const country of client.listAvailableCountries()) return country.countryCode;
		return undefined;
	};

	it('a date 16 minutes old or ahead is refused with 401 Denied', async () => {
		clientClockOffBy(-16);
		await expect(firstCountry()).rejects.toMatchObject(DENIED);
		clientClockOffBy(16);
		await expect(firstCountry()).rejects.toMatchObject(DENIED);
	});

	it('a date 14 minutes off is accepted', async () => {
		clientClockOffBy(-14);
		expect(await firstCountry()).toEqual(expect.any(String));
	});
});
