/** Retry policy and error mapping, through real n8n plumbing against the emulator's fault injection. */
import { acsErrorContextOf, acsRequest } from '../../nodes/shared/transport';
import { withEmulator } from '../support/emulator';
import { caught, expectNoSecrets, hmacContext } from './support/transportHarness';

const emulator = withEmulator();
const FAST = { baseDelayMs: 20, maxDelayMs: 50 };

const list = (context: any, extra: Record<string, unknown> = {}) =>
	acsRequest.call(context, {
		method: 'GET',
		path: '/phoneNumbers',
		api: 'phoneNumbers',
		retry: FAST,
		...extra,
	});

const search = (context: any, extra: Record<string, unknown> = {}) =>
	acsRequest.call(context, {
		method: 'POST',
		path: '/availablePhoneNumbers/countries/US/:search',
		api: 'phoneNumbers',
		body: {
			phoneNumberType: 'tollFree',
			assignmentType: 'application',
			capabilities: { calling: 'outbound', sms: 'none' },
			quantity: 1,
		},
		retry: FAST,
		...extra,
	});

async function requestsTo(emu: any, pattern: RegExp) {
	return (await emu.control.requestLog()).filter((entry: any) =>
		pattern.test(`${entry.method} ${entry.path}`),
	);
}

describe('retries', () => {
	it.each([429, 500, 502, 503, 504])(
		'a GET answered %i twice is retried and succeeds',
		async (status) => {
			const emu = emulator();
			await emu.control.addFault({
				method: 'GET',
				path: '^/phoneNumbers',
				type: 'status',
				status,
				count: 2,
			});
			const { context } = hmacContext(emu);
			expect((await list(context)).statusCode).toBe(200);
			expect((await requestsTo(emu, /^GET \/phoneNumbers/)).map((e: any) => e.status)).toEqual([
				status,
				status,
				200,
			]);
		},
	);

	it('honours Retry-After in seconds', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 429,
			retryAfter: 1,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const started = Date.now();
		await list(context);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('honours Retry-After as an HTTP date', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 503,
			retryAfter: 2,
			retryAfterAsDate: true,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const started = Date.now();
		await list(context);
		// HTTP dates have whole seconds: the wait is between 1 and 2 s.
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('gives up after the bounded count with the last error', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 503,
			count: 50,
		});
		const { context } = hmacContext(emu);
		const error = await caught(list(context, { retry: { ...FAST, maxRetries: 3 } }));
		expect(error.httpCode).toBe('503');
		expect(error.description).toMatch(/Gave up after 4 attempts/);
		expect(await requestsTo(emu, /^GET \/phoneNumbers/)).toHaveLength(4);
	});

	it('does not wait when Retry-After exceeds the total budget', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 429,
			retryAfter: 120,
			count: 5,
		});
		const { context } = hmacContext(emu);
		// Retry-After is 2 minutes, beyond the test's timeout: had the client waited, the test would have failed.
		const error = await caught(list(context, { retry: { ...FAST, maxTotalWaitMs: 10_000 } }));
		expect(await requestsTo(emu, /^GET \/phoneNumbers/)).toHaveLength(1);
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/exceed the retry budget/);
		expect(await requestsTo(emu, /^GET \/phoneNumbers/)).toHaveLength(1);
	});

	it('keeps the Retry-After of the last answer in the error context, read through acsErrorContextOf', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 429,
			retryAfter: 3,
			count: 5,
		});
		const { context } = hmacContext(emu);
		const error = await caught(list(context, { retry: { ...FAST, maxRetries: 0 } }));
		expect(acsErrorContextOf(error)).toMatchObject({ status: 429, retryAfterMs: 3000 });
	});

	it('retries a connection reset on a GET', async () => {
		const emu = emulator();
		await emu.control.addFault({ method: 'GET', path: '^/phoneNumbers', type: 'reset', count: 1 });
		const { context } = hmacContext(emu);
		expect((await list(context)).statusCode).toBe(200);
	});

	it('never sends a POST twice after a 5xx: the error says it may have been processed', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'POST',
			path: ':search',
			type: 'status',
			status: 500,
			count: 1,
		});
		const { context } = hmacContext(emu);
		const error = await caught(search(context));
		expect(error.httpCode).toBe('500');
		expect(error.context.acs.ambiguous).toBe(true);
		expect(error.description).toMatch(/not idempotent/);
		expect(await requestsTo(emu, /^POST .*:search/)).toHaveLength(1);
	});

	it('never sends a POST twice after a connection reset', async () => {
		const emu = emulator();
		await emu.control.addFault({ method: 'POST', path: ':search', type: 'reset', count: 1 });
		const { context } = hmacContext(emu);
		const error = await caught(search(context));
		expect(error.context.acs.ambiguous).toBe(true);
		expect(error.description).toMatch(/may or may not have processed/);
		expect(await requestsTo(emu, /^POST .*:search/)).toHaveLength(1);
	});

	it('re-sends a POST after 429 (throttled requests are not processed)', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'POST',
			path: ':search',
			type: 'status',
			status: 429,
			count: 1,
		});
		const { context } = hmacContext(emu);
		expect((await search(context)).statusCode).toBe(202);
		expect((await requestsTo(emu, /^POST .*:search/)).map((e: any) => e.status)).toEqual([
			429, 202,
		]);
	});

	it('a slow response past the timeout counts as a failure and a GET is retried', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'delay',
			delayMs: 800,
			count: 1,
		});
		const { context } = hmacContext(emu);
		expect((await list(context, { timeoutMs: 300 })).statusCode).toBe(200);
	});

	it('cancelling the execution stops a retry wait at once', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'status',
			status: 503,
			retryAfter: 3600,
			count: 1,
		});
		const harness = hmacContext(emu);
		// Retry-After is an hour and within the budget: only the cancellation can end the wait in time.
		const pending = caught(list(harness.context, { retry: { maxTotalWaitMs: 7_200_000 } }));
		setTimeout(() => harness.abort(), 200);
		const error = await pending;
		expect(error.message).toMatch(/cancelled/);
		expect(await requestsTo(emu, /^GET \/phoneNumbers/)).toHaveLength(1);
	});
});

