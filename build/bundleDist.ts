/**
 * Post-build step (after `n8n-node build`, which type-checks, compiles and copies the icons): writes each node and
 * credential file that package.json lists under "n8n" as one self-contained CommonJS bundle, in place, so that
 * n8n loads one file per node/credential instead of ~70 (docs/benchmarks.md, scenario 4). Each bundle is built
 * from the TypeScript source of that file (`dist/x/y.js` from `x/y.ts`), unminified and without a source map:
 * a stack trace a user reports names our functions and points at code that reads like the source. The codex
 * `<Node>.node.json` and the icons stay where n8n-node build put them. Packages stay external: n8n-workflow
 * (n8n's own copy) and @azure/identity (required lazily, on first use of the Entra credential).
 * A trigger whose action node is in the package (`<X>Trigger` next to `<X>`) ships inside the action node's
 * bundle, and its own file only re-exports its class from there: the two share the transport and domain code,
 * which would otherwise be carried twice.
 *   npx tsx build/bundleDist.ts [--check]   (--check: bundle, then require each file and fail if it breaks)
 */
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** `<X>Trigger.node.js` -> `<X>.node.js` when the package has that action node: the bundle it ships in. */
export function hostOf(file: string, files: string[]): string | undefined {
	const match = /^dist\/nodes\/(\w+)Trigger\/\1Trigger\.node\.js$/.exec(file);
	const host = match && `dist/nodes/${match[1]}/${match[1]}.node.js`;
	return host && files.includes(host) ? host : undefined;
}

/** The class a node or credential file must export, named as the file is. */
export function classNameOf(file: string): string {
	return path.basename(file).replace(/\.(node|credentials)\.js$/, '');
}

async function bundleOne(file: string, guests: string[], external: string[]): Promise<number> {
	const sources = [file, ...guests].map((entry) => path.join(ROOT, sourceOf(entry)));
	const missing = sources.find((source) => !existsSync(source));
	if (missing)
		throw new Error(`${file}: its source ${path.relative(ROOT, missing)} does not exist`);
	const result = await build({
		stdin: {
			contents: sources.map((source) => `export * from ${JSON.stringify(source)};`).join('\n'),
			resolveDir: ROOT,
			loader: 'ts',
		},
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
	return Object.keys(result.metafile.inputs).length - 1;
}

function writeGuest(file: string, host: string): void {
	const className = classNameOf(file);
	const relative = path.relative(path.dirname(file), host).split(path.sep).join('/');
	writeFileSync(
		path.join(ROOT, file),
		`'use strict';\n// Bundled with its action node: ${path.basename(host)}\nconst { ${className} } = require('${relative.startsWith('.') ? relative : `./${relative}`}');\nmodule.exports = { ${className} };\n`,
	);
}

function check(files: string[]): void {
	for (const file of files) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(ROOT, file)) as Record<string, unknown>;
		const nodeClass = exported[classNameOf(file)];
		if (typeof nodeClass !== 'function')
			throw new Error(`${file}: does not export class ${classNameOf(file)}`);
		new (nodeClass as new () => object)();
	}
}

async function main(): Promise<void> {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
	const files = entryFiles(pkg);
	if (files.length === 0) throw new Error('package.json lists no n8n nodes or credentials');
	const external = externalPackages(pkg);
	for (const file of files.filter((entry) => !hostOf(entry, files))) {
		const guests = files.filter((entry) => hostOf(entry, files) === file);
		const inputs = await bundleOne(file, guests, external);
		console.log(`bundled ${[file, ...guests].join(' + ')} (${inputs} modules)`);
	}
	for (const file of files) {
		const host = hostOf(file, files);
		if (host) writeGuest(file, host);
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
