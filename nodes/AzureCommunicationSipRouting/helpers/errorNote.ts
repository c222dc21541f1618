import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { withOutputFields } from '../../shared/node/runItems';

/** A node error with `note` added to its description and `fields` to its output; any other error as it is. */
export function withNote(error: unknown, note: string, fields: IDataObject): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	error.description = [error.description, note].filter(Boolean).join(' ');
	return withOutputFields(error, fields);
}
