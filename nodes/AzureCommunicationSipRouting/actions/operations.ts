import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as configurationApplyDesiredState from './configuration/applyDesiredState.operation';
import * as configurationGet from './configuration/get.operation';
import * as configurationTestNumber from './configuration/testNumber.operation';
import * as domainCreateOrUpdate from './domain/createOrUpdate.operation';
import * as domainDelete from './domain/delete.operation';
import * as domainGet from './domain/get.operation';
import * as domainGetAll from './domain/getAll.operation';
import * as routeCreateOrUpdate from './route/createOrUpdate.operation';
import * as routeDelete from './route/delete.operation';
import * as routeGet from './route/get.operation';
import * as routeGetAll from './route/getAll.operation';
import * as routeReplaceAll from './route/replaceAll.operation';
import * as trunkCreateOrUpdate from './trunk/createOrUpdate.operation';
import * as trunkDelete from './trunk/delete.operation';
import * as trunkGet from './trunk/get.operation';
import * as trunkGetAll from './trunk/getAll.operation';
import * as trunkReplaceAll from './trunk/replaceAll.operation';

export type PerItemOperation = {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
};
export type AllItemsOperation = {
	description: INodeProperties[];
	executeAll: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
};
export type OperationModule = PerItemOperation | AllItemsOperation;

const byResource: Record<string, Record<string, OperationModule>> = {
	configuration: {
		applyDesiredState: configurationApplyDesiredState,
		get: configurationGet,
		testNumber: configurationTestNumber,
	},
	domain: {
		createOrUpdate: domainCreateOrUpdate,
		delete: domainDelete,
		get: domainGet,
		getAll: domainGetAll,
	},
	route: {
		createOrUpdate: routeCreateOrUpdate,
		delete: routeDelete,
		get: routeGet,
		getAll: routeGetAll,
		replaceAll: routeReplaceAll,
	},
	trunk: {
		createOrUpdate: trunkCreateOrUpdate,
		delete: trunkDelete,
		get: trunkGet,
		getAll: trunkGetAll,
		replaceAll: trunkReplaceAll,
	},
};

export function operationsOf(resource: string): Record<string, OperationModule> | undefined {
	return Object.hasOwn(byResource, resource) ? byResource[resource] : undefined;
}

export function allOperationProperties(): INodeProperties[] {
	return Object.values(byResource).flatMap((operations) =>
		Object.values(operations).flatMap((operation) => operation.description),
	);
}
