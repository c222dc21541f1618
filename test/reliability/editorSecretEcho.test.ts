/** A server echoing the Authorization value into a success answer: it reaches no editor dropdown or list search. */
import type { RunningEmulator } from '../../emulator';
import { searchTrunks } from '../../nodes/AzureCommunicationSipRouting/methods/listSearch';
import { AzureCommunicationPhoneNumbers } from '../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node';
import { AzureCommunicationSipRouting } from '../../nodes/AzureCommunicationSipRouting/AzureCommunicationSipRouting.node';
import { editorContext } from '../nodes/phoneNumbers/loadOptionsContext';
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import type { Auth } from './support/nodes';
import { startRewritingProxy, type RewritingProxy } from './support/servers';

const emulator = withEmulator({ seed: reliabilitySeed('editorSecretEcho') });
let proxy: RewritingProxy;
let lastAuthorization = '';

const bare = (authorization: string) =>
	/Signature=(\S+)$/.exec(authorization)?.[1] ?? authorization.replace(/^Bearer /, '');

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, (answer) => {
		const authorization = answer.requestHeaders.authorization;
		if (!authorization || answer.method !== 'GET') return undefined;
		lastAuthorization = authorization;
		const secret = bare(authorization);
		const body = answer.url.startsWith('/sip')
			? { trunks: { [`sbc-${secret}`]: { sipSignalingPort: 5061 } }, routes: [] }
			: {
					phoneNumbers: [
						{ phoneNumber: `+1425${secret}`, countryCode: secret, phoneNumberType: 'geographic' },
					],
				};
		return {
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		};
	});
});
afterAll(() => proxy.close());

function behindProxy(emu: RunningEmulator): RunningEmulator {
	return {
		...emu,
		endpoint: proxy.endpoint,
		connectionString: emu.connectionString.replace(emu.endpoint, proxy.endpoint),
	};
}

describe.each<Auth>(['connectionString', 'entraId'])('%s', (auth) => {
	it('the purchased-number list search', async () => {
		const { context } = editorContext(behindProxy(emulator()), auth, 'phoneNumber', {});
		const search = new AzureCommunicationPhoneNumbers().methods.listSearch.searchPurchasedNumbers;
		const result = await search.call(context);
		expect(result.results.length).toBeGreaterThan(0);
		expect(JSON.stringify(result)).not.toContain(bare(lastAuthorization));
	});

	it('the trunk list search', async () => {
		const { context } = editorContext(behindProxy(emulator()), auth, 'trunk', {});
		const search = new AzureCommunicationSipRouting().methods.listSearch
			.searchTrunks as typeof searchTrunks;
		const result = await search.call(context);
		expect(JSON.stringify(result)).not.toContain(bare(lastAuthorization));
	});
});
