/**
 * No input may freeze n8n: the SIP Routing node runs on n8n's main event loop, so a route pattern that
 * backtracks catastrophically must never be matched there. Every case runs the node through the real engine
 * while a 10 ms interval ticks; the longest gap between two ticks is the longest the event loop was blocked,
 * and it must stay under 250 ms. Where a pattern is too expensive to evaluate within the node's budget, the
 * output must say "not evaluated locally"; benign patterns next to it must still be evaluated, correctly.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { withEmulator } from '../support/emulator';
import type { RunNodeResult } from '../support/engine';
import { withLongestGap } from './support/eventLoopGap';
import { reportFigures } from './support/figures';
import { reliabilitySeed } from './support/seed';
import { jsonOf, received, runSip } from './support/nodes';
import { SecretScan } from './support/secrets';
import { signedRequest } from './support/signed';

const fileSeed = reliabilitySeed('eventLoop');
const emulator = withEmulator({ seed: fileSeed });
const scan = new SecretScan();

const MAX_BLOCK_MS = 250;
const NOT_LOCAL = /not evaluated locally/i;
const TRUNK = 'sbc1.contoso.com';
const TRUNKS = { [TRUNK]: { sipSignalingPort: 5061 } };

/** Patterns whose backtracking is exponential in the length of the number. */
const NESTED_DIGITS = '^\\+(\\d+)+$';
const OVERLAPPING_ALTERNATION = '^(\\+?\\d|\\d)*$';
const NESTED_TWICE = '^\\+((\\d+)+)+#$';
const NESTED_LETTERS = '^(a+)+$';
const OVERLAPPING_RUNS = '(x+x+)+y';
const BACKREFERENCE = '^\\+(\\d+)+\\1$';
const LOOKAHEAD = '^\\+(?=(\\d+)+$)';
const LOOKBEHIND = '^\\+(?<=(\\d*)*)(\\d+)+$';
const HOSTILE = [
	NESTED_DIGITS,
	OVERLAPPING_ALTERNATION,
	NESTED_TWICE,
	NESTED_LETTERS,
	OVERLAPPING_RUNS,
	BACKREFERENCE,
	LOOKAHEAD,
	LOOKBEHIND,
];

/** 32 characters that make the digit patterns above fail only after trying every split. */
const LONG_NUMBER = `+${'1'.repeat(30)}x`;

const figures: Record<string, number> = {};

/** Every thread the node starts, and whether it has exited: none may outlive the run that started it. */
const threads: Array<{ exited: boolean }> = [];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workerThreads = require('node:worker_threads') as typeof import('node:worker_threads');
const RealWorker = workerThreads.Worker;
jest
	.spyOn(workerThreads, 'Worker')
	.mockImplementation((...args: ConstructorParameters<typeof RealWorker>) => {
		const worker = new RealWorker(...args);
		const thread = { exited: false };
		worker.once('exit', () => (thread.exited = true));
		threads.push(thread);
		return worker;
	});

/** Runs `work` while a 10 ms interval ticks; the longest gap between two ticks must stay under MAX_BLOCK_MS. */
async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
	const { result, longestGapMs } = await withLongestGap(work);
	figures[name] = Math.round(longestGapMs);
	expect(longestGapMs).toBeLessThan(MAX_BLOCK_MS);
	return result;
}

async function run(
	name: string,
	parameters: INodeParameters,
	inputItems?: IDataObject[],
): Promise<RunNodeResult> {
	const result = await measured(name, () => runSip(emulator(), parameters, { inputItems }));
	scan.collectRun(name, result);
	expect(threads.filter((thread) => !thread.exited)).toEqual([]);
	return result;
}

async function seed(document: IDataObject): Promise<void> {
	const answer = await signedRequest(
		emulator(),
		'PATCH',
		'/sip?api-version=2023-03-01',
		JSON.stringify(document),
		'application/merge-patch+json',
	);
	expect(answer.status).toBe(200);
	await emulator().control.clearRequestLog();
}

