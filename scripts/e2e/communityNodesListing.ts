import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_OWNER } from '../demo/owner';
import {
	installedPackageDir,
	linkN8nWorkflowAbove,
	withoutNpmRunSettings,
} from '../n8n/communityPackage';
import { n8nEnvironment } from '../n8n/environment';
import { startLocalRegistry, type LocalRegistry } from '../n8n/localRegistry';
import { paths } from '../n8n/paths';
import { freePort } from '../n8n/ports';
import { formatSeconds } from '../n8n/run';
import { N8nRest } from '../n8n/rest';
import { startN8nServer, type N8nServer } from '../n8n/server';
import type { PackManifest } from './packContents';
import { assertLoadedAsPackage, builtTypeNames } from './packageInstall';
import type { Report } from './report';

/** The licence feature under which n8n downloads community packages from a registry other than npmjs. */
const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

interface ListedPackage {
	packageName: string;
	installedVersion: string;
	failedLoading: boolean;
	installedNodes: Array<{ name: string; type: string }>;
}

/**
 * Installs the tarball through n8n's own Settings > Community Nodes flow, into a fresh user folder: n8n runs
 * `npm pack <name>@<version>` against a local stand-in registry that serves the tarball (and forwards the
 * rest to npmjs), loads the package and records it; then n8n must list it, load its nodes, and uninstall it.
 * n8n honours a registry other than npmjs only under a licence feature, switched on through its E2E_TESTS API.
 */
export async function checkListedAsCommunityPackage(
	report: Report,
	tarball: string,
	userFolder: string,
): Promise<void> {
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	linkN8nWorkflowAbove(userFolder);
	const manifest = JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as PackManifest & {
		name: string;
		version: string;
	};
	let registry: LocalRegistry | undefined;
	let server: N8nServer | undefined;
	let rest: N8nRest | undefined;
	try {
		const installed = await report.check(
			'n8n installs the package through its own Community Nodes flow (POST /rest/community-packages, npm pack from a local registry)',
			async () => {
				registry = await startLocalRegistry(tarball);
				server = await startInstallingN8n(userFolder, registry.url);
				const client = new N8nRest(server.baseUrl);
				await client.ensureOwner(DEMO_OWNER);
				await client.login(DEMO_OWNER.email, DEMO_OWNER.password);
				await client.json('PATCH', '/rest/e2e/feature', {
					feature: CUSTOM_REGISTRY_FEATURE,
					enabled: true,
				});
				const started = Date.now();
				await client.json('POST', '/rest/community-packages', {
					name: manifest.name,
					version: manifest.version,
				});
				const forwarded = registry.requests.filter((line) => line.endsWith('(upstream)')).length;
				console.log(
					`  n8n's install flow took ${formatSeconds(Date.now() - started)}; the local registry answered ${registry.requests.length - forwarded} requests for the package and forwarded ${forwarded} to npmjs`,
				);
				assert.ok(
					registry.requests.some((line) => line.startsWith(`GET /${manifest.name}/-/`)),
					`n8n's npm did not download the tarball from the local registry:\n${registry.requests.join('\n')}`,
				);
				assert.ok(
					fs.existsSync(path.join(installedPackageDir(userFolder, manifest.name), 'package.json')),
					`${manifest.name} is not in the fresh user folder's .n8n/nodes`,
				);
				rest = client;
			},
		);
		if (!installed || !rest) return;
		const client = rest;
		const listed = await report.check(
			"n8n lists the package under Community Nodes (installed through n8n's own install flow): version, every node of the package, loaded",
			async () => {
				const nodeTypes = builtTypeNames(manifest)
					.filter(({ kind }) => kind === 'node')
					.map(({ name }) => name)
					.sort();
				const listing = await client.json<ListedPackage[]>('GET', '/rest/community-packages');
				const ours = listing.find((entry) => entry.packageName === manifest.name);
				assert.ok(ours, `not listed: ${JSON.stringify(listing.map((entry) => entry.packageName))}`);
				assert.equal(ours.installedVersion, manifest.version);
				assert.deepEqual(ours.installedNodes.map((node) => node.type).sort(), nodeTypes);
				assert.equal(ours.failedLoading, false, 'n8n reports failedLoading');
				await assertLoadedAsPackage(client);
			},
		);
		if (!listed) return;
		await report.check(
			'n8n uninstalls it from Community Nodes (DELETE /rest/community-packages): gone from the list and from .n8n/nodes',
			async () => {
				await client.json(
					'DELETE',
					`/rest/community-packages?name=${encodeURIComponent(manifest.name)}`,
				);
				const listing = await client.json<ListedPackage[]>('GET', '/rest/community-packages');
				assert.deepEqual(
					listing.map((entry) => entry.packageName),
					[],
				);
				assert.ok(
					!fs.existsSync(installedPackageDir(userFolder, manifest.name)),
					'the package folder is still in .n8n/nodes',
				);
			},
		);
	} finally {
		await server?.stop();
		await registry?.stop();
	}
}

/**
 * n8n with its E2E_TESTS API (the licence switch), the stand-in registry, and an npm that answers to nothing
 * but n8n's flags: without `npm run`'s npm_* settings, with a cache of its own. This n8n talks to no emulator
 * but its npm talks to registry.npmjs.org (`npm outdated` when listing): it trusts the CAs this shell trusts,
 * not the emulator's test CA.
 */
async function startInstallingN8n(userFolder: string, registryUrl: string): Promise<N8nServer> {
	const [port, runnerBrokerPort] = [await freePort(), await freePort()];
	const env = {
		...withoutNpmRunSettings(
			n8nEnvironment({ userFolder, port, runnerBrokerPort, logLevel: 'warn' }),
		),
		E2E_TESTS: 'true',
		N8N_COMMUNITY_PACKAGES_REGISTRY: registryUrl,
		NPM_CONFIG_CACHE: path.join(userFolder, 'npm-cache'),
		NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
	};
	if (!env.NODE_EXTRA_CA_CERTS) delete env.NODE_EXTRA_CA_CERTS;
	return await startN8nServer({
		env,
		port,
		onLogLine: (line) => console.log(`\x1b[2m[n8n community install]\x1b[0m ${line}`),
	});
}
