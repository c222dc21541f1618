import { NODE_UNDER_TEST } from '../../support/engine';
import { withEmulator } from '../../support/emulator';
import {
	AUTHS,
	jsonOf,
	PREVIEW,
	runSip,
	seedSip,
	sentRequests,
	sipRunner,
	storedSip,
	TWO_TRUNKS_TWO_ROUTES,
} from './sipHarness';

const emulator = withEmulator();

const NEW_STATE = {
	trunks: {
		'sbc2.contoso.com': { sipSignalingPort: 5062 },
		'sbc3.contoso.com': { sipSignalingPort: 5063 },
	},
	routes: [
		{ name: 'UK', numberPattern: '^\\+44\\d{10}$', trunks: ['sbc3.contoso.com'] },
		{
			name: 'All',
			numberPattern: '^\\+[1-9][0-9]{3,23}$',
			trunks: ['sbc3.contoso.com', 'sbc2.contoso.com'],
		},
	],
};

describe.each(AUTHS)('Configuration Get with %s', (auth) => {
	const run = sipRunner(auth);

	it('returns the whole document as one item', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await run(emu, { resource: 'configuration', operation: 'get' });
		expect(jsonOf(result)).toEqual([TWO_TRUNKS_TWO_ROUTES]);
	});
});

describe.each(AUTHS)('Configuration Apply Desired State with %s', (auth) => {
	it('Dry Run returns the ordered plan and changes nothing', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(
			emu,
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify(NEW_STATE),
				dryRun: true,
			},
			{ auth },
		);
		const [plan] = jsonOf(result);
		expect(plan).toMatchObject({
			dryRun: true,
			applied: false,
			inSync: false,
			patchCount: 3,
			trunksCreated: ['sbc3.contoso.com'],
			trunksDeleted: ['sbc1.contoso.com'],
			routesChanged: true,
		});
		const steps = plan.plan as Array<{ step: number; patch: Record<string, unknown> }>;
		// Each patch is safe against the document before it: the new trunk exists before routes name it, and the
		// old trunk goes only once no stored route uses it.
		expect(steps.map((step) => step.patch)).toEqual([
			{ trunks: { 'sbc3.contoso.com': { sipSignalingPort: 5063 } } },
			{ routes: NEW_STATE.routes },
			{ trunks: { 'sbc1.contoso.com': null } },
		]);
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
		expect(await storedSip(emu)).toMatchObject(TWO_TRUNKS_TWO_ROUTES);
	});

	it('applies the plan: the stored document becomes the desired state', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(
			emu,
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify(NEW_STATE),
			},
			{ auth },
		);
		expect(jsonOf(result)[0]).toMatchObject({ dryRun: false, applied: true, patchCount: 3 });
		expect(await sentRequests(emu)).toEqual([
			'GET /sip',
			'PATCH /sip',
			'PATCH /sip',
			'PATCH /sip',
			'GET /sip',
			'GET /sip',
		]);
		const stored = await storedSip(emu, '2023-03-01');
		expect(stored).toEqual(NEW_STATE);

		await emu.control.clearRequestLog();
		const again = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify(NEW_STATE),
		});
		expect(jsonOf(again)[0]).toMatchObject({ inSync: true, applied: false, patchCount: 0 });
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});
});

