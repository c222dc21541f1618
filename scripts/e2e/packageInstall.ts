import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_OWNER } from '../demo/owner';
import {
	installedCopies,
	installedPackageDir,
	installLikeCommunityNodes,
	installWithNpm,
	linkN8nWorkflowAbove,
	nodesFolder,
	packPackage,
} from '../n8n/communityPackage';
import { n8nEnvironment } from '../n8n/environment';
import { packageName } from '../n8n/extension';
import { paths, repoRoot } from '../n8n/paths';
import { freePort } from '../n8n/ports';
import { N8nRest } from '../n8n/rest';
import { startN8nServer } from '../n8n/server';
import { kilobytes, packProblems, type PackManifest } from './packContents';
import type { Report } from './report';

/** Packages a user must never get from installing ours: n8n's own (a second copy) and a native build that fails. */
const MUST_NOT_INSTALL = ['n8n-workflow', 'isolated-vm'];

/** `npm pack` of the build, checked file by file against what n8n loads; returns the tarball. */
export async function checkPack(report: Report, destination: string): Promise<string | undefined> {
	let tarball: string | undefined;
	await report.check(
		'npm pack: only what n8n loads, with package.json, README and LICENSE, unpacked size within the limit',
		async () => {
			const packed = await packPackage(destination);
			const manifest = JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as PackManifest;
			const problems = packProblems(packed.report, manifest, iconFiles(manifest));
			assert.deepEqual(problems, [], problems.join('\n'));
			console.log(
				`  ${packed.report.files.length} files, ${kilobytes(packed.report.size)} packed, ${kilobytes(packed.report.unpackedSize)} unpacked`,
			);
			tarball = packed.tarball;
		},
	);
	return tarball;
}

/** Installs the tarball as Settings > Community Nodes does, into the user folder the workflow runs use. */
export async function checkCommunityInstall(
	report: Report,
	tarball: string,
	userFolder: string,
): Promise<boolean> {
	return await report.check(
		`installed as n8n's Community Nodes installs a package (${relative(nodesFolder(userFolder))})`,
		async () => {
			const { name } = await installLikeCommunityNodes(tarball, userFolder);
			assertInstalled(userFolder, name);
			const ledger = JSON.parse(
				fs.readFileSync(path.join(nodesFolder(userFolder), 'package.json'), 'utf8'),
			) as { dependencies: Record<string, string> };
			assert.ok(
				ledger.dependencies[name],
				`${name} is not in n8n's ledger ${relative(nodesFolder(userFolder))}/package.json`,
			);
			linkN8nWorkflowAbove(userFolder);
		},
	);
}

/**
 * The README's manual installation (`cd ~/.n8n/nodes && npm install <package>`) into a fresh user folder: npm
 * pulls neither n8n-workflow nor isolated-vm, and a real n8n started on that folder lists every node and
 * credential under the package's name.
 */
export async function checkManualInstall(
	report: Report,
	tarball: string,
	userFolder: string,
): Promise<void> {
	fs.rmSync(userFolder, { recursive: true, force: true });
	const installed = await report.check(
		'manual install: `npm install <tarball>` in .n8n/nodes pulls neither n8n-workflow nor isolated-vm',
		async () => {
			await installWithNpm(tarball, userFolder);
			assertInstalled(userFolder, packageName());
			linkN8nWorkflowAbove(userFolder);
		},
	);
	if (!installed) return;
	await report.check(
		'manual install: n8n loads every node and credential of the package from .n8n/nodes (REST /types)',
		async () => {
			const [port, runnerBrokerPort] = [await freePort(), await freePort()];
			const env = n8nEnvironment({ userFolder, port, runnerBrokerPort, logLevel: 'warn' });
			const server = await startN8nServer({
				env,
				port,
				onLogLine: (line) => console.log(`\x1b[2m[n8n manual install]\x1b[0m ${line}`),
			});
			try {
				const rest = new N8nRest(server.baseUrl);
				await rest.ensureOwner(DEMO_OWNER);
				await rest.login(DEMO_OWNER.email, DEMO_OWNER.password);
				await assertLoadedAsPackage(rest);
			} finally {
				await server.stop();
			}
		},
	);
}

