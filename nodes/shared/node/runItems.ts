import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { concurrencyProblem } from './descriptions';

/** What an operation returns for one input item: one object, a list (one output item each), or ready items. */
export type ItemOutput = IDataObject | IDataObject[] | INodeExecutionData[];
export type ItemHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>;

export interface ConcurrencyOptions {
	/** 1..16 */
	concurrency: number;
	/** Re-run an item whose request was throttled (429). Only for idempotent handlers. Default true. */
	retryThrottled?: boolean;
	/** Default 3. */
	maxThrottleRetries?: number;
}

const OUTPUT_FIELDS_KEY = 'outputFields';
const MAX_THROTTLE_DELAY_MS = 30_000;

/**
 * Attach flat fields that should appear in the item when continueOnFail turns this error into output
 * (e.g. a refused purchase's cost). Returns the same error.
 */
export function withOutputFields<E extends NodeApiError | NodeOperationError>(error: E, fields: IDataObject): E {
	error.context[OUTPUT_FIELDS_KEY] = { ...((error.context[OUTPUT_FIELDS_KEY] as IDataObject) ?? {}), ...fields };
	return error;
}

/** Runs `handler` for every input item in order. */
export async function runItems(this: IExecuteFunctions, handler: ItemHandler): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		// One push per entry: spreading a list of 100,000+ entries as arguments overflows the call stack.
		for (const entry of await runOneItem.call(this, handler, itemIndex)) output.push(entry);
	}
	return output;
}

/**
 * Runs `handler` for the input items with at most `concurrency` at a time; output keeps input order.
 * A throttled item (429) pauses every worker, halves the concurrency for a while and is re-run.
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
	const retryThrottled = options.retryThrottled ?? true;
	const maxThrottleRetries = options.maxThrottleRetries ?? 3;
	const signal = this.getExecutionCancelSignal();
	const results: INodeExecutionData[][] = new Array(itemCount);
	const failures = new Map<number, Error>();

	const throttle = { limit: configured, pausedUntil: 0, successes: 0 };
	let next = 0;
	let stopped = false;

	const waitForTurn = async (workerId: number) => {
		for (;;) {
			if (stopped || signal?.aborted) return false;
			const pause = throttle.pausedUntil - Date.now();
			if (pause > 0) await sleep(pause, signal);
			else if (workerId >= throttle.limit) await sleep(200, signal);
			else return true;
		}
	};

	const runWithThrottleRetry = async (itemIndex: number) => {
		for (let attempt = 0; ; attempt++) {
			let failure: unknown;
			try {
				const result = await handler.call(this, itemIndex);
				throttle.successes++;
				if (throttle.limit < configured && throttle.successes >= throttle.limit * 2) {
					throttle.limit++;
					throttle.successes = 0;
				}
				return result;
			} catch (error) {
				failure = error;
			}
			if (!retryThrottled || !isThrottled(failure) || attempt >= maxThrottleRetries || signal?.aborted) throw failure;
			throttle.limit = Math.max(1, Math.floor(throttle.limit / 2));
			throttle.successes = 0;
			throttle.pausedUntil = Math.max(throttle.pausedUntil, Date.now() + throttleDelayMs(failure, attempt));
			await sleep(Math.max(0, throttle.pausedUntil - Date.now()), signal);
		}
	};

	const worker = async (workerId: number) => {
		while (await waitForTurn(workerId)) {
			if (next >= itemCount) return;
			const itemIndex = next++;
			try {
				results[itemIndex] = await runOneItem.call(this, runWithThrottleRetry, itemIndex);
			} catch (error) {
				failures.set(itemIndex, error as Error);
				stopped = true;
			}
		}
	};

	await Promise.all(Array.from({ length: Math.min(configured, itemCount) }, (_, id) => worker(id)));

	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	if (signal?.aborted && next < itemCount) {
		throw new NodeOperationError(this.getNode(), 'The execution was cancelled before all items were processed');
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

function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(this.getNode(), message, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const item: IDataObject = { error: error.message };
	if (error.description) item.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) item.httpCode = error.httpCode;
	const extra = error.context[OUTPUT_FIELDS_KEY] as IDataObject | undefined;
	return extra ? { ...item, ...extra } : item;
}

function toExecutionData(output: ItemOutput, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(output) ? output : [output];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }
			: { json: entry as IDataObject, pairedItem: { item: itemIndex } },
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
	return error instanceof NodeApiError && String(error.httpCode) === '429';
}

/** Retry-After carried by the transport's error (context.retryAfterMs), else exponential backoff with jitter. */
function throttleDelayMs(error: unknown, attempt: number): number {
	if (!(error instanceof NodeApiError)) return MAX_THROTTLE_DELAY_MS;
	const hinted = Number(error.context.retryAfterMs);
	if (Number.isFinite(hinted) && hinted > 0) return Math.min(hinted, MAX_THROTTLE_DELAY_MS);
	const base = 1000 * 2 ** attempt;
	return Math.min(base + Math.floor(Math.random() * base * 0.25), MAX_THROTTLE_DELAY_MS);
}