describe('Configuration Apply Desired State', () => {
	it('takes the output of Configuration Get as input (round trip), leaving unlisted sections alone', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const read = jsonOf(await runSip(emu, { resource: 'configuration', operation: 'get' }))[0];
		await emu.control.clearRequestLog();
		const result = await runSip(
			emu,
			{ resource: 'configuration', operation: 'applyDesiredState', desiredState: '={{ $json }}' },
			{ inputItems: [{ routes: read.routes }] },
		);
		expect(jsonOf(result)[0]).toMatchObject({ inSync: true, patchCount: 0 });
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});

	it('refuses an invalid desired state before any change, naming the route and trunk', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({
				...NEW_STATE,
				routes: [{ name: 'UK', numberPattern: '^\\+44', trunks: ['ghost.contoso.com'] }],
			}),
			dryRun: true,
		});
		expect(result.error?.message).toBe(
			'Desired State (JSON): Route "UK" uses trunk ghost.contoso.com, which does not exist: create the trunk first.',
		);
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});

	it('when a later patch fails, says which changes were applied (the document stays valid)', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		await emu.control.addFault({
			method: 'PATCH',
			path: '^/sip$',
			type: 'delay',
			delayMs: 300,
			count: 1,
		});
		const running = runSip(
			emu,
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify(NEW_STATE),
			},
			{ continueOnFail: true },
		);
		while ((await emu.control.listFaults()).length > 0)
			await new Promise((resolve) => setTimeout(resolve, 10));
		await emu.control.addFault({
			method: 'PATCH',
			path: '^/sip$',
			type: 'status',
			status: 400,
			code: 'BadRequest',
			count: 1,
		});
		const [item] = jsonOf(await running);
		expect(item).toMatchObject({ appliedPatches: 1, plannedPatches: 3, httpCode: '400' });
		expect(item.errorDescription).toContain(
			'Patch 2 of 3 failed; the 1 before it were applied (add trunk sbc3.contoso.com',
		);
		const stored = await storedSip(emu, '2023-03-01');
		expect(Object.keys(stored.trunks as object).sort()).toEqual([
			'sbc1.contoso.com',
			'sbc2.contoso.com',
			'sbc3.contoso.com',
		]);
		expect(stored.routes).toEqual(TWO_TRUNKS_TWO_ROUTES.routes);
	});

	it('refuses preview-only fields on the stable API before any request (they would never be applied)', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061, enabled: false } },
			}),
		});
		expect(result.error?.message).toBe(
			'Desired State (JSON): trunk sbc1.contoso.com: enabled needs the preview API, but api-version 2023-03-01 does not have it',
		);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('refuses JSON that is not a desired state before any request', async () => {
		const emu = emulator();
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: '{"trunk": {}}',
		});
		expect(result.error?.message).toBe(
			'Desired State (JSON): unknown section "trunk"; use "trunks", "routes", "domains"',
		);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it.each([
		[
			'a trunk',
			'{"trunks": {"__proto__": {"sipSignalingPort": 5061}, "sbc1.contoso.com": {"sipSignalingPort": 5061}}}',
			'trunk "__proto__"',
		],
		[
			'a trunk in list form',
			'{"trunks": [{"fqdn": "__proto__", "sipSignalingPort": 5061}]}',
			'trunk "__proto__"',
		],
		['a domain', '{"domains": {"__proto__": {"enabled": true}}}', 'domain "__proto__"'],
		['a domain in list form', '{"domains": [{"domain": "__proto__"}]}', 'domain "__proto__"'],
		[
			'a trunk named after an Object member',
			'{"trunks": {"constructor": {"sipSignalingPort": 5061}}}',
			'trunk "constructor"',
		],
	])(
		'refuses %s keyed by a reserved name, naming it, before any request',
		async (_, desiredState, named) => {
			const emu = emulator();
			await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
			const result = await runSip(emu, {
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState,
				sipApi: 'sipPreview',
			});
			expect(result.items).toEqual([]);
			expect(result.error?.message).toContain(`Desired State (JSON): ${named}`);
			expect(await sentRequests(emu)).toEqual([]);
			const stored = await storedSip(emu);
			expect(Object.keys(stored.trunks as object)).toEqual(
				Object.keys(TWO_TRUNKS_TWO_ROUTES.trunks),
			);
			expect(Object.keys((stored.domains as object | undefined) ?? {})).toEqual([]);
		},
	);

	it('refuses limits, names and duplicates of the given sections before any request', async () => {
		const emu = emulator();
		const trunks = Object.fromEntries(
			Array.from({ length: 251 }, (_, i) => [`sbc${i}.contoso.com`, { sipSignalingPort: 5061 }]),
		);
		const tooMany = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({ trunks }),
		});
		expect(tooMany.error?.message).toBe(
			'Desired State (JSON): 251 trunks; at most 250 are allowed.',
		);
		const route = { name: 'A', numberPattern: '^\\+1', trunks: ['sbc1.contoso.com'] };
		const twice = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({ routes: [route, route] }),
		});
		expect(twice.error?.message).toBe(
			'Desired State (JSON): There are 2 routes named "A"; route names must be unique.',
		);
		expect(await sentRequests(emu)).toEqual([]);
	});

	it('leaves a trunk without a port to the check after the read: its stored port applies', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const desiredState = JSON.stringify({
			trunks: { ...TWO_TRUNKS_TWO_ROUTES.trunks, 'sbc1.contoso.com': {} },
		});
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState,
		});
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ inSync: true });
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});

	it('manages domains on the preview API, removing a domain only after its trunks', async () => {
		const emu = emulator();
		await seedSip(emu, {
			domains: { 'contoso.com': { enabled: true } },
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
		});
		const desired = {
			domains: { 'fabrikam.com': { enabled: true } },
			trunks: { 'sbc1.fabrikam.com': { sipSignalingPort: 5061 } },
			routes: [],
		};
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			sipApi: 'sipPreview',
			desiredState: JSON.stringify(desired),
		});
		const [outcome] = jsonOf(result);
		expect(outcome).toMatchObject({
			applied: true,
			domainsCreated: ['fabrikam.com'],
			domainsDeleted: ['contoso.com'],
		});
		const stored = await storedSip(emu, PREVIEW);
		expect(stored.domains).toEqual(desired.domains);
		expect(Object.keys(stored.trunks as object)).toEqual(['sbc1.fabrikam.com']);
	});
});

