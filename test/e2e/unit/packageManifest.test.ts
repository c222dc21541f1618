import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { minVersion, subset } from 'semver';
import { repoRoot } from '../../../scripts/n8n/paths';

interface Manifest {
	engines?: { node?: string };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const pkg = readManifest(path.join(repoRoot, 'package.json'));

describe('package.json as npm and n8n read it', () => {
	it('claims no Node.js version a runtime dependency refuses (npm would warn on install)', () => {
		const ours = pkg.engines?.node;
		expect(ours).toBeDefined();
		for (const name of Object.keys(pkg.dependencies ?? {})) {
			const theirs = readManifest(path.join(repoRoot, 'node_modules', name, 'package.json')).engines?.node;
			if (!theirs) continue;
			expect({ name, ours, covered: subset(ours!, theirs) }).toEqual({ name, ours, covered: true });
		}
		expect(minVersion(ours!)?.major).toBeGreaterThanOrEqual(22);
	});

	it('keeps every peer optional, so `npm install <package>` in ~/.n8n/nodes does not pull n8n-workflow (n8n provides its own)', () => {
		for (const name of Object.keys(pkg.peerDependencies ?? {})) {
			expect({ name, optional: pkg.peerDependenciesMeta?.[name]?.optional }).toEqual({ name, optional: true });
		}
	});
});
