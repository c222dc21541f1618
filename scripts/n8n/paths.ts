import * as path from 'node:path';

/** Every folder the real-n8n scripts use. All of them live under the git-ignored `.local/`. */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const localDir = path.join(repoRoot, '.local');

export const N8N_VERSION = '2.40.7';

export const paths = {
	n8nInstallDir: path.join(localDir, 'n8n'),
	n8nBin: path.join(localDir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	n8nInstallMarker: path.join(localDir, 'n8n', 'install-complete.json'),
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
