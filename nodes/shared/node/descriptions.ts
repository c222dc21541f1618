import {
	NodeOperationError,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { MAX_LIST_ITEMS } from '../transport/pageChainGuard';

export const DEFAULT_LRO_TIMEOUT_SECONDS = 300;
export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

/**
 * An entry for an operation's `options` collection: overrides the api-version sent to the service.
 * Read it back with `readApiVersion`.
 */
export function apiVersionOption(defaultVersion: string): INodeProperties {
	return {
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'string',
		default: '',
		placeholder: `e.g. ${defaultVersion}`,
		description: `The api-version query value to send. Leave empty to use ${defaultVersion}.`,
	};
}

/** An entry for an operation's `options` collection: how many items run at the same time (1..16). */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	default: DEFAULT_CONCURRENCY,
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
	description:
		'How many input items are processed at the same time (1 to 16). Throttled requests (429) slow all of them down.',
};

/** "Wait for Completion" + "Timeout" for a long-running operation. Pass the operation's displayOptions. */
export function lroModeFields(displayOptions: IDisplayOptions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			...(isEmpty(displayOptions) ? {} : { displayOptions }),
			description:
				'Whether to wait until the operation finishes. If off, the node returns the operation ID at once; use Long-Running Operation → Wait for Completion with it later.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: DEFAULT_LRO_TIMEOUT_SECONDS,
			typeOptions: { minValue: 1, maxValue: 86400, numberPrecision: 0 },
			displayOptions: mergeShow(displayOptions, { waitForCompletion: [true] }),
			description:
				'How long to wait for the operation. On timeout the item fails with the operation ID, so you can resume with Long-Running Operation → Wait for Completion.',
		},
	];
}

export interface LroMode {
	waitForCompletion: boolean;
	timeoutSeconds: number;
}

export function readLroMode(this: IExecuteFunctions, itemIndex: number): LroMode {
	const waitForCompletion = this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const timeoutSeconds = waitForCompletion
		? (this.getNodeParameter('timeoutSeconds', itemIndex, DEFAULT_LRO_TIMEOUT_SECONDS) as number)
		: DEFAULT_LRO_TIMEOUT_SECONDS;
	return { waitForCompletion, timeoutSeconds };
}

/** The override from the operation's `options` collection, or undefined for the transport's default. */
export function readApiVersion(
	this: IExecuteFunctions,
	itemIndex: number,
	collection = 'options',
): string | undefined {
	const options = this.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	const value = typeof options.apiVersion === 'string' ? options.apiVersion.trim() : '';
	return value === '' ? undefined : value;
}

/**
 * The concurrency from the first item's `options` collection (default 4). A value outside 1..16 or not a whole
 * number is refused with a NodeOperationError naming the parameter, before any request: never silently clamped.
 */
export function readConcurrency(this: IExecuteFunctions, collection = 'options'): number {
	const options = this.getNodeParameter(collection, 0, {}) as IDataObject;
	const value = options.concurrency ?? DEFAULT_CONCURRENCY;
	const problem = concurrencyProblem(value);
	if (problem) {
		throw new NodeOperationError(this.getNode(), `Invalid "Concurrency": ${problem}`, {
			itemIndex: 0,
			description: 'Nothing was sent to Azure. Correct the parameter and run again.',
		});
	}
	return value as number;
}

/** Why `value` is not a valid concurrency (a whole number from 1 to 16), or undefined when it is. */
export function concurrencyProblem(value: unknown): string | undefined {
	if (
		typeof value === 'number' &&
		Number.isInteger(value) &&
		value >= 1 &&
		value <= MAX_CONCURRENCY
	)
		return undefined;
	return `${JSON.stringify(value)} is not allowed; enter a whole number from 1 to ${MAX_CONCURRENCY}.`;
}

/** "Return All" + "Limit" as n8n's lint rules want them. */
export function returnAllAndLimitFields(displayOptions: IDisplayOptions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			...(isEmpty(displayOptions) ? {} : { displayOptions }),
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: mergeShow(displayOptions, { returnAll: [false] }),
			description: 'Max number of results to return',
		},
	];
}

/** Undefined for Return All, else the Limit (a whole number up to the longest list the transport reads). */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_ITEMS) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Limit": ${limit} is not a whole number from 1 to ${MAX_LIST_ITEMS.toLocaleString('en-US')}`,
			{
				itemIndex,
				description:
					'Nothing was sent to Azure. Lists are read up to that many items; enter a smaller Limit.',
			},
		);
	}
	return limit;
}

/** The first `limit` items, or all of them when `limit` is undefined (Return All). */
export function withinLimit<T>(items: T[], limit: number | undefined): T[] {
	return limit === undefined ? items : items.slice(0, limit);
}

export function mergeShow(
	displayOptions: IDisplayOptions,
	show: IDisplayOptions['show'],
): IDisplayOptions {
	return { ...displayOptions, show: { ...(displayOptions.show ?? {}), ...show } };
}

function isEmpty(displayOptions: IDisplayOptions): boolean {
	return Object.keys(displayOptions).length === 0;
}
