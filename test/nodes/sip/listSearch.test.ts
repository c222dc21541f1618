import type { ILoadOptionsFunctions } from 'n8n-workflow';

import {
	searchDomains,
	searchRoutes,
	searchTrunks,
} from '../../../nodes/AzureCommunicationSipRouting/methods/listSearch';
import { withEmulator } from '../../support/emulator';
import { createExecuteContext } from '../../support/engine';
import {
	credentialsFor,
	NODE_TYPE,
	seedSip,
	sentRequests,
	TWO_TRUNKS_TWO_ROUTES,
} from './sipHarness';

const emulator = withEmulator();

/** A real n8n-core context with the node's credential; it serves the same helpers list search uses. */
function contextFor(emu: ReturnType<typeof emulator>) {
	const { context } = createExecuteContext({
		nodeType: NODE_TYPE,
		parameters: { resource: 'route', operation: 'get' },
		credentials: credentialsFor(emu),
	});
	return context as unknown as ILoadOptionsFunctions;
}

describe('From List searches', () => {
	it('list trunks, routes (in priority order) and domains, filtered', async () => {
		const emu = emulator();
		await seedSip(emu, { ...TWO_TRUNKS_TWO_ROUTES, domains: { 'contoso.com': { enabled: true } } });
		const context = contextFor(emu);

		expect((await searchTrunks.call(context, 'sbc2')).results).toEqual([
			{ name: 'sbc2.contoso.com:5062', value: 'sbc2.contoso.com' },
		]);
		expect((await searchRoutes.call(context)).results.map((result) => result.value)).toEqual([
			'US',
			'All',
		]);
		expect((await searchRoutes.call(context, 'all')).results).toEqual([
			{ name: '2. All (^\\+[1-9][0-9]{3,23}$)', value: 'All' },
		]);
		expect((await searchDomains.call(context)).results).toEqual([
			{ name: 'contoso.com', value: 'contoso.com' },
		]);
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'GET /sip', 'GET /sip', 'GET /sip']);
	});
});
