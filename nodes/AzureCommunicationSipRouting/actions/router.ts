import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { findOperation, type ResourceModule } from '../../shared/node/resourceModule';
import { runOperation } from '../../shared/node/runOperation';
import { endPatternMatching } from '../helpers/patternMatcher';
import { configuration } from './configuration';
import { domain } from './domain';
import { route } from './route';
import { trunk } from './trunk';

export const resources: Record<string, ResourceModule> = { trunk, route, domain, configuration };

/**
 * Runs the chosen operation. Per-item operations run one item after another (never concurrently: every write
 * rewrites parts of the one SIP document, so parallel items would overwrite each other). Replace All operations
 * run once for all items.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = findOperation(resources, resource, operation);
	if (!selected) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for "${resource}"`,
		);
	}
	try {
		return [await runOperation.call(this, selected)];
	} finally {
		await endPatternMatching(this);
	}
}
