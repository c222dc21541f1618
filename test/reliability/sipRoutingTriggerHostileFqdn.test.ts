/**
 * The SIP Routing Trigger behind a proxy that adds a trunk with a 1 MB FQDN to every answer: no FQDN is that long
 * (at most 249 characters), so that trunk is neither kept in the state nor put in an event.
 */
import type { IDataObject } from 'n8n-workflow';

import { withEmulator } from '../support/emulator';
import { PollingTrigger, polledItems } from '../support/engine/pollTrigger';
import { credentialsFor } from '../support/fixtures';
import { seedSip, TWO_TRUNKS_TWO_ROUTES } from '../nodes/sip/sipHarness';
import { startRewritingProxy, type RewritingProxy, type UpstreamAnswer } from './support/servers';

const emulator = withEmulator();
const HUGE_FQDN = `${'x'.repeat(1024 * 1024)}.contoso.com`;

/** The health the proxy gives the huge trunk in the next answers. */
let hugeTrunkHealth: IDataObject = {};
let proxy: RewritingProxy;

function rewrite(answer: UpstreamAnswer) {
	if (!answer.url.startsWith('/sip?')) return undefined;
	const document = JSON.parse(answer.body) as { trunks: Record<string, IDataObject> };
	document.trunks[HUGE_FQDN] = { sipSignalingPort: 5061, health: hugeTrunkHealth };
	return { body: JSON.stringify(document) };
}

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, rewrite);
});
afterAll(async () => {
	await proxy.close();
});

it('a trunk whose FQDN is 1 MB long is neither kept in the state nor put in an event', async () => {
	await seedSip(emulator(), TWO_TRUNKS_TWO_ROUTES);
	const trigger = new PollingTrigger({
		nodeType: 'azureCommunicationSipRoutingTrigger',
		parameters: { events: ['trunkHealthChanged'] },
		credentials: credentialsFor(emulator(), 'connectionString', proxy.endpoint),
	});
	hugeTrunkHealth = {
		tls: { status: 'ok' },
		ping: { status: 'ok' },
		overall: { status: 'active' },
	};
	expect(polledItems(await trigger.poll())).toEqual([]);
	expect(trigger.staticDataBytes).toBeLessThan(1_000);

	hugeTrunkHealth = {
		tls: { status: 'ok' },
		ping: { status: 'expired' },
		overall: { status: 'inactive', reason: 'noRecentPings' },
	};
	const items = polledItems(await trigger.poll());
	for (const item of items) expect(JSON.stringify(item).length).toBeLessThan(1_000);
	expect(trigger.staticDataBytes).toBeLessThan(1_000);
});
