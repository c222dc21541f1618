import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { runItems } from '../../shared/node/runItems';
import { scrubbedError, scrubbedItem, scrubbedJson } from '../../shared/node/scrubOutput';
import { endPatternMatching } from '../helpers/patternMatcher';
import { operationsOf } from './operations';

/**
 * Runs the chosen operation. Per-item operations run one item after another (never concurrently: every write
 * rewrites parts of the one SIP document, so parallel items would overwrite each other). Replace All operations
 * run once for all items.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = operationsOf(resource);
	const module = operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`);
	}
	try {
		if ('executeAll' in module) return [await runOnce.call(this, module.executeAll)];
		return [await runItems.call(this, module.execute)];
	} finally {
		await endPatternMatching(this);
	}
}

async function runOnce(
	this: IExecuteFunctions,
	executeAll: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		return (await executeAll.call(this)).map(scrubbedItem);
	} catch (caught) {
		const error = asNodeError.call(this, caught);
		if (!this.continueOnFail()) throw error;
		const json: IDataObject = { error: error.message };
		if (error.description) json.errorDescription = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
		const pairedItem = this.getInputData().map((_, item) => ({ item }));
		return [{ json: scrubbedJson(json), pairedItem }];
	}
}

function asNodeError(this: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return scrubbedError(error);
	return scrubbedError(new NodeOperationError(this.getNode(), error instanceof Error ? error.message : String(error)));
}