/** n8n names a package's node types `<package>.<node>`; loaded from elsewhere (custom extensions) they would be `CUSTOM.<node>`. */
export async function assertLoadedAsPackage(rest: N8nRest): Promise<void> {
	const manifest = JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as PackManifest & {
		name: string;
	};
	const nodes = new Set((await typesList(rest, 'nodes')).map((node) => node.name));
	const credentials = new Set(
		(await typesList(rest, 'credentials')).map((credential) => credential.name),
	);
	for (const { kind, name } of builtTypeNames(manifest))
		assert.ok((kind === 'node' ? nodes : credentials).has(name), `n8n has no ${kind} type ${name}`);
}

/** The type names n8n gives the built nodes (`<package>.<node>`) and credentials (their own name). */
export function builtTypeNames(
	manifest: PackManifest & { name: string },
): Array<{ kind: 'node' | 'credential'; name: string }> {
	return builtClasses(manifest).map(({ kind, instance }) => ({
		kind,
		name: kind === 'node' ? `${manifest.name}.${instance.description?.name}` : instance.name!,
	}));
}

async function typesList(
	rest: N8nRest,
	kind: 'nodes' | 'credentials',
): Promise<Array<{ name: string }>> {
	try {
		return await rest.json<Array<{ name: string }>>('GET', `/types/${kind}.json`);
	} catch (error) {
		const cause = (error as { cause?: { message?: string } }).cause?.message;
		throw new Error(
			`GET /types/${kind}.json: ${(error as Error).message}${cause ? ` (${cause})` : ''}`,
		);
	}
}

function assertInstalled(userFolder: string, name: string): void {
	const packageDir = installedPackageDir(userFolder, name);
	assert.ok(
		fs.existsSync(path.join(packageDir, 'package.json')),
		`${relative(packageDir)} is missing`,
	);
	const identity = installedCopies(nodesFolder(userFolder), ['@azure/identity']);
	assert.ok(identity.length > 0, '@azure/identity (a dependency) was not installed');
	const unwanted = installedCopies(nodesFolder(userFolder), MUST_NOT_INSTALL);
	assert.deepEqual(unwanted.map(relative), [], 'installed although it must not be');
}

interface BuiltClass {
	kind: 'node' | 'credential';
	file: string;
	instance: { name?: string; icon?: unknown; description?: { name?: string; icon?: unknown } };
}

/** The built node and credential classes package.json lists, instantiated as n8n's loader does. */
function builtClasses(manifest: PackManifest): BuiltClass[] {
	const entries = [
		...(manifest.n8n?.nodes ?? []).map((file) => ({ kind: 'node' as const, file })),
		...(manifest.n8n?.credentials ?? []).map((file) => ({ kind: 'credential' as const, file })),
	];
	return entries.map(({ kind, file }) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(repoRoot, file)) as Record<
			string,
			new () => BuiltClass['instance']
		>;
		const instance = new (Object.values(exported).find((value) => typeof value === 'function')!)();
		return { kind, file, instance };
	});
}

/** The icon files the built nodes and credentials name (`file:` paths, relative to each class's file). */
function iconFiles(manifest: PackManifest): string[] {
	return builtClasses(manifest).flatMap(({ file, instance }) => {
		const icon = instance.description?.icon ?? instance.icon;
		const named =
			typeof icon === 'string' ? [icon] : Object.values((icon ?? {}) as Record<string, string>);
		return named
			.filter((value) => value.startsWith('file:'))
			.map((value) => path.posix.join(path.posix.dirname(file), value.slice('file:'.length)));
	});
}

function relative(file: string): string {
	return path.relative(process.cwd(), file);
}
