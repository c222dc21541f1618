import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sleep } from '../sleep';
import { acsErrorContextOf } from '../transport/errorContext';
import { concurrencyProblem } from './descriptions';
import { scrubbedError, scrubbedItem, scrubbedJson } from './scrubOutput';

/** What an operation returns for one input item: one object, a list (one output item each), or ready items. */
export type ItemOutput = IDataObject | IDataObject[] | INodeExecutionData[];
export type ItemHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>;

export interface ConcurrencyOptions {
	/** 1..16 */
	concurrency: number;
}

const OUTPUT_FIELDS_KEY = 'outputFields';
/** How long the other workers pause after a throttled item when the service named no wait, and at most. */
const DEFAULT_THROTTLE_PAUSE_MS = 1000;
const MAX_THROTTLE_PAUSE_MS = 30_000;

/**
 * Attach flat fields that should appear in the item when continueOnFail turns this error into output
 * (e.g. a refused purchase's cost), scrubbed: some are read from the service. Returns the same error.
 */
export function withOutputFields<E extends NodeApiError | NodeOperationError>(
	error: E,
	fields: IDataObject,
): E {
	error.context[OUTPUT_FIELDS_KEY] = {
		...((error.context[OUTPUT_FIELDS_KEY] as IDataObject) ?? {}),
		...scrubbedJson(fields),
	};
	return error;
}

/** Runs `handler` for every input item in order. */
export async function runItems(
	this: IExecuteFunctions,
	handler: ItemHandler,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// One push per entry: spreading a list of 100,000+ entries as arguments overflows the call stack.
		for (const entry of await runOneItem.call(this, handler, itemIndex)) output.push(entry);
	}
	return output;
}

/**
 * Runs `handler` once for all input items (it reads them itself). With continueOnFail, a failure becomes one error
 * item paired with every input item.
 */
export async function runAllItemsOnce(
	this: IExecuteFunctions,
	handler: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		return (await handler.call(this)).map(scrubbedItem);
	} catch (error) {
		const nodeError = asNodeError.call(this, error);
		if (!this.continueOnFail()) throw nodeError;
		const pairedItem = this.getInputData().map((_, item) => ({ item }));
		return [{ json: errorItem(nodeError), pairedItem }];
	}
}

/**
 * Runs `handler` for the input items with at most `concurrency` at a time; output keeps input order.
 * Retrying a throttled request (429) is the transport's job, within its one retry budget; an item that is still
 * throttled is not re-run here, but it halves the concurrency for a while and pauses every worker for the wait
 * the service asked for (Retry-After).
 */
export async function runItemsConcurrently(
	this: IExecuteFunctions,
	handler: ItemHandler,
	options: ConcurrencyOptions,
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const problem = concurrencyProblem(options.concurrency);
	if (problem) throw new NodeOperationError(this.getNode(), `Invalid "Concurrency": ${problem}`);
	const configured = options.concurrency;
	const signal = this.getExecutionCancelSignal();
	const results: INodeExecutionData[][] = new Array(itemCount);
	const failures = new Map<number, Error>();

	const throttle = { limit: configured, pausedUntil: 0, successes: 0 };
	let next = 0;
	let stopped = false;

	const waitForTurn = async (workerId: number) => {
		for (;;) {
			if (stopped || signal?.aborted || next >= itemCount) return false;
			const pause = throttle.pausedUntil - Date.now();
			if (pause > 0) await sleep(pause, signal);
			else if (workerId >= throttle.limit) await sleep(200, signal);
			else return true;
		}
	};

	const runAdaptingToThrottling = async (itemIndex: number) => {
		try {
			const result = await handler.call(this, itemIndex);
			throttle.successes++;
			if (throttle.limit < configured && throttle.successes >= throttle.limit * 2) {
				throttle.limit++;
				throttle.successes = 0;
			}
			return result;
		} catch (error) {
			if (isThrottled(error)) {
				throttle.limit = Math.max(1, Math.floor(throttle.limit / 2));
				throttle.successes = 0;
				throttle.pausedUntil = Math.max(throttle.pausedUntil, Date.now() + throttlePauseMs(error));
			}
			throw asNodeError.call(this, error, itemIndex);
		}
	};

	const worker = async (workerId: number) => {
		while (await waitForTurn(workerId)) {
			if (next >= itemCount) return;
			const itemIndex = next++;
			try {
				results[itemIndex] = await runOneItem.call(this, runAdaptingToThrottling, itemIndex);
			} catch (error) {
				failures.set(itemIndex, error as Error);
				stopped = true;
			}
		}
	};

	await Promise.all(Array.from({ length: Math.min(configured, itemCount) }, (_, id) => worker(id)));

	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	if (signal?.aborted && next < itemCount) {
		throw new NodeOperationError(
			this.getNode(),
			'The execution was cancelled before all items were processed',
		);
	}
	return results.flat();
}

async function runOneItem(
	this: IExecuteFunctions,
	handler: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	try {
		return toExecutionData(await handler.call(this, itemIndex), itemIndex);
	} catch (error) {
		const nodeError = asNodeError.call(this, error, itemIndex);
		if (this.continueOnFail()) {
			return [{ json: errorItem(nodeError), pairedItem: { item: itemIndex } }];
		}
		throw nodeError;
	}
}

/** `itemIndex` is left out for a failure of all items at once. */
function asNodeError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined && itemIndex !== undefined)
			error.context.itemIndex = itemIndex;
		return scrubbedError(error);
	}
	const message = error instanceof Error ? error.message : String(error);
	return scrubbedError(
		new NodeOperationError(this.getNode(), message, itemIndex === undefined ? {} : { itemIndex }),
	);
}

function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const item: IDataObject = { error: error.message };
	if (error.description) item.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) item.httpCode = error.httpCode;
	const extra = error.context[OUTPUT_FIELDS_KEY] as IDataObject | undefined;
	return scrubbedJson(extra ? { ...item, ...extra } : item);
}

function toExecutionData(output: ItemOutput, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(output) ? output : [output];
	return list.map((entry) =>
		scrubbedItem(
			isExecutionData(entry)
				? { ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }
				: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
		),
	);
}

function isExecutionData(value: unknown): value is INodeExecutionData {
	if (typeof value !== 'object' || value === null) return false;
	const keys = Object.keys(value);
	const json = (value as IDataObject).json;
	return (
		typeof json === 'object' &&
		json !== null &&
		!Array.isArray(json) &&
		keys.every((key) => ['json', 'binary', 'pairedItem', 'error'].includes(key))
	);
}

export function isThrottled(error: unknown): boolean {
	return acsErrorContextOf(error)?.status === 429;
}

/** The wait the service asked for on the throttled request (recorded by the transport), within bounds. */
function throttlePauseMs(error: unknown): number {
	return Math.min(
		acsErrorContextOf(error)?.retryAfterMs ?? DEFAULT_THROTTLE_PAUSE_MS,
		MAX_THROTTLE_PAUSE_MS,
	);
}
