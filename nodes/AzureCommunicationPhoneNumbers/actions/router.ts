import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { readConcurrency, runItems, runItemsConcurrently } from '../../shared/node';
import { availableNumber } from './availableNumber';
import { catalog } from './catalog';
import { operation } from './operation';
import { operatorInformation } from './operatorInformation';
import { phoneNumber } from './phoneNumber';
import { reservation } from './reservation';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = {
	availableNumber,
	catalog,
	operation,
	operatorInformation,
	phoneNumber,
	reservation,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const resource = Object.hasOwn(resources, resourceName) ? resources[resourceName] : undefined;
	const selected = resource && Object.hasOwn(resource.operations, operationName) ? resource.operations[operationName] : undefined;
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resourceName}" is not supported`);
	}
	const output = selected.concurrent
		? await runItemsConcurrently.call(this, selected.execute, { concurrency: readConcurrency.call(this) })
		: await runItems.call(this, selected.execute);
	return [output];
}
