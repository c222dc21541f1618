import {
	NodeApiError,
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { normaliseE164 } from '../../../shared/acs/phoneNumber';
import { acsRequest } from '../../../shared/transport';
import { invalidParameter } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection } from '../common.descriptions';
import { runBounded } from './boundedRun';
import { readNumberList } from './numberList';
import { operatorInformationOutput, type OperatorInformation } from './output';

/** The service looks up one number per request; this many requests of one item are in flight at most. */
export const LOOK_UP_CONCURRENCY = 4;

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +14255550123, +442071234567',
		description:
			'E.164 numbers to look up, separated by commas or new lines. Each number is one request to the service (at most 4 at a time) and one output item.',
	},
	{
		displayName: 'Include Additional Operator Details',
		name: 'includeAdditionalOperatorDetails',
		type: 'boolean',
		default: false,
		description:
			'Whether to also return the number type, country and carrier. This costs money per number looked up; without it only the formats are returned, free of charge.',
	},
	{
		displayName: 'Additional operator details are billed per number looked up',
		name: 'operatorDetailsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { includeAdditionalOperatorDetails: [true] } },
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['operatorInformation'], operation: ['lookUp'] } },
	properties,
);

type NodeError = NodeApiError | NodeOperationError;

/**
 * One request per number (the live service refuses more than one), at most LOOK_UP_CONCURRENCY at a time, one
 * output item per number in input order. A number that fails becomes an error item with continueOnFail; otherwise
 * no further number is started and the node fails naming the first number that failed.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const nextTurn = async () => await sleep(0);
	const list = await readNumberList(
		this.getNodeParameter('phoneNumbers', itemIndex, '') as unknown,
		nextTurn,
	);
	if ('invalid' in list)
		throw invalidParameter.call(this, itemIndex, 'Phone Numbers', list.invalid.problem);
	const { numbers } = list;
	if (numbers.length === 0) {
		throw invalidParameter.call(
			this,
			itemIndex,
			'Phone Numbers',
			'enter at least one number in E.164 form, e.g. +14255550123',
		);
	}
	const includeAdditionalOperatorDetails = this.getNodeParameter(
		'includeAdditionalOperatorDetails',
		itemIndex,
		false,
	) as boolean;
	const api = phoneNumbersApi.call(this, itemIndex);
	const continueOnFail = this.continueOnFail();
	const signal = this.getExecutionCancelSignal?.();
	const output: INodeExecutionData[] = new Array(numbers.length);
	const failures = new Map<number, NodeError>();

	await runBounded(
		{
			count: numbers.length,
			bound: LOOK_UP_CONCURRENCY,
			shouldContinue: () => (continueOnFail || failures.size === 0) && !signal?.aborted,
			nextTurn,
		},
		async (index) => {
			const phoneNumber = numbers[index];
			try {
				const response = await (acsRequest<{ values?: OperatorInformation[] }>).call(this, {
					method: 'POST',
					path: '/operatorInformation/:search',
					...api,
					body: { phoneNumbers: [phoneNumber], options: { includeAdditionalOperatorDetails } },
				});
				const value = response.body?.values?.[0];
				// Only a value for this very number is an answer (not an empty `values`, nor another number's).
				if (!value || normaliseE164(value.phoneNumber).value !== phoneNumber) {
					throw new NodeOperationError(
						this.getNode(),
						`the service returned no information for ${phoneNumber}`,
						{ itemIndex },
					);
				}
				output[index] = {
					json: operatorInformationOutput(phoneNumber, value),
					pairedItem: { item: itemIndex },
				};
			} catch (error) {
				const failure = namingTheNumber(this, error, phoneNumber, itemIndex);
				if (!continueOnFail) failures.set(index, failure);
				output[index] = { json: errorItem(phoneNumber, failure), pairedItem: { item: itemIndex } };
			}
		},
	);

	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	if (signal?.aborted)
		throw new NodeOperationError(this.getNode(), 'The execution was cancelled', { itemIndex });
	return output;
}

function namingTheNumber(
	ctx: IExecuteFunctions,
	error: unknown,
	phoneNumber: string,
	itemIndex: number,
): NodeError {
	const nodeError: NodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(
					ctx.getNode(),
					error instanceof Error ? error.message : String(error),
					{ itemIndex },
				);
	nodeError.message = `Look up of ${phoneNumber} failed: ${nodeError.message}`;
	if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
	return nodeError;
}

function errorItem(phoneNumber: string, error: NodeError): IDataObject {
	const item: IDataObject = { phoneNumber, error: error.message };
	if (error.description) item.errorDescription = error.description;
	if (error instanceof NodeApiError && error.httpCode) item.httpCode = error.httpCode;
	return item;
}
