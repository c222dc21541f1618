/**
 * Concurrency: 50 executions in parallel sharing one stored credential of each kind: each gets its
 * own result (no cross-talk), all correct, and one Entra token is fetched. The harness counts preAuthentication
 * calls (n8n's "fetch a token" hook: it runs in every execution that starts while the stored token is empty),
 * the emulator counts tokens it issued: the Entra credential shares one token request per identity in the process.
 */
import { clearEntraTokenCache } from '../../credentials/common/entraToken';
import { withEmulator } from '../support/emulator';
import { CredentialStore } from '../support/engine';
import { reportFigures } from './support/figures';
import { reliabilitySeed } from './support/seed';
import {
	credentialsFor,
	PHONE_NUMBERS,
	runWithStoredCredential,
	SIP_ROUTING,
	type Auth,
} from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const seed = reliabilitySeed('concurrency');
const emulator = withEmulator({ seed });
const scan = new SecretScan();
const PARALLEL = 50;
const figures: Record<string, unknown> = { seed, parallelExecutions: PARALLEL };

const TYPE: Record<Auth, string> = {
	connectionString: 'azureCommunicationServicesApi',
	entraId: 'azureCommunicationServicesEntraApi',
};

function sharedCredential(auth: Auth) {
	const store = new CredentialStore();
	const type = TYPE[auth];
	const data = (
		credentialsFor(emulator(), auth) as unknown as Record<string, Record<string, unknown>>
	)[type];
	const reference = store.add(type, data as never);
	return { store, credential: { type, reference } };
}

/** Execution i looks up its own number; the answer must be about that number only. */
const numberOf = (i: number) => `+1425555${String(1000 + i).padStart(4, '0')}`;
const lookUp = (i: number) => ({
	resource: 'operatorInformation',
	operation: 'lookUp',
	phoneNumbers: numberOf(i),
});

async function fiftyLookUps(
	auth: Auth,
	store: CredentialStore,
	credential: ReturnType<typeof sharedCredential>['credential'],
) {
	const runs = await Promise.all(
		Array.from({ length: PARALLEL }, (_, i) =>
			runWithStoredCredential(
				PHONE_NUMBERS,
				{ authentication: auth, ...lookUp(i) },
				store,
				credential,
			),
		),
	);
	runs.forEach((run, i) => {
		scan.collect(`lookUp ${auth} ${i}`, run.items);
		scan.collect(`lookUp ${auth} ${i} run data`, run.result.runData);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].phoneNumber).toBe(numberOf(i));
		expect(JSON.stringify(run.items[0])).toContain(numberOf(i).slice(-4));
		for (let j = 0; j < PARALLEL; j++)
			if (j !== i) expect(JSON.stringify(run.items[0])).not.toContain(numberOf(j));
	});
	return runs;
}

describe.each<Auth>(['entraId', 'connectionString'])(
	'50 parallel executions sharing one %s credential',
	(auth) => {
		it('each gets its own correct result, and one token is fetched from a cold start', async () => {
			clearEntraTokenCache();
			const { store, credential } = sharedCredential(auth);
			const runs = await fiftyLookUps(auth, store, credential);
			const preAuthentications = runs.reduce((sum, run) => sum + run.preAuthentications, 0);
			const issued = (await emulator().control.tokens()).issued;
			scan.addTokensOf(store);
			figures[`${auth}ColdPreAuthentications`] = preAuthentications;
			figures[`${auth}ColdTokensIssued`] = issued;
			if (auth === 'entraId') {
				expect(preAuthentications).toBeGreaterThanOrEqual(1);
				expect(issued).toBe(1);
			} else {
				expect(preAuthentications).toBe(0);
				expect(issued).toBe(0);
			}
			const log = await emulator().control.requestLog();
			expect(log).toHaveLength(PARALLEL);
			expect(new Set(log.map((entry) => entry.auth))).toEqual(
				new Set([auth === 'entraId' ? 'bearer' : 'hmac']),
			);
		});

		it('after one warm-up execution, the other 49 fetch no token at all', async () => {
			clearEntraTokenCache();
			const { store, credential } = sharedCredential(auth);
			const warm = await runWithStoredCredential(
				PHONE_NUMBERS,
				{ authentication: auth, ...lookUp(0) },
				store,
				credential,
			);
			expect(warm.error).toBeUndefined();
			const runs = await Promise.all(
				Array.from({ length: PARALLEL - 1 }, (_, k) =>
					runWithStoredCredential(
						PHONE_NUMBERS,
						{ authentication: auth, ...lookUp(k + 1) },
						store,
						credential,
					),
				),
			);
			runs.forEach((run, k) => {
				expect(run.error).toBeUndefined();
				expect(run.items[0].phoneNumber).toBe(numberOf(k + 1));
			});
			const later = runs.reduce((sum, run) => sum + run.preAuthentications, 0);
			figures[`${auth}WarmPreAuthentications`] = warm.preAuthentications + later;
			expect(later).toBe(0);
			expect((await emulator().control.tokens()).issued).toBe(auth === 'entraId' ? 1 : 0);
		});

		it('50 parallel trunk creations (one per execution) all land, each reporting its own trunk', async () => {
			const { store, credential } = sharedCredential(auth);
			const fqdn = (i: number) => `sbc${i}.${auth.toLowerCase()}.contoso.com`;
			const runs = await Promise.all(
				Array.from({ length: PARALLEL }, (_, i) =>
					runWithStoredCredential(
						SIP_ROUTING,
						{
							authentication: auth,
							resource: 'trunk',
							operation: 'createOrUpdate',
							fqdn: fqdn(i),
							sipSignalingPort: 5000 + i,
						},
						store,
						credential,
					),
				),
			);
			runs.forEach((run, i) => {
				scan.collect(`trunk ${auth} ${i}`, run.result.runData);
				expect(run.error).toBeUndefined();
				expect(run.items).toEqual([
					expect.objectContaining({ fqdn: fqdn(i), sipSignalingPort: 5000 + i, change: 'created' }),
				]);
			});
			const stored = (await signedRequest(emulator(), 'GET', '/sip?api-version=2023-03-01')).json;
			expect(Object.keys(stored.trunks).sort()).toEqual(
				Array.from({ length: PARALLEL }, (_, i) => fqdn(i)).sort(),
			);
			for (let i = 0; i < PARALLEL; i++)
				expect(stored.trunks[fqdn(i)].sipSignalingPort).toBe(5000 + i);
		});
	},
);

it('reports the figures', () => {
	reportFigures('concurrency', figures);
});

it('leaks no secret in any output, error, log line or request log of this file', async () => {
	scan.addEmulatorSecrets(emulator());
	expect(await scan.scan([emulator()])).toEqual([]);
});
