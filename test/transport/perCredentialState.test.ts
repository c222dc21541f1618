/**
 * What the transport keeps in the process (n8n queue-mode workers are separate processes, but one process serves
 * many credentials): the Entra token cache, the finish times LRO polls are planned from, and Retry-After waits. Two
 * credentials never share any of them, on the same endpoint or on different ones.
 */
import { clearEntraTokenCache, fetchAcsToken } from '../../credentials/common/entraToken';
import { acsRequest, waitForOperation } from '../../nodes/shared/transport';
import { finishTimes, learningKindOf } from '../../nodes/shared/transport/lro';
import { requestLogWhen, withEmulator } from '../support/emulator';
import { entraClientSecretFields } from '../support/fixtures';
import { entraContext, hmacContext, startSearch } from './support/transportHarness';

const emulator = withEmulator();
const otherEmulator = withEmulator();

const setLro = (emu: ReturnType<typeof emulator>, plan: Record<string, unknown>) =>
	emu.control.call('PUT', '/_emulator/phoneNumbers/lro', plan);

const search = async (context: ReturnType<typeof hmacContext>['context']) => {
	const handle = await startSearch(context);
	await waitForOperation.call(context, handle, { timeoutSeconds: 10, skipResult: true });
	return handle.operationId;
};

describe('learnt LRO polling cadence', () => {
	it('is remembered per credential: a second credential on the same endpoint starts from nothing', async () => {
		const emu = emulator();
		await setLro(emu, { operationType: 'search', notStartedMs: 0, runningMs: 300 });
		const first = hmacContext(emu).context;
		const second = entraContext(emu).context;
		const operationId = await search(first);
		const firstKind = await learningKindOf(first, operationId, 0);
		const secondKind = await learningKindOf(second, operationId, 0);
		expect(finishTimes.recall(firstKind)).toHaveLength(1);
		expect(secondKind).not.toBe(firstKind);
		expect(finishTimes.recall(secondKind)).toEqual([]);
		await search(second);
		expect(finishTimes.recall(firstKind)).toHaveLength(1);
		expect(finishTimes.recall(secondKind)).toHaveLength(1);
	});

	it('is keyed without the credential secret in it', async () => {
		const emu = emulator();
		const kind = await learningKindOf(hmacContext(emu).context, 'search_1', 0);
		expect(kind).not.toContain(emu.accessKey);
		expect(kind).toContain(new URL(emu.endpoint).origin);
	});
});

describe('Entra token cache', () => {
	beforeEach(() => clearEntraTokenCache());

	it('gives each identity its own token: another issuer, tenant or client id never gets a cached one', async () => {
		const first = entraClientSecretFields(emulator());
		const second = entraClientSecretFields(otherEmulator());
		const firstToken = await fetchAcsToken(first);
		expect((await fetchAcsToken(first)).token).toBe(firstToken.token);
		const secondToken = await fetchAcsToken(second);
		expect(secondToken.token).not.toBe(firstToken.token);
		// Same issuer and secret, another tenant or client: the issuer is asked (and refuses), the cache is not used.
		await expect(
			fetchAcsToken({ ...first, tenantId: '00000000-0000-4000-8000-0000000000aa' }),
		).rejects.toThrow(/Entra ID token/);
		await expect(
			fetchAcsToken({ ...first, clientId: '00000000-0000-4000-8000-0000000000bb' }),
		).rejects.toThrow(/Entra ID token/);
		expect((await fetchAcsToken(first)).token).toBe(firstToken.token);
	});
});

describe('Retry-After', () => {
	it('is waited by the call it was answered to: another credential on the same endpoint is not held back', async () => {
		const emu = emulator();
		await emu.control.addFault({
			method: 'GET',
			path: '^/phoneNumbers$',
			type: 'status',
			status: 429,
			retryAfter: 3,
			count: 1,
		});
		const list = (context: ReturnType<typeof hmacContext>['context']) =>
			acsRequest.call(context, { method: 'GET', path: '/phoneNumbers', api: 'phoneNumbers' });
		const throttled = list(hmacContext(emu).context);
		await requestLogWhen(emu, (log) => log.some((entry) => entry.status === 429));
		await list(entraContext(emu).context);
		const statuses = (await emu.control.requestLog())
			.filter((entry) => entry.path === '/phoneNumbers')
			.map((entry) => `${entry.auth} ${entry.status}`);
		// The Entra (bearer) call was answered while the throttled one (refused before its HMAC was checked) waits 3 s.
		expect(statuses).toEqual(['none 429', 'bearer 200']);
		await throttled;
	});
});
