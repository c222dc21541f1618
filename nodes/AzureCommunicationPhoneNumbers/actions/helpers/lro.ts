import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLroMode } from '../../../shared/node';
import {
	startLongRunningOperation,
	waitForOperation,
	type LroHandle,
	type LroOutcome,
	type LroStartOptions,
} from '../../../shared/transport';

export interface LongRunResult {
	handle: LroHandle;
	/** Undefined when Wait for Completion is off. */
	outcome?: LroOutcome;
}

/** Starts an LRO and, when Wait for Completion is on, waits for it within the Timeout. */
export async function runLongOperation(
	this: IExecuteFunctions,
	itemIndex: number,
	start: LroStartOptions,
	options: { skipResult?: boolean } = {},
): Promise<LongRunResult> {
	const mode = readLroMode.call(this, itemIndex);
	const handle = await startLongRunningOperation.call(this, start);
	if (!mode.waitForCompletion) return { handle };
	const outcome = await waitForOperation.call(this, handle, {
		timeoutSeconds: mode.timeoutSeconds,
		apiVersion: start.apiVersion,
		itemIndex,
		skipResult: options.skipResult,
	});
	return { handle, outcome };
}

/** Output of an operation started with Wait for Completion off. */
export function pendingOutput(handle: LroHandle, fields: IDataObject = {}): IDataObject {
	return {
		...fields,
		operationId: handle.operationId,
		completed: false,
		resumeWith: 'Long-Running Operation → Wait for Completion',
	};
}
