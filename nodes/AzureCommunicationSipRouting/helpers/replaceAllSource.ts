import type { IExecuteFunctions } from 'n8n-workflow';

import { fail, parseJson } from './parameters';

/** The entries for Replace All, each with the input item it came from (for pairedItem and errors). */
export interface SourcedEntries<T> {
	entries: T[];
	sourceItems: number[];
}

export interface JsonSource<T> {
	/** The parameter's name and the name the user sees, e.g. `routesJson` / `Routes (JSON)`. */
	name: string;
	displayName: string;
	/** Throws an Error whose message says what is wrong with the value. */
	parse: (value: unknown) => T[];
	/** Most entries the service allows, and what they are ("routes"): more input items are refused before any is read. */
	max: number;
	noun: string;
}

/**
 * The "Source" parameter of Replace All: every entry from one JSON parameter (all paired with item 0),
 * or one entry per input item, read by `readItem`.
 */
export function readReplaceAllSource<T>(
	context: IExecuteFunctions,
	json: JsonSource<T>,
	readItem: (itemIndex: number) => T,
): SourcedEntries<T> {
	if (context.getNodeParameter('source', 0) === 'json') {
		const value = parseJson.call(
			context,
			context.getNodeParameter(json.name, 0),
			json.displayName,
			0,
		);
		try {
			const entries = json.parse(value);
			return { entries, sourceItems: entries.map(() => 0) };
		} catch (error) {
			throw fail.call(
				context,
				0,
				`${json.displayName}: ${(error as Error).message}`,
				'Nothing was sent to the service.',
			);
		}
	}
	const entries: T[] = [];
	const sourceItems: number[] = [];
	const count = context.getInputData().length;
	if (count > json.max) {
		throw fail.call(
			context,
			0,
			`${count} input items; at most ${json.max} ${json.noun} (one per item) are allowed.`,
			'Nothing was sent to the service.',
		);
	}
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		entries.push(readItem(itemIndex));
		sourceItems.push(itemIndex);
	}
	return { entries, sourceItems };
}