describe('Configuration Apply Desired State across the domain rules (preview API, the emulator enforces them)', () => {
	const route = { name: 'All', numberPattern: '^\\+\\d+$' };
	it.each([
		[
			'first domain',
			{
				trunks: { 'sbc.other.net': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc.other.net'] }],
			},
			{
				domains: { 'contoso.com': { enabled: true } },
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc1.contoso.com'] }],
			},
		],
		[
			'last domain',
			{
				domains: { 'contoso.com': { enabled: true } },
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc1.contoso.com'] }],
			},
			{
				domains: {},
				trunks: { 'sbc.other.net': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc.other.net'] }],
			},
		],
	])(
		'%s: every patch is accepted and the document ends as desired',
		async (_case, seed, desired) => {
			const emu = emulator();
			await seedSip(emu, seed);
			const result = await runSip(emu, {
				resource: 'configuration',
				operation: 'applyDesiredState',
				sipApi: 'sipPreview',
				desiredState: JSON.stringify(desired),
			});
			const [item] = jsonOf(result);
			expect(item).toMatchObject({ applied: true, patchCount: 4 });
			expect(await sentRequests(emu)).toEqual([
				'GET /sip',
				'PATCH /sip',
				'PATCH /sip',
				'PATCH /sip',
				'PATCH /sip',
				'GET /sip',
				'GET /sip',
			]);
			const stored = await storedSip(emu);
			expect(stored.domains ?? {}).toEqual(desired.domains);
			expect(Object.keys(stored.trunks as object)).toEqual(Object.keys(desired.trunks));
			expect(stored.trunks).toMatchObject(desired.trunks); // the preview API adds its defaults
			expect(stored.routes).toEqual(desired.routes);
		},
	);
});

describe('Configuration Apply Desired State pattern hints', () => {
	it('hints per route for the SDK sample ^+[1-9][0-9]{3,23}$, in the output and as execution hints, and still applies it', async () => {
		const emu = emulator();
		await seedSip(emu, TWO_TRUNKS_TWO_ROUTES);
		const desired = {
			routes: [
				{ name: 'Sample', numberPattern: '^+[1-9][0-9]{3,23}$', trunks: ['sbc1.contoso.com'] },
				{ name: 'Fine', numberPattern: '^\\+1\\d{10}$', trunks: ['sbc2.contoso.com'] },
			],
		};
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify(desired),
		});
		const [item] = jsonOf(result);
		const hints = item.patternHints as Array<{
			route: string;
			numberPattern: string;
			hints: string[];
		}>;
		expect(hints.map((entry) => [entry.route, entry.numberPattern])).toEqual([
			['Sample', '^+[1-9][0-9]{3,23}$'],
		]);
		expect(hints[0].hints.join(' ')).toContain('"^+"');
		const executionHints = (result.runData[NODE_UNDER_TEST][0].hints ?? []).map(
			(hint) => hint.message,
		);
		expect(executionHints.length).toBe(hints[0].hints.length);
		expect(executionHints[0]).toMatch(/^Route "Sample": .*"\^\+"/);
		// a hint never blocks: the service accepts the pattern, so the node applies it
		expect(item).toMatchObject({ applied: true });
		expect((await storedSip(emu)).routes).toEqual(desired.routes);
	});

	it('gives no hints for good patterns, and none for routes it does not change', async () => {
		const emu = emulator();
		await seedSip(emu, {
			...TWO_TRUNKS_TWO_ROUTES,
			routes: [{ name: 'Old', numberPattern: '^+1', trunks: [] }],
		});
		const result = await runSip(emu, {
			resource: 'configuration',
			operation: 'applyDesiredState',
			desiredState: JSON.stringify({ trunks: TWO_TRUNKS_TWO_ROUTES.trunks }),
			dryRun: true,
		});
		expect(jsonOf(result)[0].patternHints).toEqual([]);
		expect(result.runData[NODE_UNDER_TEST][0].hints ?? []).toEqual([]);
	});
});

