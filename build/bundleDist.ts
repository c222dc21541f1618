/**
 * Post-build step (after `n8n-node build`, which type-checks, compiles and copies the icons): writes each node and
 * credential file that package.json lists under "n8n" as one self-contained CommonJS bundle, in place, so that
 * n8n loads one file per node/credential instead of ~70 (docs/benchmarks.md, scenario 4). Each bundle is built
 * from the TypeScript source of that file (`dist/x/y.js` from `x/y.ts`), unminified and without a source map:
 * a stack trace a user reports names our functions and points at code that reads like the source. The codex
 * `<Node>.node.json` and the icons stay where n8n-node build put them. Packages stay external: n8n-workflow
 * (n8n's own copy) and @azure/identity (required lazily, on first use of the Entra credential).
 *   npx tsx build/bundleDist.ts [--check]   (--check: bundle, then require each file and fail if it breaks)
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const EXTERNAL = ['n8n-workflow', '@azure/identity'];

interface PackageJson {
	n8n?: { nodes?: string[]; credentials?: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
}

export function entryFiles(pkg: PackageJson): string[] {
	return [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
}

export function externalPackages(pkg: PackageJson): string[] {
	return [
		...new Set([
			...EXTERNAL,
			...Object.keys(pkg.dependencies ?? {}),
			...Object.keys(pkg.peerDependencies ?? {}),
		]),
	];
}

/** `dist/nodes/A/A.node.js` -> `nodes/A/A.node.ts`: the source each shipped file is bundled from. */
export function sourceOf(file: string): string {
	if (!/^dist\/.+\.js$/.test(file))
		throw new Error(`${file}: package.json "n8n" entries must be dist/**/*.js files`);
	return file.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

async function bundleOne(file: string, external: string[]): Promise<number> {
	const source = path.join(ROOT, sourceOf(file));
	if (!existsSync(source)) throw new Error(`${file}: its source ${sourceOf(file)} does not exist`);
	const result = await build({
		entryPoints: [source],
		outfile: path.join(ROOT, file),
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node22',
		external,
		sourcemap: false,
		legalComments: 'none',
		logLevel: 'warning',
		metafile: true,
	});
	return Object.keys(result.metafile.inputs).length;
}

function check(files: string[]): void {
	for (const file of files) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(ROOT, file)) as Record<string, unknown>;
		const classes = Object.values(exported).filter((value) => typeof value === 'function') as Array<
			new () => object
		>;
		if (classes.length !== 1)
			throw new Error(`${file}: expected one exported class, found ${classes.length}`);
		new classes[0]();
	}
}

async function main(): Promise<void> {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	const files = entryFiles(pkg);
	if (files.length === 0) throw new Error('package.json lists no n8n nodes or credentials');
	const external = externalPackages(pkg);
	for (const file of files) {
		const inputs = await bundleOne(file, external);
		console.log(`bundled ${file} (${inputs} modules)`);
	}
	if (process.argv.includes('--check')) {
		check(files);
		console.log(`checked: ${files.length} files load and instantiate`);
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
}
