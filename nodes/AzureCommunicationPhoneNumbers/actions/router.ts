import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { findOperation, type ResourceModule } from '../../shared/node/resourceModule';
import { runOperation } from '../../shared/node/runOperation';
import { availableNumber } from './availableNumber';
import { catalog } from './catalog';
import { operation } from './operation';
import { operatorInformation } from './operatorInformation';
import { phoneNumber } from './phoneNumber';
import { reservation } from './reservation';

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
	const selected = findOperation(resources, resourceName, operationName);
	if (!selected) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resourceName}" is not supported`,
		);
	}
	return [await runOperation.call(this, selected)];
}
