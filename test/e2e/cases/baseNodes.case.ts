import assert from 'node:assert/strict';
import { itemsOf } from './assertions';
import type { WorkflowCase } from './types';

/** The plumbing itself: import + execute of a workflow made only of n8n's own nodes. */
export const baseNodesPlumbing: WorkflowCase = {
	workflowId: 'e2ePlumbingBase1',
	verify(context) {
		assert.deepEqual(itemsOf(context, 'Set greeting'), [{ greeting: 'hello from n8n', sum: 42 }]);
		assert.equal(context.requests.length, 0);
	},
};
