/** The boundary where data leaves a node: output items and node errors pass the scrubber here, once. */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
} from 'n8n-workflow';
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

type EditorMethod = (this: never, ...args: never[]) => Promise<unknown>;

/** The node's editor methods (dropdowns, list search) with their results and errors scrubbed. */
export function scrubbedMethods<M extends Record<string, EditorMethod>>(methods: M): M {
	const wrapped: Record<string, EditorMethod> = {};
	for (const [name, method] of Object.entries(methods)) {
		wrapped[name] = async function (this: never, ...args: never[]) {
			try {
				return scrubDeep(await method.apply(this, args));
			} catch (error) {
				throw error instanceof NodeApiError || error instanceof NodeOperationError
					? scrubbedError(error)
					: error;
			}
		};
	}
	return wrapped as M;
}
