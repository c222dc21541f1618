/** Loads a class exported by one of our TypeScript source files, on first use (jest transpiles it). */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface SourceRef {
	/** path from the repository root, without extension */
	file: string;
	className: string;
}

export function instantiateFromSource<T>(ref: SourceRef, what: string): T {
	const absolute = path.join(REPO_ROOT, ref.file);
	if (!existsSync(`${absolute}.ts`)) {
		throw new Error(`${what} is not available yet: ${ref.file}.ts does not exist`);
	}
	// The extension is explicit: without it, Node (tsx) resolves `<Node>.node` to the codex `<Node>.node.json`.
	const exported = (require(`${absolute}.ts`) as Record<string, unknown>)[ref.className];
	if (typeof exported !== 'function') {
		throw new Error(`${what}: ${ref.file}.ts does not export class ${ref.className}`);
	}
	return new (exported as new () => T)();
}
