import { LoggerProxy } from 'n8n-workflow';

import { capturedLogs, clearCapturedLogs, createExecuteContext, runNode } from '../support/engine';
import { FIXTURE_CLIENT_SECRET } from '../support/engine/fixtures';
import { useFixtureServer } from './useFixtureServer';

const fixtures = useFixtureServer();
beforeEach(clearCapturedLogs);

describe('capturedLogs', () => {
	it('captures the node logger and LoggerProxy with their metadata', () => {
		const { context } = createExecuteContext({ nodeType: 'engineFixture' });

		context.logger.warn('node says', { detail: { nested: 'needle-123' } });
		LoggerProxy.debug('proxy says');

		const texts = capturedLogs().map((line) => line.text);
		expect(texts).toContainEqual(expect.stringContaining('needle-123'));
		expect(capturedLogs().map((line) => line.level)).toEqual(['warn', 'debug']);
	});

	it('captures what the engine logs while running a workflow', async () => {
		await runNode({
			nodeType: 'engineFixture',
			parameters: { baseUrl: fixtures.server.baseUrl, path: '/status/500' },
			credentials: {
				fixtureTokenApi: { baseUrl: fixtures.server.baseUrl, clientSecret: FIXTURE_CLIENT_SECRET },
			},
		});

		const messages = capturedLogs().map((line) => line.message);
		expect(messages).toContain('Workflow execution finished with error');
	});
});
