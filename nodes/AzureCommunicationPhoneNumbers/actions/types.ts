import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../shared/node';

export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>;
	/** Items run with bounded concurrency (Options → Concurrency) instead of one after another. */
	concurrent?: boolean;
}

export interface ResourceModule {
	/** The Operation options of this resource, then every operation's parameters. */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/** A resource from its Operation field (which shows the operations) and the operations by value. */
export function resourceModule(
	operationField: INodeProperties,
	operations: Record<string, OperationModule>,
): ResourceModule {
	return {
		operations,
		description: [operationField, ...Object.values(operations).flatMap((operation) => operation.description)],
	};
}
