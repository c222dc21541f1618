import * as path from 'node:path';

/** Every folder the real-n8n scripts use. All of them live under the git-ignored `.local/`. */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const localDir = path.join(repoRoot, '.local');

export const DEFAULT_N8N_VERSION = '2.40.7';

/** `--n8n-version <x.y.z>` (or `--n8n-version=x.y.z`) on the command line, else the default. */
export function n8nVersionFromArgs(args: readonly string[]): string {
	const index = args.findIndex(
		(arg) => arg === '--n8n-version' || arg.startsWith('--n8n-version='),
	);
	if (index === -1) return DEFAULT_N8N_VERSION;
	const value = args[index].includes('=')
		? args[index].slice(args[index].indexOf('=') + 1)
		: args[index + 1];
	if (!/^\d+\.\d+\.\d+$/.test(value ?? ''))
		throw new Error(`--n8n-version needs a version like 2.33.2, got "${value ?? ''}"`);
	return value;
}

/** The default version lives in `.local/n8n`; any other in its own `.local/n8n-<version>`. */
export function n8nInstallDirFor(version: string): string {
	return path.join(localDir, version === DEFAULT_N8N_VERSION ? 'n8n' : `n8n-${version}`);
}

export const N8N_VERSION = n8nVersionFromArgs(process.argv);
const n8nInstallDir = n8nInstallDirFor(N8N_VERSION);

export const paths = {
	n8nInstallDir,
	n8nBin: path.join(n8nInstallDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	n8nInstallMarker: path.join(n8nInstallDir, 'install-complete.json'),
	nodeHeadersDir: path.join(localDir, 'node-headers'),
	tlsCa: path.join(localDir, 'tls', 'ca.pem'),
	distDir: path.join(repoRoot, 'dist'),
	packageJson: path.join(repoRoot, 'package.json'),
	demoWorkflowsDir: path.join(repoRoot, 'demo', 'workflows'),
	e2eWorkflowsDir: path.join(repoRoot, 'test', 'e2e', 'workflows'),
	/** The README's screenshots (tracked): `npm run e2e -- --update-screenshots` copies into it. */
	screenshotsDir: path.join(repoRoot, 'docs', 'screenshots'),
	/** Where `npm run e2e` saves its screenshots (git-ignored). */
	e2eScreenshotsDir: path.join(localDir, 'e2e', 'screenshots'),
};
