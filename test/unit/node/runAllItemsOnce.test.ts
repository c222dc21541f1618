/** Operations that act on all input items at once (SIP Replace All): output, pairing and continueOnFail. */
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import { runAllItemsOnce } from '../../../nodes/shared/node/runItems';

const NODE: INode = {
	id: '1',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function context(itemCount: number, continueOnFail: boolean): IExecuteFunctions {
	return {
		getNode: () => NODE,
		getInputData: () => Array.from({ length: itemCount }, (_, index) => ({ json: { index } })),
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

describe('runAllItemsOnce', () => {
	it('returns what the operation made of all items, once', async () => {
		let calls = 0;
		const output = await runAllItemsOnce.call(context(3, false), async function () {
			calls++;
			return [
				{
					json: { replaced: this.getInputData().length },
					pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
				},
			];
		});
		expect(calls).toBe(1);
		expect(output).toEqual([
			{ json: { replaced: 3 }, pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }] },
		]);
	});

	it('with continueOnFail, a failure becomes one error item paired with every input item', async () => {
		const output = await runAllItemsOnce.call(context(2, true), async () => {
			throw new NodeApiError(
				NODE,
				{ message: 'refused' },
				{ message: 'Refused', description: 'why', httpCode: '400' },
			);
		});
		expect(output).toEqual([
			{
				json: { error: 'Refused', errorDescription: 'why', httpCode: '400' },
				pairedItem: [{ item: 0 }, { item: 1 }],
			},
		]);
	});

	it('without continueOnFail, throws a node error for the whole run (no item index)', async () => {
		const run = runAllItemsOnce.call(context(2, false), async () => {
			throw new Error('broken input');
		});
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await expect(run).rejects.toMatchObject({ message: 'broken input', context: {} });
	});
});
