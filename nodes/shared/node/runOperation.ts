import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readConcurrency } from './descriptions';
import type { OperationModule } from './resourceModule';
import { runAllItemsOnce, runItems, runItemsConcurrently } from './runItems';

/** Runs an operation over the input items: once for all of them, concurrently, or one after another. */
export async function runOperation(
	this: IExecuteFunctions,
	operation: OperationModule,
): Promise<INodeExecutionData[]> {
	if ('executeAll' in operation) return await runAllItemsOnce.call(this, operation.executeAll);
	if (operation.concurrent) {
		return await runItemsConcurrently.call(this, operation.execute, {
			concurrency: readConcurrency.call(this),
		});
	}
	return await runItems.call(this, operation.execute);
}