const route = (name: string, numberPattern: string) => ({ name, numberPattern, trunks: [TRUNK] });
const testNumber = (candidate: IDataObject, phoneNumber = LONG_NUMBER): INodeParameters => ({
	resource: 'configuration',
	operation: 'testNumber',
	phoneNumber,
	configurationSource: 'candidate',
	candidateConfiguration: JSON.stringify(candidate),
	checkWithService: false,
});

describe('the event loop is never blocked by a route pattern', () => {
	// The first run loads the node's modules and n8n's expression engine (once per n8n process): not measured here.
	beforeAll(async () => {
		await runSip(
			emulator(),
			testNumber(
				{ trunks: TRUNKS, routes: [route('US', '^\\+1\\d{10}$')] },
				'={{ "+14255550100" }}',
			),
		);
	});

	it('Test Number: nested quantifiers and an overlapping alternation are not evaluated locally; benign routes are', async () => {
		const candidate = {
			trunks: TRUNKS,
			routes: [
				route('nested', NESTED_DIGITS),
				route('alternation', OVERLAPPING_ALTERNATION),
				route('US', '^\\+1\\d{10}$'),
				route('ones', '^\\+1+x$'),
			],
		};
		const [item] = jsonOf(await run('testNumber.digits', testNumber(candidate)));
		expect(item.routesNotEvaluatedLocally).toEqual(['nested', 'alternation']);
		expect(item.matchingRoutes).toEqual(['ones']);
		expect(item.route).toBe('ones');
		expect(item.localExact).toBe(false);
		expect((item.notes as string[]).filter((note) => NOT_LOCAL.test(note))).toHaveLength(2);
	});

	it('Test Number: letters and overlapping runs, one input item each', async () => {
		const candidate = {
			trunks: TRUNKS,
			routes: [
				route('letters', NESTED_LETTERS),
				route('runs', OVERLAPPING_RUNS),
				route('all', '^.*$'),
			],
		};
		const parameters = { ...testNumber(candidate), phoneNumber: '={{ $json.number }}' };
		const items = jsonOf(
			await run('testNumber.letters', parameters, [
				{ number: `${'a'.repeat(31)}!` },
				{ number: 'x'.repeat(32) },
			]),
		);
		expect(items.map((item) => item.routesNotEvaluatedLocally)).toEqual([['letters'], ['runs']]);
		expect(items.map((item) => item.matchingRoutes)).toEqual([['all'], ['all']]);
	});

	it('Test Number: backreference, lookahead and lookbehind', async () => {
		const candidate = {
			trunks: TRUNKS,
			routes: [
				route('backreference', BACKREFERENCE),
				route('lookahead', LOOKAHEAD),
				route('lookbehind', LOOKBEHIND),
				route('plus', '^\\+'),
			],
		};
		const [item] = jsonOf(await run('testNumber.references', testNumber(candidate)));
		expect(item.routesNotEvaluatedLocally).toEqual(['backreference', 'lookahead', 'lookbehind']);
		expect(item.matchingRoutes).toEqual(['plus']);
	});

	it('Test Number: a number longer than 32 characters is refused before any request', async () => {
		const result = await run(
			'testNumber.tooLong',
			testNumber({ trunks: TRUNKS, routes: [route('nested', NESTED_DIGITS)] }, `${LONG_NUMBER}1`),
		);
		expect(result.error?.message).toBe('Phone Number is 33 characters long; at most 32 are taken');
		expect(await received(emulator())).toEqual([]);
	});

	it('Test Number: many routes x many numbers on the stored configuration', async () => {
		const routes = [
			...HOSTILE.map((pattern, index) => route(`hostile${index}`, pattern)),
			route('US', '^\\+1\\d{10}$'),
		];
		await seed({ trunks: TRUNKS, routes });
		const numbers = Array.from({ length: 20 }, (_, index) => ({
			number: index % 2 === 0 ? LONG_NUMBER : `+1425555${String(index).padStart(4, '0')}`,
		}));
		const items = jsonOf(
			await run(
				'testNumber.manyByMany',
				{
					resource: 'configuration',
					operation: 'testNumber',
					phoneNumber: '={{ $json.number }}',
					checkWithService: false,
				},
				numbers,
			),
		);
		expect(items).toHaveLength(20);
		for (const item of items) {
			const skipped = item.routesNotEvaluatedLocally as string[];
			expect(skipped.length).toBeGreaterThan(0);
			expect(item.localExact).toBe(false);
			expect((item.notes as string[]).some((note) => NOT_LOCAL.test(note))).toBe(true);
			if (!skipped.includes('US'))
				expect((item.matchingRoutes as string[]).includes('US')).toBe(
					/^\+1\d{10}$/.test(item.phoneNumber as string),
				);
		}
		expect(await received(emulator())).toEqual(Array(20).fill('GET /sip'));
	});

	it('Route Create or Update: the hints of a valid .NET pattern with nested quantifiers are not evaluated locally', async () => {
		await seed({ trunks: TRUNKS });
		const parameters = {
			resource: 'route',
			operation: 'createOrUpdate',
			name: 'nested',
			numberPattern: NESTED_TWICE,
			trunks: TRUNK,
			position: 'last',
		};
		const [item] = jsonOf(await run('routeCreate.hints', parameters));
		expect(item).toMatchObject({
			name: 'nested',
			numberPattern: NESTED_TWICE,
			change: 'created',
			patternEvaluatedLocally: false,
		});
		expect((item.patternHints as string[]).some((hint) => NOT_LOCAL.test(hint))).toBe(true);
	});

	it('Route Create or Update: 512 word boundaries (1,024 characters), whose translation takes seconds to compile, are not compiled on the event loop', async () => {
		await seed({ trunks: TRUNKS });
		const numberPattern = '\\b'.repeat(512);
		const parameters = {
			resource: 'route',
			operation: 'createOrUpdate',
			name: 'boundaries',
			numberPattern,
			trunks: TRUNK,
			position: 'last',
		};
		const [item] = jsonOf(await run('routeCreate.slowCompile', parameters));
		expect(item).toMatchObject({
			name: 'boundaries',
			change: 'created',
			patternEvaluatedLocally: false,
		});
		expect((item.patternHints as string[]).some((hint) => NOT_LOCAL.test(hint))).toBe(true);
	});

	it('Test Number: a candidate route whose translation is slow to compile is not evaluated locally; the next route is', async () => {
		const candidate = {
			trunks: TRUNKS,
			routes: [route('insensitive', `(?i)${'\\w'.repeat(510)}`), route('US', '^\\+1\\d{10}$')],
		};
		const [item] = jsonOf(
			await run('testNumber.slowCompile', testNumber(candidate, '+14255550100')),
		);
		expect(item.routesNotEvaluatedLocally).toEqual(['insensitive']);
		expect(item.matchingRoutes).toEqual(['US']);
	});

	it('Route Create or Update: a benign pattern is still evaluated locally (the SDK sample cannot match "+")', async () => {
		await seed({ trunks: TRUNKS });
		const parameters = {
			resource: 'route',
			operation: 'createOrUpdate',
			name: 'sample',
			numberPattern: '^+[1-9][0-9]{3,23}$',
			trunks: TRUNK,
			position: 'last',
		};
		const [item] = jsonOf(await run('routeCreate.benign', parameters));
		expect(item.patternEvaluatedLocally).toBe(true);
		expect(
			(item.patternHints as string[]).some((hint) =>
				hint.includes('none written in E.164 with "+"'),
			),
		).toBe(true);
		expect((item.patternHints as string[]).some((hint) => NOT_LOCAL.test(hint))).toBe(false);
	});

	it('Route Replace All (JSON): 5,000 routes (under the size cap) are refused by the 250-route cap before any of them is checked', async () => {
		const routes = Array.from({ length: 5_000 }, (_, index) => route(`r${index}`, '^\\+1'));
		const result = await run('replaceAll.5000', {
			resource: 'route',
			operation: 'replaceAll',
			source: 'json',
			routesJson: JSON.stringify(routes),
		});
		expect(result.error?.message).toBe('Routes (JSON): 5000 routes; at most 250 are allowed.');
		expect(await received(emulator())).toEqual([]);
	});

	it('Route Replace All (JSON): 100,000 routes (6 MB of JSON, over the 512 KiB cap) are refused by their size before they are parsed', async () => {
		const routes = Array.from({ length: 100_000 }, (_, index) => route(`r${index}`, '^\\+1'));
		const result = await run('replaceAll.100000', {
			resource: 'route',
			operation: 'replaceAll',
			source: 'json',
			routesJson: JSON.stringify(routes),
		});
		expect(result.error?.message).toBe('The parameter "Routes (JSON)" is too long');
		expect(result.error?.description).toMatch(/at most 524288 \(512 KiB\)/);
		expect(await received(emulator())).toEqual([]);
	});

	it('Route Replace All (Input Items): 5,000 input items are refused before any item is read', async () => {
		const inputItems = Array.from({ length: 5_000 }, (_, index) => route(`r${index}`, '^\\+1'));
		const result = await run(
			'replaceAll.items5000',
			{ resource: 'route', operation: 'replaceAll', source: 'items' },
			inputItems,
		);
		expect(result.error?.message).toBe(
			'5000 input items; at most 250 routes (one per item) are allowed.',
		);
		expect(await received(emulator())).toEqual([]);
	});

	it('Route Replace All (JSON): 250 hostile routes; each is either evaluated or says it was not', async () => {
		await seed({ trunks: TRUNKS });
		const routes = Array.from({ length: 250 }, (_, index) =>
			route(`r${index}`, HOSTILE[index % HOSTILE.length]),
		);
		const items = jsonOf(
			await run('replaceAll.250', {
				resource: 'route',
				operation: 'replaceAll',
				source: 'json',
				routesJson: JSON.stringify(routes),
			}),
		);
		expect(items).toHaveLength(250);
		const flagged = items.filter((item) => item.patternEvaluatedLocally === false);
		expect(flagged.length).toBeGreaterThan(0);
		for (const item of items) {
			expect((item.patternHints as string[]).some((hint) => NOT_LOCAL.test(hint))).toBe(
				item.patternEvaluatedLocally === false,
			);
		}
	});

	it('Apply Desired State: hostile patterns are flagged, benign ones get their hints', async () => {
		await seed({ trunks: TRUNKS });
		const desiredState = JSON.stringify({
			trunks: TRUNKS,
			routes: [
				route('nested', NESTED_TWICE),
				route('alternation', OVERLAPPING_ALTERNATION),
				route('sample', '^+[1-9][0-9]{3,23}$'),
			],
		});
		const [item] = jsonOf(
			await run('applyDesiredState', {
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState,
				dryRun: true,
			}),
		);
		expect(item.routesNotEvaluatedLocally).toEqual(['nested']);
		const hints = item.patternHints as Array<{ route: string; hints: string[] }>;
		expect(
			hints.find((entry) => entry.route === 'nested')?.hints.some((hint) => NOT_LOCAL.test(hint)),
		).toBe(true);
		expect(
			hints
				.find((entry) => entry.route === 'sample')
				?.hints.some((hint) => hint.includes('none written in E.164 with "+"')),
		).toBe(true);
	});

	it('leaks no secret', async () => {
		expect(threads.length).toBeGreaterThan(0);
		reportFigures('eventLoop', { longestBlockMs: figures, threadsStarted: threads.length });
		scan.addEmulatorSecrets(emulator());
		expect(await scan.scan([emulator()])).toEqual([]);
	});
});
