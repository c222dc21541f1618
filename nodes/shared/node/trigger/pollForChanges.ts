/**
 * The polling trigger's run: read every source the chosen events need, and only when all reads completed, store
 * their new state and emit the chosen events. A poll that fails throws before anything is stored, so the next good
 * poll reports everything that changed since the last good one: no event lost, none doubled. The first poll after
 * activation (no stored state) records the baseline and emits nothing. In the editor (Fetch Test Event) nothing is
 * stored: each chosen event kind shows a real event read from the service now, or the reason there is none.
 */
import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';
import { scrubbedJson } from '../scrubOutput';
import type { ChangeEvent } from './changeEvent';
import type { ChangeSource, SourceState } from './changeSource';
import { explainFailedPoll, type PollSettings } from './pollSettings';

export const EVENTS_PARAMETER = 'events';

function chosenEvents(ctx: IPollFunctions): string[] {
	const events = ctx.getNodeParameter(EVENTS_PARAMETER, []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No event chosen', {
			description:
				'Choose at least one event in "Events"; the trigger watches only what it is asked to.',
		});
	}
	return events;
}

function toItems(events: ChangeEvent[]): INodeExecutionData[] {
	return events.map((event) => ({ json: scrubbedJson(event as unknown as IDataObject) }));
}

async function testEvents(
	ctx: IPollFunctions,
	sources: ChangeSource[],
	chosen: string[],
): Promise<INodeExecutionData[][]> {
	const found: ChangeEvent[] = [];
	const reasons: string[] = [];
	for (const event of chosen) {
		const source = sources.find((candidate) => candidate.events.includes(event));
		if (!source) continue;
		const sample = await source.testEvent(ctx, event);
		if ('none' in sample) reasons.push(sample.none);
		else found.push(sample);
	}
	if (found.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No test event to show', {
			description: reasons.join(' '),
		});
	}
	return [toItems(found)];
}

/** A source's kept state, or undefined (a new baseline) when static data holds something of another shape. */
function storedState(stored: unknown): SourceState | undefined {
	return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
		? (stored as SourceState)
		: undefined;
}

/** With `settings`, a failed scheduled poll's error says whether it ran out of time and that nothing was lost. */
export async function pollForChanges(
	this: IPollFunctions,
	sources: ChangeSource[],
	settings?: PollSettings,
): Promise<INodeExecutionData[][] | null> {
	try {
		return await pollOnce.call(this, sources);
	} catch (error) {
		throw settings && this.getMode() !== 'manual' ? explainFailedPoll(error, settings) : error;
	}
}

async function pollOnce(
	this: IPollFunctions,
	sources: ChangeSource[],
): Promise<INodeExecutionData[][] | null> {
	const chosen = chosenEvents(this);
	const active = sources.filter((source) => source.events.some((event) => chosen.includes(event)));
	if (this.getMode() === 'manual') return await testEvents(this, active, chosen);

	const staticData = this.getWorkflowStaticData('node');
	const readings: Array<{ key: string; state: SourceState; events: ChangeEvent[] }> = [];
	for (const source of active) {
		const previous = storedState(staticData[source.key]);
		const reading = await source.read(this, previous);
		readings.push({ key: source.key, ...reading });
	}

	for (const source of sources) {
		if (!active.includes(source)) delete staticData[source.key];
	}
	for (const { key, state } of readings) staticData[key] = state;

	const emitted = readings
		.flatMap(({ events }) => events)
		.filter((event) => chosen.includes(event.event));
	return emitted.length > 0 ? [toItems(emitted)] : null;
}
