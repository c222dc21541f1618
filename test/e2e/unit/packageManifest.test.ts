import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../../scripts/n8n/paths';

interface Manifest {
	engines?: { node?: string };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** The lowest Node.js version a `>=X[.Y[.Z]]` engines range admits, as [X, Y, Z]; other forms are not used here. */
function lowestVersion(range: string): number[] {
	const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
	if (!match) throw new Error(`engines range "${range}" is not of the form >=X.Y.Z`);
	return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

const atLeast = (a: number[], b: number[]) =>
	a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2];

const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const pkg = readManifest(path.join(repoRoot, 'package.json'));

describe('package.json as npm and n8n read it', () => {
	it('claims no Node.js version a runtime dependency refuses (npm would warn on install)', () => {
		const ours = pkg.engines?.node;
		expect(ours).toBeDefined();
		for (const name of Object.keys(pkg.dependencies ?? {})) {
			const theirs = readManifest(path.join(repoRoot, 'node_modules', name, 'package.json')).engines
				?.node;
			if (!theirs) continue;
			expect({
				name,
				ours,
				theirs,
				covered: atLeast(lowestVersion(ours!), lowestVersion(theirs)),
			}).toEqual({ name, ours, theirs, covered: true });
		}
		expect(lowestVersion(ours!)[0]).toBeGreaterThanOrEqual(22);
	});

	it('keeps every peer optional, so `npm install <package>` in ~/.n8n/nodes does not pull n8n-workflow (n8n provides its own)', () => {
		for (const name of Object.keys(pkg.peerDependencies ?? {})) {
			expect({ name, optional: pkg.peerDependenciesMeta?.[name]?.optional }).toEqual({
				name,
				optional: true,
			});
		}
	});
});
