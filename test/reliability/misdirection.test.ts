/**
 * Misdirection: an Operation-Location, Location or nextLink pointing at another host, an endpoint
 * that is not an ACS host without "Allow Custom Endpoint", and plain http to a non-loopback host are refused,
 * and nothing is sent there. "Another host" is a second loopback server (it records what it receives); a proxy
 * in front of the emulator rewrites the emulator's answers to point at it.
 */
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { entraClientSecretFields } from '../support/fixtures';
import {
	jsonOf,
	phoneControl,
	received,
	runPhone,
	TOLL_FREE_SEARCH as SEARCH,
	type Auth,
} from './support/nodes';
import { SecretScan } from './support/secrets';
import { guardSockets } from './support/socketGuard';
import {
	startRecordingServer,
	startRewritingProxy,
	type RecordingServer,
	type Rewrite,
	type RewritingProxy,
} from './support/servers';

const seed = reliabilitySeed('misdirection');
const emulator = withEmulator({ seed });
const scan = new SecretScan();
const AUTHS: Auth[] = ['connectionString', 'entraId'];

let foreign: RecordingServer;
const proxies: RewritingProxy[] = [];

beforeAll(async () => {
	foreign = await startRecordingServer();
});
beforeEach(async () => {
	foreign.received.length = 0;
	await phoneControl(emulator(), 'PUT', '/lro', { notStartedMs: 0, runningMs: 30 });
	await emulator().control.clearRequestLog();
});
afterAll(async () => {
	await Promise.all(proxies.map((proxy) => proxy.close()));
	await foreign.close();
});

async function proxyWith(rewrite: Rewrite): Promise<RewritingProxy> {
	const proxy = await startRewritingProxy(emulator().endpoint, rewrite);
	proxies.push(proxy);
	return proxy;
}

/** The other host, in the spellings an attacker might use. */
function foreignSpellings(path: string): Array<[string, string]> {
	return [
		['absolute URL', `http://127.0.0.1:PORT${path}`],
		['scheme-relative URL', `//127.0.0.1:PORT${path}`],
		['backslash trick', `/\\127.0.0.1:PORT${path}`],
		['same host, other scheme', `https://127.0.0.1:PORT${path}`],
	];
}

/** The spelling with the other host's port, known once it listens. */
const at = (spelling: string) => spelling.replace('PORT', String(foreign.port));

