import { extractRunJson, summarizeRun } from '../../../scripts/n8n/runOutput';

const run = {
	data: {
		resultData: {
			runData: {
				Start: [{ data: { main: [[{ json: {} }]] } }],
				'Set greeting': [
					{ data: { main: [[{ json: { greeting: 'hi' } }, { json: { greeting: 'ho' } }]] } },
				],
			},
		},
	},
	status: 'success',
	finished: true,
};

describe('extractRunJson', () => {
	it('finds the run data between log lines', () => {
		const stdout = [
			'n8n Task Broker ready on 127.0.0.1, port 5679',
			JSON.stringify(run, null, 2),
			'Stopping n8n...',
		].join('\n');
		expect(extractRunJson(stdout)).toEqual(run);
	});

	it('skips a brace line that does not start valid JSON', () => {
		const stdout = ['{', 'not json', JSON.stringify({ a: 1 }, null, 2)].join('\n');
		expect(extractRunJson(stdout)).toEqual({ a: 1 });
	});

	it('returns undefined when nothing was printed', () => {
		expect(
			extractRunJson('Error executing workflow. See log messages for details.'),
		).toBeUndefined();
	});
});

describe('summarizeRun', () => {
	it('keeps the first output of each node', () => {
		expect(summarizeRun(run)).toEqual({
			status: 'success',
			finished: true,
			nodes: {
				Start: { items: [{}] },
				'Set greeting': { items: [{ greeting: 'hi' }, { greeting: 'ho' }] },
			},
		});
	});

	it('reports the workflow error and the failed node', () => {
		const failed = {
			status: 'error',
			data: {
				resultData: {
					error: {
						message: 'Not purchased: too expensive',
						description: 'Nothing was bought',
						node: { name: 'Buy' },
					},
					runData: { Buy: [{ error: { message: 'Not purchased: too expensive' } }] },
				},
			},
		};
		const summary = summarizeRun(failed);
		expect(summary.error).toEqual({
			message: 'Not purchased: too expensive',
			description: 'Nothing was bought',
			node: 'Buy',
		});
		expect(summary.nodes.Buy).toEqual({
			items: [],
			error: { message: 'Not purchased: too expensive' },
		});
	});
});
