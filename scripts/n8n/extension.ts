import * as fs from 'node:fs';
import * as path from 'node:path';
import { paths, repoRoot } from './paths';
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
	return (errors.length > 0 ? errors : plain.trim().split('\n').slice(-5)).slice(0, 12).map((line) => `  ${line}`).join('\n');
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
	const pkg = JSON.parse(fs.readFileSync(paths.packageJson, 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((file) => !fs.existsSync(path.join(repoRoot, file)));
}

/**
 * Lays the package out as n8n's custom-extension loader wants it: `<root>/node_modules/<pkg>/{package.json,dist}`
 * (only these: the loader globs every `*.node.js` below the folder). `n8n-workflow` next to it is a link to n8n's
 * own copy, as a peer dependency would resolve in a real install, so errors our nodes throw are n8n's classes.
 * Returns the folder to put in N8N_CUSTOM_EXTENSIONS.
 */
export function installExtension(extensionsRoot: string): string {
	const modules = path.join(extensionsRoot, 'node_modules');
	const target = path.join(modules, packageName());
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(paths.packageJson, path.join(target, 'package.json'));
	if (fs.existsSync(paths.distDir)) fs.cpSync(paths.distDir, path.join(target, 'dist'), { recursive: true });
	linkPeer(modules, 'n8n-workflow');
	return target;
}

function linkPeer(modules: string, name: string): void {
	const link = path.join(modules, name);
	const hostCopy = path.join(paths.n8nInstallDir, 'node_modules', name);
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(hostCopy, link, 'dir');
}
