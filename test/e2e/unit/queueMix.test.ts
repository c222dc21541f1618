import { durations, percentile, perMinute } from '../../../scripts/queue/figures';
import {
	boundProblems,
	inventoryProblems,
	itemProblems,
	purchaseProblems,
	type ExecutionRecord,
} from '../../../scripts/queue/invariants';
import { numbersNeeded, planMix, type MixOutcome } from '../../../scripts/queue/mix';
import { MIX_KINDS, mixWorkflows, webhookPath } from '../../../scripts/queue/mixWorkflows';
import type { PurchaseLedger } from '../../../emulator/core/domainControl';
import type { PhoneNumbersState } from '../../../emulator/phoneNumbers/model';

const outcome = (
	kind: MixOutcome['kind'],
	items: Array<Record<string, unknown>>,
	body: Record<string, unknown> = {},
): MixOutcome => ({ index: 0, kind, body, httpStatus: 200, items, ms: 1 });

const ledger = (
	searches: Record<string, number>,
	boughtMoreThanOnce: string[] = [],
): PurchaseLedger => ({
	searches,
	reservations: {},
	totals: { searches: 0, reservations: 0 },
	boughtMoreThanOnce,
});

describe('purchaseProblems', () => {
	it('accepts purchases that agree with the ledger', () => {
		const outcomes = [
			outcome('searchPurchase', [{ searchId: 'a', purchased: true }]),
			outcome('searchPurchase', [
				{ searchId: 'b', purchased: false, error: 'Not purchased: cost' },
			]),
			outcome('searchPurchase', [{ searchId: 'c', purchased: null }]),
		];
		expect(purchaseProblems(outcomes, ledger({ a: 1, c: 1 }))).toEqual([]);
	});

	it('reports a purchase the ledger does not hold, one bought although refused, and doubles', () => {
		const outcomes = [
			outcome('searchPurchase', [{ searchId: 'a', purchased: true }]),
			outcome('searchPurchase', [{ searchId: 'b', purchased: false }]),
		];
		expect(purchaseProblems(outcomes, ledger({ b: 1, d: 2 }, ['d']))).toEqual([
			'#0 search a: purchased=true, ledger 0',
			'#0 search b: purchased=false, ledger 1',
			'bought more than once: d',
			'search d was bought but no item of the mix names it',
		]);
	});
});

describe('inventoryProblems', () => {
	const state = {
		purchased: { '12125550100': { capabilities: { calling: 'inbound+outbound' } } },
	} as unknown as PhoneNumbersState;

	it('reports a release that left the number and an update not applied', () => {
		const outcomes = [
			outcome('release', [{ released: true }], { phoneNumber: '+12125550100' }),
			outcome('capabilities', [{ completed: true }], { phoneNumber: '+12125550100' }),
		];
		expect(inventoryProblems(outcomes, state)).toEqual([
			'#0 released 12125550100, still in the inventory',
			'#0 updated 12125550100 to inbound, inventory says inbound+outbound',
		]);
	});

	it('accepts a release that is gone and a failed update', () => {
		const outcomes = [
			outcome('release', [{ released: true }], { phoneNumber: '+12125550199' }),
			outcome('capabilities', [{ error: 'The number is not yours (404)' }], {
				phoneNumber: '+12125550100',
			}),
		];
		expect(inventoryProblems(outcomes, state)).toEqual([]);
	});
});

describe('itemProblems', () => {
	it('accepts results and specific errors, reports generic errors and failed answers', () => {
		const outcomes: MixOutcome[] = [
			outcome('search', [{ searchId: 'a' }, { error: 'Service unavailable (503) after 3 tries' }]),
			outcome('search', [{ error: 'Unknown error' }]),
			{ ...outcome('release', []), httpStatus: 500, failure: 'not a list of items' },
		];
		expect(itemProblems(outcomes)).toEqual([
			'#0 search: generic error "Unknown error"',
			'#0 release: HTTP 500 not a list of items',
		]);
	});
});

describe('boundProblems and figures', () => {
	const record = (id: string, started: number, stopped: number | null): ExecutionRecord => ({
		id,
		status: stopped === null ? 'running' : 'success',
		workflowId: 'w',
		startedAt: new Date(started).toISOString(),
		stoppedAt: stopped === null ? null : new Date(stopped).toISOString(),
	});

	it('reports executions that are missing, unfinished or too long', () => {
		const records = [record('1', 0, 1000), record('2', 0, null), record('3', 0, 5000)];
		expect(boundProblems(records, 4, 2)).toEqual([
			'3 executions recorded, 4 expected',
			'execution 2 has not stopped (status running)',
			'execution 3 ran 5.0 s > 2 s',
		]);
	});

	it('computes durations, nearest-rank percentiles and throughput', () => {
		expect(durations([record('1', 0, 1000), record('2', 0, null)])).toEqual([1000]);
		const values = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(values, 50)).toBe(10);
		expect(percentile(values, 95)).toBe(19);
		expect(perMinute(100, 30_000)).toBe(200);
	});
});

describe('the mix', () => {
	it('gives each release and capability update its own seeded number', () => {
		const numbers = Array.from({ length: numbersNeeded(40) }, (_, i) => `+1212555${1000 + i}`);
		const plan = planMix(40, numbers);
		const used = plan.map((request) => request.body.phoneNumber).filter(Boolean);
		expect(new Set(used).size).toBe(used.length);
		expect(used.length).toBe(numbers.length);
		expect(() => planMix(40, numbers.slice(1))).toThrow('not enough seeded numbers');
	});

	it('covers every kind but the resume and the SIP edit phase within 20 executions', () => {
		const kinds = new Set(
			planMix(20, Array(numbersNeeded(20)).fill('+12125550100')).map((r) => r.kind),
		);
		expect([...kinds].sort()).toEqual(
			MIX_KINDS.filter(
				(kind) => !['resumeOperation', 'trunkEdit', 'routeEdit'].includes(kind),
			).sort(),
		);
	});

	it('starts every workflow with its own production webhook; our nodes continue on failure', () => {
		const workflows = mixWorkflows();
		expect(new Set(workflows.map((workflow) => workflow.id)).size).toBe(MIX_KINDS.length);
		workflows.forEach((workflow, at) => {
			const [webhook, ...rest] = workflow.nodes;
			expect(webhook.parameters).toMatchObject({
				path: webhookPath(MIX_KINDS[at]),
				responseMode: 'lastNode',
			});
			for (const node of rest.filter((step) => step.type.startsWith('n8n-nodes-azure')))
				expect(node.onError).toBe('continueRegularOutput');
		});
	});
});
