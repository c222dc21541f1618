import { sleep } from '../../nodes/shared/sleep';

import { createExecuteContext } from '../support/engine';
import { FIXTURE_CLIENT_SECRET } from '../support/engine/fixtures';
import { useFixtureServer } from './useFixtureServer';

const fixtures = useFixtureServer();

const contextFor = () =>
	createExecuteContext({
		nodeType: 'engineFixture',
		parameters: { baseUrl: fixtures.server.baseUrl, path: '={{ $json.path }}' },
		credentials: {
			fixtureTokenApi: { baseUrl: fixtures.server.baseUrl, clientSecret: FIXTURE_CLIENT_SECRET },
		},
		inputItems: [{ path: '/echo?first' }, { path: '/echo?second' }],
	});

describe('createExecuteContext', () => {
	it('gives a real ExecuteContext: parameters per item, input items, authenticated HTTP with one token', async () => {
		const { context, preAuthenticationCount } = contextFor();

		expect(context.getInputData()).toHaveLength(2);
		expect(context.getNodeParameter('path', 1)).toBe('/echo?second');
		const first = await context.helpers.httpRequestWithAuthentication.call(
			context,
			'fixtureTokenApi',
			{
				method: 'GET',
				url: `${fixtures.server.baseUrl}/echo?a=1`,
				json: true,
			},
		);
		const second = await context.helpers.httpRequestWithAuthentication.call(
			context,
			'fixtureTokenApi',
			{
				method: 'GET',
				url: `${fixtures.server.baseUrl}/whoami`,
				returnFullResponse: true,
				json: true,
			},
		);

		expect(first).toMatchObject({ auth: 'bearer', path: '/echo?a=1' });
		expect(second).toMatchObject({ statusCode: 200, body: { auth: 'bearer' } });
		expect(preAuthenticationCount('fixtureTokenApi')).toBe(1);
	});

	it('abort() fires the cancel signal a sleeping transport waits on', async () => {
		const { context, abort } = contextFor();
		setTimeout(abort, 100);

		// An hour: only the abort can end it within the test's timeout.
		await expect(sleep(3_600_000, context.getExecutionCancelSignal())).rejects.toBeDefined();
		expect(context.getExecutionCancelSignal()?.aborted).toBe(true);
	});
});
