import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemHandler } from './runItems';

/** An operation that runs once per input item. */
export interface PerItemOperation {
	description: INodeProperties[];
	execute: ItemHandler;
	/** Items run with bounded concurrency (Options → Concurrency) instead of one after another. */
	concurrent?: boolean;
}

/** An operation that runs once for all input items (it reads every item itself). */
export interface AllItemsOperation {
	description: INodeProperties[];
	executeAll: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

export type OperationModule = PerItemOperation | AllItemsOperation;

export interface ResourceModule {
	/** The Operation field of this resource: its options are the operations the node creator lists. */
	operationField: INodeProperties;
	/** Every operation's parameters. */
	parameters: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/** A resource from its Operation field and its operations by value. */
export function resourceModule(
	operationField: INodeProperties,
	operations: Record<string, OperationModule>,
): ResourceModule {
	return {
		operationField,
		parameters: Object.values(operations).flatMap((operation) => operation.description),
		operations,
	};
}

/** The operation of `resource` named `operation`, or undefined when the node has no such pair. */
export function findOperation(
	resources: Record<string, ResourceModule>,
	resource: string,
	operation: string,
): OperationModule | undefined {
	const module = Object.hasOwn(resources, resource) ? resources[resource] : undefined;
	return module && Object.hasOwn(module.operations, operation)
		? module.operations[operation]
		: undefined;
}
