/**
 * A two-node workflow through the real n8n engine: a reading node (e.g. Get Many) feeding a writing node (e.g.
 * Replace All) with the writer's parameters left at their defaults except those given. Proves what a user gets
 * when wiring the output of one operation into the next.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../emulator';
import {
	credentialStore,
	ITEMS_TRIGGER_TYPE,
	itemsTriggerParameters,
	nodeOutputs,
	runWorkflow,
} from '../support/engine';
import { credentialsFor } from '../support/fixtures';

export interface RoundTrip {
	read: IDataObject[];
	written: IDataObject[];
	/** The writer's error message and description, when it failed. */
	error?: string;
}

export async function readThenWrite(
	emu: RunningEmulator,
	nodeType: string,
	reader: INodeParameters,
	writer: INodeParameters,
): Promise<RoundTrip> {
	const store = credentialStore();
	const [[type, data]] = Object.entries(credentialsFor(emu));
	const reference = store.add(type, data);
	const node = (name: string, parameters: INodeParameters, x: number): INode => ({
		id: name,
		name,
		type: nodeType,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { [type]: reference },
	});
	const result = await runWorkflow({
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: ITEMS_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: itemsTriggerParameters([{}]),
			},
			node('Read', reader, 200),
			node('Write', writer, 400),
		],
		connections: {
			Start: { main: [[{ node: 'Read', type: 'main', index: 0 }]] },
			Read: { main: [[{ node: 'Write', type: 'main', index: 0 }]] },
		},
		credentials: store,
	});
	const failure = result.runData.Write?.at(-1)?.error ?? result.runData.Read?.at(-1)?.error;
	return {
		read: (nodeOutputs(result.runData, 'Read')[0] ?? []).map((item) => item.json),
		written: (nodeOutputs(result.runData, 'Write')[0] ?? []).map((item) => item.json),
		error: failure ? `${failure.message} — ${failure.description ?? ''}` : undefined,
	};
}
