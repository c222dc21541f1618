/**
 * Two executions ("workers") editing the SIP configuration at once. The document has no ETag and a PATCH carrying
 * `routes` replaces the whole list, so a read-modify-write can put back a list that lacks the other worker's edit.
 * Holds at the emulator choose the order deterministically: both read the same document, the victim's write lands
 * first, the other worker's write replaces it, and only then does the victim's read-back reach the emulator.
 * Every edit must end up stored, or the item that made it fails naming it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../../support/engine';
import { holdNext, withEmulator } from '../../support/emulator';
import { RECHECK } from '../../../nodes/AzureCommunicationSipRouting/helpers/routeRecheck';
import { seedSip, sipRunner, storedSip } from './sipHarness';

const emulator = withEmulator();
const run = sipRunner('connectionString');
const SIP = '^/sip$';

const routeEdit = (name: string, extra: IDataObject = {}): INodeParameters => ({
	resource: 'route',
	operation: 'createOrUpdate',
	name,
	numberPattern: '^\\+44[0-9]{10}$',
	trunks: 'sbc1.contoso.com',
	...extra,
});
const routeDelete = (name: string): INodeParameters => ({
	resource: 'route',
	operation: 'delete',
	route: { __rl: true, mode: 'name', value: name },
});
const trunkEdit = (fqdn: string, port: number): INodeParameters => ({
	resource: 'trunk',
	operation: 'createOrUpdate',
	fqdn,
	sipSignalingPort: port,
});

const route = (name: string, numberPattern = '^\\+1[0-9]{10}$') => ({
	name,
	numberPattern,
	trunks: ['sbc1.contoso.com'],
});
const SEEDED = {
	trunks: {
		'sbc1.contoso.com': { sipSignalingPort: 5061 },
		'sbc2.contoso.com': { sipSignalingPort: 5062 },
	},
	routes: [route('US'), route('Old5'), route('Upd4'), route('Old6'), route('Old10'), route('Upd9')],
};

interface Round {
	victim: INodeParameters;
	overwriter: INodeParameters;
}

/** Ten rounds, twenty edits: route and trunk edits, each pair read from the same document. */
const ROUNDS: Round[] = [
	{ victim: routeEdit('B1'), overwriter: routeEdit('A1') },
	{ victim: routeEdit('B2'), overwriter: trunkEdit('sbc3.contoso.com', 5063) },
	{ victim: trunkEdit('sbc4.contoso.com', 5064), overwriter: routeEdit('A3') },
	{ victim: routeEdit('Upd4', { numberPattern: '^\\+49[0-9]{10}$' }), overwriter: routeEdit('A4') },
	{ victim: routeDelete('Old5'), overwriter: routeEdit('A5') },
	{ victim: routeEdit('B6'), overwriter: routeDelete('Old6') },
	{ victim: trunkEdit('sbc2.contoso.com', 5072), overwriter: trunkEdit('sbc7.contoso.com', 5067) },
	{ victim: routeEdit('B8', { position: 'first' }), overwriter: routeEdit('A8') },
	{ victim: routeEdit('B9'), overwriter: routeEdit('Upd9', { numberPattern: '^\\+33[0-9]{9}$' }) },
	{ victim: trunkEdit('sbc10.contoso.com', 5070), overwriter: routeDelete('Old10') },
];

/**
 * One round: both workers read, the victim's write is applied, then the overwriter's (from its older read), then the
 * victim's read-back (if it sends one) is answered.
 */
async function interleave(
	round: Round,
): Promise<{ victim: RunNodeResult; overwriter: RunNodeResult }> {
	const emu = emulator();
	const overwriterWrite = await holdNext(emu, 'PATCH', SIP);
	const overwriter = run(emu, round.overwriter);
	await overwriterWrite.held();
	const victimWrite = await holdNext(emu, 'PATCH', SIP);
	const victim = run(emu, round.victim);
	await victimWrite.held();
	const victimReadBack = await holdNext(emu, 'GET', SIP);
	await victimWrite.release();
	await Promise.race([victim, victimReadBack.held()]);
	await overwriterWrite.release();
	const overwriterResult = await overwriter;
	await victimReadBack.release();
	return { victim: await victim, overwriter: overwriterResult };
}

const nameOf = (parameters: INodeParameters): string =>
	String(
		parameters.name ??
			parameters.fqdn ??
			(parameters.route as { value: string } | undefined)?.value ??
			'',
	);

