import * as fs from 'node:fs';
import * as path from 'node:path';
import { paths, repoRoot } from './paths';
import { installedPackageDir, linkN8nWorkflowAbove } from './communityPackage';
import { run } from './run';

export interface BuildOutcome {
	ok: boolean;
	/** The tail of the build's output when it failed. */
	detail?: string;
}

/**
 * `npm run build` (n8n-node build -> dist/). A failure is reported, not thrown: tsc still emits JavaScript
 * for files with type errors, so n8n can start with what was emitted; the static files (icons) that
 * n8n-node build copies after a successful compile are then copied here.
 */
export async function buildPackage(): Promise<BuildOutcome> {
	const result = await run('npm', ['run', '--silent', 'build'], { cwd: repoRoot, check: false });
	if (result.code === 0) return { ok: true };
	copyStaticFiles();
	return { ok: false, detail: summarizeBuildOutput(`${result.stdout}\n${result.stderr}`) };
}

/** The TypeScript errors of n8n-node build's output, without its spinner and colours. */
export function summarizeBuildOutput(output: string): string {
	const plain = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
	const errors = plain
		.split(/\r?\n|,(?=\w[\w/.-]*\(\d+,\d+\))/)
		.map((line) => line.replace(/^[\s│■◇└┌]+/, '').trim())
		.filter((line) => /error TS\d+/.test(line));
	return (errors.length > 0 ? errors : plain.trim().split('\n').slice(-5))
		.slice(0, 12)
		.map((line) => `  ${line}`)
		.join('\n');
}

function copyStaticFiles(): void {
	for (const folder of ['icons', 'nodes', 'credentials']) {
		const source = path.join(repoRoot, folder);
		if (!fs.existsSync(source)) continue;
		for (const file of fs.readdirSync(source, { recursive: true }) as string[]) {
			if (!/\.(svg|png)$/.test(file)) continue;
			const target = path.join(paths.distDir, folder, file);
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.copyFileSync(path.join(source, file), target);
		}
	}
}

export function packageName(): string {
	return (JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as { name: string }).name;
}

/** The node and credential files the package.json's `n8n` section promises, with those missing from dist/. */
export function missingBuildOutputs(): string[] {
	const pkg = JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(repoRoot, file)),
	);
}

/**
 * `npm start`'s copy of the build where n8n 2.x finds community packages, `<userFolder>/.n8n/nodes/node_modules/<pkg>`
 * (package.json and dist/ only, no npm install: @azure/identity resolves from this repository's node_modules), so
 * the nodes carry the package's type names, as in a user's install. Returns the package folder.
 */
export function installDevCopy(userFolder: string): string {
	const target = installedPackageDir(userFolder, packageName());
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(paths.packageJson, path.join(target, 'package.json'));
	if (fs.existsSync(paths.distDir))
		fs.cpSync(paths.distDir, path.join(target, 'dist'), { recursive: true });
	linkN8nWorkflowAbove(userFolder);
	return target;
}
