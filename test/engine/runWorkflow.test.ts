import type { INode } from 'n8n-workflow';

import {
	credentialStore,
	ITEMS_TRIGGER_TYPE,
	itemsTriggerParameters,
	nodeOutputs,
	runWorkflow,
} from '../support/engine';
import { FIXTURE_CLIENT_SECRET } from '../support/engine/fixtures';
import { useFixtureServer } from './useFixtureServer';

const fixtures = useFixtureServer();

const fixtureNode = (name: string, path: string, credentialId: INode['credentials']): INode => ({
	id: name,
	name,
	type: 'engineFixture',
	typeVersion: 1,
	position: [0, 0],
	parameters: { baseUrl: fixtures.server.baseUrl, path },
	credentials: credentialId,
});

describe('runWorkflow', () => {
	it('runs a chain of nodes sharing one stored credential and one token', async () => {
		const store = credentialStore();
		const reference = store.add('fixtureTokenApi', {
			baseUrl: fixtures.server.baseUrl,
			clientSecret: FIXTURE_CLIENT_SECRET,
		});
		const credentials = { fixtureTokenApi: reference };
		const start: INode = {
			id: 'start',
			name: 'Start',
			type: ITEMS_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: itemsTriggerParameters([{ id: 'a' }, { id: 'b' }]),
		};

		const result = await runWorkflow({
			nodes: [
				start,
				fixtureNode('First', '/echo?step=1', credentials),
				fixtureNode('Second', '/echo?step=2', credentials),
			],
			connections: {
				Start: { main: [[{ node: 'First', type: 'main', index: 0 }]] },
				First: { main: [[{ node: 'Second', type: 'main', index: 0 }]] },
			},
			credentials: store,
		});

		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual(['Start', 'First', 'Second']);
		const second = nodeOutputs(result.runData, 'Second')[0];
		expect(second.map((item) => item.json.path)).toEqual(['/echo?step=2', '/echo?step=2']);
		expect(second.map((item) => (item.json.received as { received: unknown }).received)).toEqual([
			{ id: 'a' },
			{ id: 'b' },
		]);
		expect(second.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.credentialsHelper.preAuthenticationCount('fixtureTokenApi')).toBe(1);
	});
});
