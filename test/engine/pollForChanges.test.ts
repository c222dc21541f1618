/**
 * The polling triggers' shared run, through n8n-core's PollContext: the baseline poll emits nothing, state moves
 * only when every source of a poll completed, Fetch Test Event keeps nothing and never answers with silence.
 */
import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import {
	pollForChanges,
	type ChangeEvent,
	type ChangeSource,
	type SourceState,
} from '../../nodes/shared/node/trigger';
import { HARNESS_PACKAGE_NAME } from '../support/engine/itemsTrigger';
import { PollingTrigger } from '../support/engine/pollTrigger';
import { nodeTypes } from '../support/engine/registry';

/** A fake service: a set of names; a source that reports names added, and can be told to fail its next read. */
const world = {
	names: new Set<string>(),
	failNext: false,
	reads: 0,
	previousSeen: [] as unknown[],
};

const namesSource: ChangeSource = {
	key: 'names',
	events: ['nameAdded', 'nameRemoved'],
	async read(ctx: IPollFunctions, previous: SourceState | undefined) {
		world.reads += 1;
		world.previousSeen.push(previous);
		if (world.failNext) {
			world.failNext = false;
			throw new NodeOperationError(ctx.getNode(), 'The service answered 503');
		}
		const now = [...world.names].sort();
		const before = (previous?.names as string[] | undefined) ?? undefined;
		const events: ChangeEvent[] = [];
		if (before) {
			const at = '2026-01-01T00:00:00.000Z';
			for (const name of now.filter((n) => !before.includes(n)))
				events.push({ event: 'nameAdded', subjectType: 'route', subject: name, detectedAt: at });
			for (const name of before.filter((n) => !now.includes(n)))
				events.push({ event: 'nameRemoved', subjectType: 'route', subject: name, detectedAt: at });
		}
		return { state: { names: now }, events };
	},
	async testEvent(_ctx: IPollFunctions, event: string) {
		const first = [...world.names][0];
		if (event !== 'nameAdded' || first === undefined)
			return { none: `There is no ${event} to show.` };
		return { event, subjectType: 'route', subject: first, detectedAt: '2026-01-01T00:00:00.000Z' };
	},
};

class NamesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Names Trigger (test)',
		name: 'namesTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Reports names added to and removed from a fake service',
		defaults: { name: 'Names Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Name Added', value: 'nameAdded' },
					{ name: 'Name Removed', value: 'nameRemoved' },
				],
				default: [],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollForChanges.call(this, [namesSource]);
	}
}

nodeTypes.register(new NamesTrigger(), HARNESS_PACKAGE_NAME);

function trigger(events: string[]) {
	return new PollingTrigger({ nodeType: 'namesTrigger', parameters: { events }, credentials: {} });
}

function subjects(items: INodeExecutionData[] | null): string[] {
	return (items ?? []).map((item) => `${item.json.event}:${item.json.subject}`);
}

beforeEach(() => {
	world.names = new Set(['a']);
	world.failNext = false;
	world.reads = 0;
	world.previousSeen = [];
});

it('records a baseline on the first poll and reports only later changes', async () => {
	const names = trigger(['nameAdded', 'nameRemoved']);
	expect(await names.poll()).toEqual({ ok: true, items: null });
	world.names.add('b');
	world.names.delete('a');
	const second = await names.poll();
	expect(second.ok && subjects(second.items)).toEqual(['nameAdded:b', 'nameRemoved:a']);
	expect(await names.poll()).toEqual({ ok: true, items: null });
});

it('emits only the chosen events', async () => {
	const names = trigger(['nameRemoved']);
	await names.poll();
	world.names.add('b');
	expect(await names.poll()).toEqual({ ok: true, items: null });
	world.names.delete('b');
	const removed = await names.poll();
	expect(removed.ok && subjects(removed.items)).toEqual(['nameRemoved:b']);
});

it('keeps the last good state when a poll fails, so the next good poll reports every change once', async () => {
	const names = trigger(['nameAdded']);
	await names.poll();
	world.names.add('b');
	world.failNext = true;
	const failed = await names.poll();
	expect(failed.ok).toBe(false);
	expect(names.staticData).toEqual({ names: { names: ['a'] } });
	world.names.add('c');
	const next = await names.poll();
	expect(next.ok && subjects(next.items)).toEqual(['nameAdded:b', 'nameAdded:c']);
	expect(await names.poll()).toEqual({ ok: true, items: null });
});

it('a failed baseline stores nothing, and the next poll is the baseline', async () => {
	const names = trigger(['nameAdded']);
	world.failNext = true;
	expect((await names.poll()).ok).toBe(false);
	expect(names.staticData).toEqual({});
	world.names.add('b');
	expect(await names.poll()).toEqual({ ok: true, items: null });
});

it('Fetch Test Event shows a real event and keeps no state', async () => {
	const names = trigger(['nameAdded']);
	const sample = await names.fetchTestEvent();
	expect(sample.ok && subjects(sample.items)).toEqual(['nameAdded:a']);
	expect(names.staticData).toEqual({});
});

it('Fetch Test Event says why there is nothing to show instead of an empty list', async () => {
	const names = trigger(['nameRemoved']);
	const sample = await names.fetchTestEvent();
	expect(sample.ok).toBe(false);
	expect(!sample.ok && sample.error.message).toBe('No test event to show');
	expect(!sample.ok && sample.error.description).toBe('There is no nameRemoved to show.');
});

it('refuses to poll with no event chosen, before reading anything', async () => {
	const names = trigger([]);
	const outcome = await names.poll();
	expect(!outcome.ok && outcome.error.message).toBe('No event chosen');
	expect(world.reads).toBe(0);
});

it.each([null, 'garbage', ['a'], 42])(
	'state of another shape in static data (%p) is a new baseline, not a poll that fails forever',
	async (stored) => {
		const names = trigger(['nameAdded']);
		names.seedStaticData({ names: stored });
		expect(await names.poll()).toEqual({ ok: true, items: null });
		expect(world.previousSeen).toEqual([undefined]);
		world.names.add('b');
		const next = await names.poll();
		expect(next.ok && subjects(next.items)).toEqual(['nameAdded:b']);
	},
);
