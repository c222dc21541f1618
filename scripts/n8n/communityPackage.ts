import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PackReport } from '../e2e/packContents';
import { paths, repoRoot } from './paths';
import { run } from './run';

/** Where n8n 2.x keeps community packages: `<N8N_USER_FOLDER>/.n8n/nodes`, packages in its node_modules. */
export function nodesFolder(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

export function installedPackageDir(userFolder: string, packageName: string): string {
	return path.join(nodesFolder(userFolder), 'node_modules', packageName);
}

/** `npm pack` of the built package into `destination`: npm's report (files, sizes) and the tarball's path. */
export async function packPackage(
	destination: string,
): Promise<{ report: PackReport; tarball: string }> {
	fs.mkdirSync(destination, { recursive: true });
	const result = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: repoRoot,
		env: npmEnv(),
	});
	const [report] = JSON.parse(result.stdout) as PackReport[];
	return { report, tarball: path.join(destination, report.filename) };
}

/**
 * Installs a tarball as n8n 2.x's Settings > Community Nodes does (CommunityPackagesService.downloadPackage):
 * unpacked into `<nodes>/node_modules/<name>`, its package.json without dev, peer and optional dependencies,
 * `npm install` of its dependencies inside it with n8n's flags, and name and version recorded in
 * `<nodes>/package.json`, n8n's ledger of installed packages. Only the source differs: a local tarball, as
 * this package is not on the registry n8n downloads from.
 */
export async function installLikeCommunityNodes(
	tarball: string,
	userFolder: string,
): Promise<{ name: string; version: string }> {
	const staging = path.join(nodesFolder(userFolder), 'node_modules', '.unpacking');
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const manifestPath = path.join(staging, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
		name: string;
		version: string;
		[key: string]: unknown;
	};
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete manifest[key];
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	const target = installedPackageDir(userFolder, manifest.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(staging, target);
	const flags = [
		'--audit=false',
		'--fund=false',
		'--bin-links=false',
		'--install-strategy=shallow',
		'--ignore-scripts=true',
		'--package-lock=false',
	];
	await run('npm', ['install', ...flags], { cwd: target, env: npmEnv(), timeoutMs: 300_000 });
	recordInLedger(userFolder, manifest.name, manifest.version);
	return { name: manifest.name, version: manifest.version };
}

/**
 * The README's manual installation, `cd ~/.n8n/nodes && npm install <package>`, with the tarball as <package>.
 * The folder lies inside this repository: an empty node_modules makes npm treat it as the project, as it does
 * with ~/.n8n/nodes on a user's machine (otherwise npm would climb to this repository's package.json).
 */
export async function installWithNpm(tarball: string, userFolder: string): Promise<void> {
	const folder = nodesFolder(userFolder);
	fs.mkdirSync(path.join(folder, 'node_modules'), { recursive: true });
	await run('npm', ['install', tarball], { cwd: folder, env: npmEnv(), timeoutMs: 300_000 });
}

/** Every installed copy of the named packages in a folder's node_modules, nested ones too. */
export function installedCopies(folder: string, names: string[]): string[] {
	if (!fs.existsSync(folder)) return [];
	const endings = names.map((name) => path.join('node_modules', name));
	return (fs.readdirSync(folder, { recursive: true }) as string[])
		.filter((entry) =>
			endings.some((ending) => entry === ending || entry.endsWith(`${path.sep}${ending}`)),
		)
		.map((entry) => path.join(folder, entry));
}

/**
 * n8n puts its own node_modules on NODE_PATH, so a package that does not bring n8n-workflow gets n8n's copy.
 * The user folders here lie inside this repository, whose own node_modules (a dev copy) Node would find first
 * when climbing from the package; this link, above the user folder and outside `.n8n`, gives n8n's copy instead.
 */
export function linkN8nWorkflowAbove(userFolder: string): void {
	const modules = path.join(path.dirname(userFolder), 'node_modules');
	const link = path.join(modules, 'n8n-workflow');
	fs.mkdirSync(modules, { recursive: true });
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(path.join(paths.n8nInstallDir, 'node_modules', 'n8n-workflow'), link, 'dir');
}

function recordInLedger(userFolder: string, name: string, version: string): void {
	const ledger = path.join(nodesFolder(userFolder), 'package.json');
	const current: { dependencies?: Record<string, string> } = fs.existsSync(ledger)
		? JSON.parse(fs.readFileSync(ledger, 'utf8'))
		: { name: 'installed-nodes', private: true };
	fs.writeFileSync(
		ledger,
		JSON.stringify(
			{ ...current, dependencies: { ...current.dependencies, [name]: version } },
			null,
			2,
		),
	);
}

/** npm run passes its settings (prefix, package) as npm_* variables: a child npm must not install into this repository. */
export function withoutNpmRunSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'),
	);
}

function npmEnv(): NodeJS.ProcessEnv {
	return withoutNpmRunSettings(process.env);
}