function expectRefusal(result: Awaited<ReturnType<typeof runPhone>>, what: RegExp) {
	expect(result.error?.message).toMatch(/another host|not the credential's endpoint/);
	expect(`${result.error?.message} ${result.error?.description ?? ''}`).toMatch(what);
	expect(foreign.received).toEqual([]);
}

describe.each(AUTHS)('service URLs pointing at another host are refused (%s)', (auth) => {
	it.each(foreignSpellings('/phoneNumbers/operations/stolen?api-version=2025-06-01'))(
		'Operation-Location as %s',
		async (_, spelling) => {
			const foreignUrl = at(spelling);
			const proxy = await proxyWith((answer) =>
				answer.headers['operation-location']
					? { headers: { ...answer.headers, 'operation-location': foreignUrl } }
					: undefined,
			);
			const result = await runPhone(emulator(), SEARCH, { auth, endpoint: proxy.endpoint });
			scan.collectRun(`Operation-Location ${auth}`, result);
			expect(proxy.rewritten).toBeGreaterThan(0);
			expectRefusal(result, /Operation-Location/);
			expect(await received(emulator())).toEqual([
				'POST /availablePhoneNumbers/countries/US/:search',
			]);
		},
	);

	it.each(foreignSpellings('/availablePhoneNumbers/searchResults/stolen?api-version=2025-06-01'))(
		'Location / resourceLocation as %s',
		async (_, spelling) => {
			const foreignUrl = at(spelling);
			const proxy = await proxyWith((answer) => {
				let changed = false;
				const headers = { ...answer.headers };
				if (headers.location) {
					headers.location = foreignUrl;
					changed = true;
				}
				let body = answer.body;
				if (body.includes('"resourceLocation"')) {
					const parsed = JSON.parse(body) as Record<string, unknown>;
					parsed.resourceLocation = foreignUrl;
					body = JSON.stringify(parsed);
					changed = true;
				}
				return changed ? { headers, body } : undefined;
			});
			const result = await runPhone(emulator(), SEARCH, { auth, endpoint: proxy.endpoint });
			scan.collectRun(`Location ${auth}`, result);
			expect(proxy.rewritten).toBeGreaterThan(0);
			expectRefusal(result, /Location/);
			const sent = await received(emulator());
			expect(sent[0]).toBe('POST /availablePhoneNumbers/countries/US/:search');
			expect(sent.filter((line) => line.includes('searchResults'))).toEqual([]);
		},
	);

	it.each(foreignSpellings('/phoneNumbers?skip=100&top=100&api-version=2025-06-01'))(
		'nextLink as %s',
		async (_, spelling) => {
			const foreignUrl = at(spelling);
			await phoneControl(emulator(), 'POST', '/seed', { count: 150 });
			const proxy = await proxyWith((answer) => {
				if (!answer.body.includes('"nextLink"')) return undefined;
				const parsed = JSON.parse(answer.body) as Record<string, unknown>;
				parsed.nextLink = foreignUrl;
				return { body: JSON.stringify(parsed) };
			});
			const result = await runPhone(
				emulator(),
				{ resource: 'phoneNumber', operation: 'getAll', returnAll: true },
				{ auth, endpoint: proxy.endpoint },
			);
			scan.collectRun(`nextLink ${auth}`, result);
			expect(proxy.rewritten).toBe(1);
			expectRefusal(result, /nextLink|next page|another host/);
			expect(await received(emulator())).toEqual(['GET /phoneNumbers']);
		},
	);
});

describe('endpoints the credential must refuse before sending anything', () => {
	it.each(AUTHS)(
		'a loopback server that is not an ACS host, without Allow Custom Endpoint (%s)',
		async (auth) => {
			const emu = emulator();
			const guard = guardSockets();
			try {
				const credentials =
					auth === 'connectionString'
						? {
								azureCommunicationServicesApi: {
									connectionStringSecret: emu.connectionString.replace(
										emu.endpoint,
										`${foreign.origin}/`,
									),
									allowCustomEndpoint: false,
								},
							}
						: {
								azureCommunicationServicesEntraApi: {
									...entraClientSecretFields(emu),
									endpoint: `${foreign.origin}/`,
									allowCustomEndpoint: false,
								},
							};
				const { runNode } = await import('../support/engine');
				const result = await runNode({
					nodeType: 'azureCommunicationPhoneNumbers',
					parameters: {
						authentication: auth,
						resource: 'phoneNumber',
						operation: 'getAll',
						returnAll: true,
					},
					credentials,
				});
				scan.collectRun(`custom endpoint ${auth}`, result);
				expect(result.error?.message).toMatch(/not an Azure Communication Services host/);
				expect(result.error?.message).toMatch(/Allow Custom Endpoint/);
				expect(foreign.received).toEqual([]);
				expect(guard.attempts.filter((target) => target.endsWith(`:${foreign.port}`))).toEqual([]);
			} finally {
				guard.restore();
			}
		},
	);

	const nonLoopback = [
		'http://10.20.30.40/',
		'http://acs-test.communication.azure.com/',
		'http://127.0.0.1.nip.io/',
		'http://localhost.attacker.test/',
		'http://[fd00::1]/',
	];
	it.each(AUTHS.flatMap((auth) => nonLoopback.map((endpoint) => [auth, endpoint] as const)))(
		'plain http to a non-loopback host is refused before any connection (%s, %s)',
		async (auth, endpoint) => {
			const emu = emulator();
			const guard = guardSockets();
			try {
				const result = await runPhone(
					emu,
					{ resource: 'phoneNumber', operation: 'getAll', returnAll: true },
					{ auth, endpoint },
				);
				scan.collectRun(`http ${endpoint} ${auth}`, result);
				expect(result.error?.message).toMatch(/must use https/);
				expect(result.error?.description ?? '').toMatch(/Nothing was sent/);
				const host = new URL(endpoint).hostname;
				expect(guard.attempts.filter((target) => target.includes(host))).toEqual([]);
				expect(guard.refused).toEqual([]);
				expect(await received(emu)).toEqual([]);
			} finally {
				guard.restore();
			}
		},
	);
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(scan.collectedCount()).toBeGreaterThan(20);
	expect(await scan.scan([emulator()])).toEqual([]);
});

it('a sanity run through the proxy without rewriting succeeds (the refusals above are not the proxy)', async () => {
	const proxy = await proxyWith(() => undefined);
	const result = await runPhone(emulator(), SEARCH, { endpoint: proxy.endpoint });
	expect(jsonOf(result)[0]).toMatchObject({ completed: true, phoneNumberCount: 1 });
});
