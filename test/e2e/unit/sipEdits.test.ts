import type { RequestLogEntry } from '../../../emulator/core/requestLog';
import type { StoredSipDocument } from '../../../emulator/sip/model';
import type { MixOutcome } from '../../../scripts/queue/mix';
import {
	sipEditFigures,
	sipEditProblems,
	type SipEdit,
	type SipEditOutcome,
} from '../../../scripts/queue/sipEditInvariants';
import { BASE_TRUNK, planSipEdits } from '../../../scripts/queue/sipEdits';

const trunk: SipEdit = { kind: 'trunk', fqdn: 'sbc-a.queue.example', port: 5100 };
const route: SipEdit = {
	kind: 'route',
	name: 'Edit 1',
	numberPattern: '^\\+1$',
	trunks: [BASE_TRUNK],
};
const other: SipEdit = {
	kind: 'route',
	name: 'Edit 3',
	numberPattern: '^\\+1$',
	trunks: [BASE_TRUNK],
};

const outcome = (index: number, item: Record<string, unknown>): MixOutcome => ({
	index,
	kind: 'routeEdit',
	body: {},
	httpStatus: 200,
	items: [item],
	ms: 1,
});

const stored = (parts: Partial<StoredSipDocument>): StoredSipDocument => ({
	domains: {},
	trunks: { [BASE_TRUNK]: { sipSignalingPort: 5099 } },
	routes: [],
	...parts,
});

const notStored = (name: string) => ({
	error: `The SIP configuration does not hold this item's edits after writing: route "${name}" is not stored`,
	editsNotStored: [`route "${name}" is not stored`],
	writeAttempts: 3,
});

describe('sipEditProblems', () => {
	it('accepts stored successes and failures that name their own edit', () => {
		const edits: SipEditOutcome[] = [
			{ edit: trunk, outcome: outcome(0, { fqdn: trunk.fqdn }) },
			{ edit: route, outcome: outcome(1, { name: route.name }) },
			{ edit: other, outcome: outcome(3, notStored(other.name)) },
		];
		const document = stored({
			trunks: {
				[BASE_TRUNK]: { sipSignalingPort: 5099 },
				[trunk.fqdn]: { sipSignalingPort: 5100 },
			},
			routes: [{ name: 'Edit 1', numberPattern: '^\\+1$', trunks: [BASE_TRUNK] }],
		});
		expect(sipEditProblems(edits, document)).toEqual([]);
	});

	it('finds a trunk or route success that is not stored as written', () => {
		const edits: SipEditOutcome[] = [
			{ edit: trunk, outcome: outcome(0, { fqdn: trunk.fqdn }) },
			{ edit: route, outcome: outcome(1, { name: route.name }) },
		];
		const document = stored({
			trunks: { [trunk.fqdn]: { sipSignalingPort: 5101 } },
			routes: [{ name: 'Edit 1', numberPattern: '^\\+1$', trunks: ['sbc-other.queue.example'] }],
		});
		expect(sipEditProblems(edits, document)).toEqual([
			'#0 succeeded but trunk sbc-a.queue.example is not stored as written',
			'#1 succeeded but route "Edit 1" is not stored as written',
		]);
		expect(sipEditFigures(edits, document, []).succeededButNotStored).toBe(2);
	});

	it('finds a lost edit whose error names another edit or none', () => {
		const edits: SipEditOutcome[] = [
			{ edit: route, outcome: outcome(1, notStored(other.name)) },
			{ edit: other, outcome: outcome(3, { error: 'The service is busy' }) },
		];
		const problems = sipEditProblems(edits, stored({}));
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(
			/^#1 route "Edit 1" is not stored; its error does not name exactly it/,
		);
		expect(problems[1]).toMatch(/^#3 route "Edit 3" is not stored/);
	});

	it('counts an execution without an answer as failed, not as silently lost', () => {
		const failure: MixOutcome = { ...outcome(0, {}), items: undefined, failure: 'socket hang up' };
		expect(sipEditProblems([{ edit: trunk, outcome: failure }], stored({}))).toEqual([
			'#0 trunk sbc-a.queue.example is not stored; its error does not name exactly it: socket hang up',
		]);
	});
});

describe('sipEditFigures', () => {
	const entry = (method: string, status: number, fault?: string): RequestLogEntry => ({
		seq: 0,
		time: '',
		method,
		path: '/sip',
		query: {},
		status,
		durationMs: 0,
		auth: 'hmac' as RequestLogEntry['auth'],
		...(fault ? { fault } : {}),
	});

	it('counts stored PATCHes beyond one per edit as re-applications, and failures stored anyway', () => {
		const edits: SipEditOutcome[] = [
			{ edit: route, outcome: outcome(1, { name: route.name }) },
			{ edit: other, outcome: outcome(3, notStored(other.name)) },
		];
		const document = stored({
			routes: [
				{ name: 'Edit 1', numberPattern: '^\\+1$', trunks: [BASE_TRUNK] },
				{ name: 'Edit 3', numberPattern: '^\\+1$', trunks: [BASE_TRUNK] },
			],
		});
		const log = [
			entry('GET', 200),
			...Array.from({ length: 4 }, () => entry('PATCH', 200)),
			entry('PATCH', 200, 'delay'),
			entry('PATCH', 429, 'f1'),
			entry('PATCH', 400),
		];
		expect(sipEditFigures(edits, document, log)).toEqual({
			edits: 2,
			succeeded: 1,
			failed: 1,
			failedButStored: 1,
			succeededButNotStored: 0,
			patchesStored: 5,
			reapplications: 3,
			failedWriteAttempts: [3],
		});
	});
});

describe('planSipEdits', () => {
	it('adds distinct trunks and routes, half each, routes on the base trunk', () => {
		const plan = planSipEdits(20);
		const labels = plan.map(({ edit }) => (edit.kind === 'trunk' ? edit.fqdn : edit.name));
		expect(new Set(labels).size).toBe(20);
		expect(plan.filter(({ edit }) => edit.kind === 'trunk')).toHaveLength(10);
		for (const { request, edit } of plan)
			expect(request.kind).toBe(edit.kind === 'trunk' ? 'trunkEdit' : 'routeEdit');
	});
});