describe('errors', () => {
	it('an ACS error body becomes "<code>: <message>" with status, inner error, correlation and a hint', async () => {
		const emu = emulator();
		const { context } = hmacContext(emu);
		const error = await caught(
			acsRequest.call(context, {
				method: 'PATCH',
				path: '/sip',
				api: 'sip',
				body: { routes: [{ name: 'r', numberPattern: '.*', trunks: ['missing.contoso.com'] }] },
				contentType: 'application/merge-patch+json',
			}),
		);
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(/^UnprocessableConfiguration: /);
		expect(error.description).toMatch(/Inner error: MissingTrunk/);
		expect(error.description).toMatch(/Hint: /);
		// SIP refusals carry no error.target on the live service, so no Target line is invented.
		expect(error.description).not.toMatch(/Target:/);
		expect(error.description).toMatch(/Correlation: \S+/);
		expect(error.context.acs).toMatchObject({
			status: 422,
			code: 'UnprocessableConfiguration',
			innerCode: 'MissingTrunk',
		});
		expect(error.context.acs.correlationId).toEqual(expect.any(String));
		expectNoSecrets(error, [emu.accessKey, emu.connectionString]);
		expect(JSON.stringify(error)).not.toMatch(/HMAC-SHA256|x-ms-content-sha256|authorization/i);
	});

	it('an HTML error page is recognised', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers',
			type: 'html',
			status: 502,
			count: 10,
		});
		const { context } = hmacContext(emu);
		const error = await caught(list(context, { retry: { ...FAST, maxRetries: 1 } }));
		expect(error.httpCode).toBe('502');
		expect(error.message).toMatch(/HTML error page/);
		expect(error.description).toMatch(/Hint: /);
	});

	it('a 404 names the resource problem', async () => {
		const emu = emulator();
		const { context } = hmacContext(emu);
		const error = await caught(
			acsRequest.call(context, {
				method: 'GET',
				path: '/phoneNumbers/%2B19995550100',
				api: 'phoneNumbers',
			}),
		);
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/: /);
		expect(error.context.acs.status).toBe(404);
	});
});
