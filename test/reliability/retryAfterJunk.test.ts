/**
 * A Retry-After that is not a usable wait (negative, junk, a date in the past, not a number, absurdly large) counts
 * as absent: the transport falls back to its exponential backoff, within its one budget of 1 + maxRetries attempts.
 * A proxy in front of the emulator answers every list request with 429 and the value under test; the emulator's
 * request log gives the count and the arrival times (lower bounds only).
 */
import { acsErrorContextOf, acsRequest } from '../../nodes/shared/transport';
import { withEmulator } from '../support/emulator';
import { createExecuteContext } from '../support/engine';
import { credentialsFor } from './support/nodes';
import { SecretScan } from './support/secrets';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

const emulator = withEmulator();
/** Backoff of exactly 200 ms per step before jitter: every wait is at least 100 ms. */
const RETRY = { maxRetries: 4, baseDelayMs: 200, maxDelayMs: 200, maxTotalWaitMs: 10_000 };
const MIN_BACKOFF_MS = 100;

const scan = new SecretScan();
let retryAfter = '';
let proxy: RewritingProxy;

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) =>
		answer.url.startsWith('/phoneNumbers?')
			? {
					status: 429,
					headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
					body: '{"error":{"code":"TooManyRequests","message":"Slow down"}}',
				}
			: undefined,
	);
});
afterAll(async () => {
	await proxy.close();
});

it.each([
	['negative', '-5'],
	['negative fraction', '-0.5'],
	['junk', 'soon'],
	['a date long past', 'Mon, 01 Jan 2001 00:00:00 GMT'],
	['not a number', 'NaN'],
	['absurdly large', '99999999999999999999'],
])('Retry-After %s (%p): backoff, 1 + maxRetries requests', async (_what, value) => {
	retryAfter = value;
	const { context } = createExecuteContext({
		nodeType: 'azureCommunicationPhoneNumbers',
		parameters: { authentication: 'connectionString' },
		credentials: credentialsFor(emulator(), 'connectionString', proxy.endpoint),
	});
	const error = await acsRequest
		.call(context, { method: 'GET', path: '/phoneNumbers', api: 'phoneNumbers', retry: RETRY })
		.then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
	scan.collect(`Retry-After ${value}`, error);
	expect(acsErrorContextOf(error)).toMatchObject({ status: 429 });
	expect(acsErrorContextOf(error)?.retryAfterMs).toBeUndefined();
	const times = (await emulator().control.requestLog()).map((entry) => Date.parse(entry.time));
	expect(times).toHaveLength(1 + RETRY.maxRetries);
	for (let index = 1; index < times.length; index++)
		expect(times[index] - times[index - 1]).toBeGreaterThanOrEqual(MIN_BACKOFF_MS);
});

it('leaks no secret in any error or log line of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(scan.collectedCount()).toBeGreaterThan(5);
	expect(await scan.scan([emulator()])).toEqual([]);
});
