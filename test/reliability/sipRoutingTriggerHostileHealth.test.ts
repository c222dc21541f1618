/**
 * The SIP Routing Trigger behind a proxy that answers trunk health with 1 MB status and reason strings: the health
 * it keeps in its state, and the Trunk Health Changed events it emits, stay small.
 */
import type { IDataObject } from 'n8n-workflow';

import { withEmulator } from '../support/emulator';
import { PollingTrigger, polledItems } from '../support/engine/pollTrigger';
import { credentialsFor } from '../support/fixtures';
import { seedSip, TWO_TRUNKS_TWO_ROUTES } from '../nodes/sip/sipHarness';
import { startRewritingProxy, type RewritingProxy, type UpstreamAnswer } from './support/servers';

const emulator = withEmulator();
const HUGE = 'x'.repeat(1024 * 1024);

/** The health the proxy puts on every trunk of the next answers; undefined: the emulator's own. */
let health: IDataObject | undefined;
let proxy: RewritingProxy;

function rewrite(answer: UpstreamAnswer) {
	if (health === undefined || !answer.url.startsWith('/sip?')) return undefined;
	const document = JSON.parse(answer.body) as { trunks: Record<string, IDataObject> };
	for (const trunk of Object.values(document.trunks)) trunk.health = health;
	return { body: JSON.stringify(document) };
}

beforeAll(async () => {
	proxy = await startRewritingProxy(emulator().endpoint, rewrite);
});
afterAll(async () => {
	await proxy.close();
});

it('1 MB health statuses and reasons are neither kept in the state nor put whole in an event', async () => {
	await seedSip(emulator(), TWO_TRUNKS_TWO_ROUTES);
	const trigger = new PollingTrigger({
		nodeType: 'azureCommunicationSipRoutingTrigger',
		parameters: { events: ['trunkHealthChanged'] },
		credentials: credentialsFor(emulator(), 'connectionString', proxy.endpoint),
	});
	health = {
		tls: { status: `ok${HUGE}` },
		ping: { status: 'ok' },
		overall: { status: 'active', reason: HUGE },
	};
	expect(polledItems(await trigger.poll())).toEqual([]);
	expect(trigger.staticDataBytes).toBeLessThan(1_000);

	health = {
		tls: { status: 'ok' },
		ping: { status: `expired${HUGE}` },
		overall: { status: 'inactive', reason: `noRecentPings${HUGE}` },
	};
	const items = polledItems(await trigger.poll());
	expect(items.map((item) => `${String(item.event)}:${String(item.subject)}`)).toEqual([
		'trunkHealthChanged:sbc1.contoso.com',
		'trunkHealthChanged:sbc2.contoso.com',
	]);
	for (const item of items) expect(JSON.stringify(item).length).toBeLessThan(1_000);
	expect(trigger.staticDataBytes).toBeLessThan(1_000);
});
