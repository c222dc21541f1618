/** The boundary where data leaves a node: output items and node errors pass the scrubber here, once. */
import { NodeApiError, NodeOperationError, type IDataObject, type INodeExecutionData } from 'n8n-workflow';
import { scrubDeep, scrubSecrets } from '../transport/scrub';

export function scrubbedItem(item: INodeExecutionData): INodeExecutionData {
	const json = scrubDeep(item.json);
	return json === item.json ? item : { ...item, json };
}

export function scrubbedJson(json: IDataObject): IDataObject {
	return scrubDeep(json);
}

/** The same error, its message and description scrubbed (node code may quote data read from the service). */
export function scrubbedError<E extends NodeApiError | NodeOperationError>(error: E): E {
	error.message = scrubSecrets(error.message);
	if (typeof error.description === 'string') error.description = scrubSecrets(error.description);
	return error;
}