describe('Concurrent SIP edits from two workers', () => {
	it('keeps all twenty route and trunk edits, or fails the items whose edits did not stick', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const results: Array<{ parameters: INodeParameters; result: RunNodeResult }> = [];
		for (const round of ROUNDS) {
			const { victim, overwriter } = await interleave(round);
			results.push({ parameters: round.victim, result: victim });
			results.push({ parameters: round.overwriter, result: overwriter });
		}

		const stored = await storedSip(emu);
		const routes = stored.routes as Array<{ name: string; numberPattern: string }>;
		const trunks = stored.trunks as Record<string, { sipSignalingPort: number }>;
		const isStored = (parameters: INodeParameters): boolean => {
			const name = nameOf(parameters);
			if (parameters.resource === 'trunk')
				return trunks[name]?.sipSignalingPort === parameters.sipSignalingPort;
			const found = routes.find((entry) => entry.name === name);
			if (parameters.operation === 'delete') return found === undefined;
			if (parameters.position === 'first' && routes[0]?.name !== name) return false;
			return found?.numberPattern === parameters.numberPattern;
		};
		const silentlyLost = results
			.filter(({ parameters, result }) => !isStored(parameters) && result.error === undefined)
			.map(({ parameters }) => nameOf(parameters));
		expect(silentlyLost).toEqual([]);
		const failed = results.filter(({ result }) => result.error !== undefined);
		for (const { parameters, result } of failed) {
			expect(isStored(parameters)).toBe(false);
			expect(result.error?.message).toContain(nameOf(parameters));
		}
		// With one overwrite per round, the second attempt always holds: every edit is stored.
		expect(failed.map(({ parameters }) => nameOf(parameters))).toEqual([]);
		expect(results.every(({ parameters }) => isStored(parameters))).toBe(true);
	});

	it.each<[string, INodeParameters]>([
		[
			'Route Replace All',
			{
				resource: 'route',
				operation: 'replaceAll',
				source: 'json',
				routesJson: JSON.stringify([route('UK', '^\\+44[0-9]{10}$'), route('US')]),
			},
		],
		[
			'Apply Desired State with routes',
			{
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: JSON.stringify({ routes: [route('UK', '^\\+44[0-9]{10}$'), route('US')] }),
				dryRun: false,
			},
		],
	])(
		'%s whose list another worker replaced writes the whole stated list again',
		async (_, victim) => {
			const emu = emulator();
			await seedSip(emu, SEEDED);
			const rounds = await interleave({ victim, overwriter: routeEdit('A1') });
			expect(rounds.victim.error).toBeUndefined();
			expect(rounds.overwriter.error).toBeUndefined();
			// The whole list is what the later write meant: the route the other worker added before it is not kept.
			expect(((await storedSip(emu)).routes as IDataObject[]).map((entry) => entry.name)).toEqual([
				'UK',
				'US',
			]);
		},
	);

	it.each<[string, INodeParameters]>([
		['a new route', routeEdit('B1')],
		['a changed route', routeEdit('Upd4', { numberPattern: '^\\+49[0-9]{10}$' })],
		['a deleted route', routeDelete('Old5')],
		['a new route placed first', routeEdit('B8', { position: 'first' })],
	])(
		'writes %s again when a write from an older read replaces it after its read-back',
		async (_, victimEdit) => {
			const emu = emulator();
			await seedSip(emu, SEEDED);
			const overwriterWrite = await holdNext(emu, 'PATCH', SIP);
			const overwriter = run(emu, routeEdit('A1'));
			await overwriterWrite.held();
			// The victim reads the same document, writes, and its read-back holds its edit.
			const victimWrite = await holdNext(emu, 'PATCH', SIP);
			const victim = run(emu, victimEdit);
			await victimWrite.held();
			const victimReadBack = await holdNext(emu, 'GET', SIP);
			await victimWrite.release();
			await victimReadBack.held();
			const victimRecheck = await holdNext(emu, 'GET', SIP);
			await victimReadBack.release();
			const victimDone = await Promise.race([
				victim.then(() => true),
				victimRecheck.held().then(() => false),
			]);
			if (victimDone) await victimRecheck.release();
			// Only then does the other worker's write, planned from the older read, land.
			await overwriterWrite.release();
			const overwriterResult = await overwriter;
			await victimRecheck.release();
			const victimResult = await victim;

			expect(overwriterResult.error).toBeUndefined();
			expect(victimResult.error).toBeUndefined();
			const stored = await storedSip(emu);
			const names = (stored.routes as IDataObject[]).map((entry) => entry.name);
			expect(names).toContain('A1');
			const name = nameOf(victimEdit);
			const victimRoute = (stored.routes as IDataObject[]).find((entry) => entry.name === name);
			if (victimEdit.operation === 'delete') expect(victimRoute).toBeUndefined();
			else expect(victimRoute?.numberPattern).toBe(victimEdit.numberPattern);
			if (victimEdit.position === 'first') expect(names[0]).toBe(name);
		},
	);

	/** Runs a route edit, making other tools' writes while its n-th GET is held (or once it has finished). */
	async function withWritesAtGets(
		writesAtGet: Record<number, () => Promise<unknown>>,
	): Promise<RunNodeResult> {
		const emu = emulator();
		let hold = await holdNext(emu, 'GET', SIP);
		const victim = run(emu, routeEdit('B1'));
		const lastGet = Math.max(...Object.keys(writesAtGet).map(Number));
		for (let get = 1; get <= lastGet; get++) {
			await Promise.race([victim, hold.held()]);
			const next = await holdNext(emu, 'GET', SIP);
			await writesAtGet[get]?.();
			await hold.release();
			hold = next;
		}
		await hold.release();
		return await victim;
	}

	const victimRoute = route('B1', '^\\+44[0-9]{10}$');
	const routesWith = (...names: string[]) => [
		...SEEDED.routes,
		...names.map((name) => (name === 'B1' ? victimRoute : route(name))),
	];

	it('rechecks an edit that a later write carried back, before reporting it stored', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await withWritesAtGets({
			// Its read-back: the route list was replaced from an older read.
			2: () => seedSip(emu, { routes: SEEDED.routes }),
			// Its fresh read before writing again: a later write carried the victim's route back.
			3: () => seedSip(emu, { routes: routesWith('B1') }),
			// Then one more write from an older read replaces the list again.
			4: () => seedSip(emu, { routes: SEEDED.routes }),
		});

		const names = ((await storedSip(emu)).routes as IDataObject[]).map((entry) => entry.name);
		expect(result.error).toBeUndefined();
		expect(names).toContain('B1');
	});

	it('rechecks until the route list stops changing: a list that changed but kept the edit is not enough', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const result = await withWritesAtGets({
			// At its first recheck, another writer has changed the list and kept the victim's route.
			3: () => seedSip(emu, { routes: routesWith('B1', 'Other') }),
			// Then a write from a read made while the route was missing lands.
			4: () => seedSip(emu, { routes: routesWith('Other') }),
		});

		const names = ((await storedSip(emu)).routes as IDataObject[]).map((entry) => entry.name);
		expect(result.error).toBeUndefined();
		expect(names).toEqual(expect.arrayContaining(['B1', 'Other']));
	});

	it('fails naming the route when the route list changes at every recheck', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		const writes: Record<number, () => Promise<unknown>> = {};
		for (let get = 3; get < 3 + RECHECK.reads; get++)
			writes[get] = () => seedSip(emu, { routes: routesWith('B1', `Other${get}`) });
		const result = await withWritesAtGets(writes);

		expect(result.error?.message).toBe(
			'The SIP routes kept changing, so this item\'s edits could not be confirmed: route "B1"',
		);
		expect(result.error?.description).toContain(`${RECHECK.reads} reads`);
	});

	it('fails the item naming the route that did not stick when every write is replaced', async () => {
		const emu = emulator();
		await seedSip(emu, SEEDED);
		let hold = await holdNext(emu, 'GET', SIP);
		const victim = run(emu, routeEdit('B1'));
		// GETs: the first read, then per write its read-back and (before the next write) a fresh read.
		for (let get = 1; get <= 6; get++) {
			await Promise.race([victim, hold.held()]);
			const next = await holdNext(emu, 'GET', SIP);
			// Before each read-back, another tool puts back the route list without the victim's route.
			if (get % 2 === 0) await seedSip(emu, { routes: SEEDED.routes });
			await hold.release();
			hold = next;
		}
		const result = await victim;
		await hold.release();
		expect(result.error?.message).toContain('route "B1" is not stored');
		expect(result.error?.description).toContain('Written 3 times');
		expect(((await storedSip(emu)).routes as IDataObject[]).map((entry) => entry.name)).toEqual(
			SEEDED.routes.map((entry) => entry.name),
		);
	});
});