describe.each(AUTHS)('Configuration Test Number with %s', (auth) => {
	const run = sipRunner(auth);

	const SEATTLE = {
		trunks: {
			'seattle.contoso.com': { sipSignalingPort: 5011 },
			'us1.contoso.com': { sipSignalingPort: 5012 },
			'global.contoso.com': { sipSignalingPort: 5015 },
		},
		routes: [
			{ name: 'Seattle', numberPattern: '^\\+1(425|206)\\d{7}$', trunks: ['seattle.contoso.com'] },
			{ name: 'US', numberPattern: '^\\+1\\d{10}$', trunks: ['us1.contoso.com'] },
			{ name: 'Global', numberPattern: '^\\+\\d+$', trunks: ['global.contoso.com'] },
		],
	};

	it('on the preview API: local evaluation and the service agree on the stored configuration', async () => {
		const emu = emulator();
		await seedSip(emu, SEATTLE);
		const result = await run(emu, {
			resource: 'configuration',
			operation: 'testNumber',
			sipApi: 'sipPreview',
			phoneNumber: '+14251234567',
		});
		expect(jsonOf(result)[0]).toMatchObject({
			phoneNumber: '+14251234567',
			configuration: 'stored',
			route: 'Seattle',
			trunks: ['seattle.contoso.com'],
			matchingRoutes: ['Seattle', 'US', 'Global'],
			serviceChecked: true,
			serviceRoute: 'Seattle',
			serviceTrunks: ['seattle.contoso.com'],
			serviceMatchingRoutes: ['Seattle', 'US', 'Global'],
			agree: true,
		});
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'POST /sip:testRoutesWithNumber']);
	});

	it('tests a candidate configuration without saving it', async () => {
		const emu = emulator();
		await seedSip(emu, SEATTLE);
		const candidate = { routes: [SEATTLE.routes[2], SEATTLE.routes[0]] };
		const result = await run(emu, {
			resource: 'configuration',
			operation: 'testNumber',
			sipApi: 'sipPreview',
			phoneNumber: '+14251234567',
			configurationSource: 'candidate',
			candidateConfiguration: JSON.stringify(candidate),
		});
		expect(jsonOf(result)[0]).toMatchObject({
			configuration: 'candidate',
			route: 'Global',
			serviceRoute: 'Global',
			matchingRoutes: ['Global', 'Seattle'],
			agree: true,
		});
		expect(await sentRequests(emu)).toEqual(['GET /sip', 'POST /sip:testRoutesWithNumber']);
		expect((await storedSip(emu)).routes).toEqual(SEATTLE.routes);
	});

	it('on the stable API only the local evaluation runs, and the output says why', async () => {
		const emu = emulator();
		await seedSip(emu, SEATTLE);
		const result = await run(emu, {
			resource: 'configuration',
			operation: 'testNumber',
			phoneNumber: '+12065550100',
		});
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ route: 'Seattle', serviceChecked: false, agree: null });
		expect((item.notes as string[]).join(' ')).toContain('not in api-version 2023-03-01');
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});

	it('evaluates the SDK sample pattern the .NET way: "^+" does not match a literal plus', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
			routes: [
				{ name: 'Sample', numberPattern: '^+[1-9][0-9]{3,23}$', trunks: ['sbc1.contoso.com'] },
			],
		});
		const result = await run(emu, {
			resource: 'configuration',
			operation: 'testNumber',
			sipApi: 'sipPreview',
			phoneNumber: '+14255550100',
		});
		expect(jsonOf(result)[0]).toMatchObject({
			route: null,
			matchingRoutes: [],
			serviceMatchingRoutes: [],
			agree: true,
		});
	});

	it.each(['[1]', '"routes"', '42', 'null'])(
		'refuses the candidate %s, which is not an object, before any request',
		async (candidateConfiguration) => {
			const emu = emulator();
			await seedSip(emu, SEATTLE);
			const result = await run(emu, {
				resource: 'configuration',
				operation: 'testNumber',
				phoneNumber: '+14251234567',
				configurationSource: 'candidate',
				candidateConfiguration,
				checkWithService: false,
			});
			expect(result.error?.message).toBe(
				'Candidate Configuration (JSON): must be an object with "trunks", "routes" and/or "domains"',
			);
			expect(await sentRequests(emu)).toEqual([]);
		},
	);

	it('refuses an invalid candidate before sending it', async () => {
		const emu = emulator();
		await seedSip(emu, SEATTLE);
		const result = await run(emu, {
			resource: 'configuration',
			operation: 'testNumber',
			sipApi: 'sipPreview',
			phoneNumber: '+14251234567',
			configurationSource: 'candidate',
			candidateConfiguration: JSON.stringify({
				routes: [{ name: 'X', numberPattern: '^\\+1', trunks: ['ghost.contoso.com'] }],
			}),
		});
		expect(result.error?.message).toContain(
			'Candidate Configuration (JSON): Route "X" uses trunk ghost.contoso.com',
		);
		expect(await sentRequests(emu)).toEqual(['GET /sip']);
	});
});
