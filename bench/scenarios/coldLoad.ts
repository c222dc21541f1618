/**
 * Scenario 4: cold load of the BUILT package (dist/, built first if missing): each sample is a fresh plain-Node
 * process (coldLoadChild.cjs) that requires a node module and a credential and instantiates them, as n8n's
 * loader does. Also checks that @azure/identity stays unloaded until the Entra credential is used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../lib/childProcess';
import type { Figure } from '../lib/result';
import { repeatsOf, type Scenario, type ScenarioContext } from '../lib/scenario';
import { spread } from '../lib/stats';

const GOAL_MS = 30;
const PHONE_NUMBERS_NODE =
	'dist/nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node.js';
const SIP_NODE = 'dist/nodes/AzureCommunicationSipRouting/AzureCommunicationSipRouting.node.js';
const CONNECTION_STRING_CREDENTIAL =
	'dist/credentials/AzureCommunicationServicesApi.credentials.js';
const ENTRA_CREDENTIAL = 'dist/credentials/AzureCommunicationServicesEntraApi.credentials.js';

interface ChildReport {
	n8nWorkflowMs: number;
	loadMs: number;
	identityLoadedAfterLoad: boolean;
	identityLoadedAfterUse?: boolean;
	firstUseMs?: number;
	modulesLoaded: number;
}

function ensureBuilt(ctx: ScenarioContext): void {
	if (
		[PHONE_NUMBERS_NODE, SIP_NODE, CONNECTION_STRING_CREDENTIAL, ENTRA_CREDENTIAL].every((f) =>
			existsSync(path.join(REPO_ROOT, f)),
		)
	)
		return;
	ctx.log('  dist/ is missing: npm run build');
	const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('npm run build failed');
}

function loadInFreshProcess(
	nodeFile: string,
	credentialFile: string,
	useEntra: boolean,
): ChildReport {
	const args = [
		path.join(REPO_ROOT, 'bench/scenarios/coldLoadChild.cjs'),
		nodeFile,
		credentialFile,
		...(useEntra ? ['useEntra'] : []),
	].filter(Boolean);
	const child = spawnSync(process.execPath, args, {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		timeout: 60_000,
	});
	if (child.status !== 0) throw new Error(`cold-load child failed: ${child.stderr}`);
	return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
}

export const coldLoad: Scenario = {
	id: '4',
	title: 'Cold load of a node module and its credential (built dist/)',
	async run(ctx) {
		ensureBuilt(ctx);
		const repeats = repeatsOf(ctx, 9, 3);
		const cases = [
			{
				label: 'Phone Numbers node + connection-string credential',
				node: PHONE_NUMBERS_NODE,
				credential: CONNECTION_STRING_CREDENTIAL,
			},
			{
				label: 'Phone Numbers node + Entra credential (not used)',
				node: PHONE_NUMBERS_NODE,
				credential: ENTRA_CREDENTIAL,
			},
			{
				label: 'SIP Routing node + connection-string credential',
				node: SIP_NODE,
				credential: CONNECTION_STRING_CREDENTIAL,
			},
		];
		const figures: Figure[] = [];
		const sdk = spread(
			Array.from({ length: repeats }, () => loadInFreshProcess('sdk', '', false).loadMs),
		);
		ctx.log(`  SDK (@azure/communication-phone-numbers): median ${sdk.median.toFixed(1)} ms`);
		for (const c of cases) {
			const reports = Array.from({ length: repeats }, () =>
				loadInFreshProcess(c.node, c.credential, false),
			);
			const loaded = reports.some((r) => r.identityLoadedAfterLoad);
			const load = spread(reports.map((r) => r.loadMs));
			ctx.log(
				`  ${c.label}: ${reports.map((r) => r.loadMs.toFixed(1)).join(', ')} ms; @azure/identity loaded: ${loaded}`,
			);
			figures.push({
				scenario: '4',
				metric: `cold load: ${c.label}`,
				unit: 'ms',
				ours: load,
				sdk,
				ratio: load.median / sdk.median,
				goal: `<= ${GOAL_MS} ms, @azure/identity not loaded`,
				holds: load.median <= GOAL_MS && !loaded,
				note: `SDK column: require('@azure/communication-phone-numbers') in the same kind of process (no goal on the ratio); ${reports[0].modulesLoaded} files from dist/; @azure/identity loaded: ${loaded}; n8n-workflow itself (already loaded in n8n) took ${spread(reports.map((r) => r.n8nWorkflowMs)).median.toFixed(0)} ms`,
			});
		}
		const used = Array.from({ length: Math.min(repeats, 3) }, () =>
			loadInFreshProcess(PHONE_NUMBERS_NODE, ENTRA_CREDENTIAL, true),
		);
		const loadedOnUse = used.every((r) => r.identityLoadedAfterUse === true);
		figures.push({
			scenario: '4',
			metric: 'Entra credential used: @azure/identity loaded on first token request',
			unit: 'ms',
			ours: spread(used.map((r) => r.firstUseMs ?? NaN)),
			goal: 'loaded only when used',
			holds: loadedOnUse && used.every((r) => !r.identityLoadedAfterLoad),
			note: `time to require @azure/identity on first use (paid once per process); loaded after use: ${loadedOnUse}`,
		});
		return figures;
	},
};
