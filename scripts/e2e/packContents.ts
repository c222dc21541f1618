/**
 * What the published tarball may hold: the files n8n loads (the nodes and credentials package.json lists under
 * "n8n", each node's codex `.node.json`, the icons they name), plus package.json, README.md and LICENSE.md.
 * Pure: the caller passes `npm pack --json` output and the icon files it resolved from the built classes.
 */
export const UNPACKED_LIMIT_BYTES = 600 * 1024;
const ALWAYS_SHIPPED = ['package.json', 'README.md', 'LICENSE.md'];

export interface PackManifest {
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** One entry of `npm pack --json` (an array with one such object per package). */
export interface PackReport {
	filename: string;
	size: number;
	unpackedSize: number;
	files: Array<{ path: string; size: number }>;
}

export function loadedByN8n(pkg: PackManifest, iconFiles: string[]): string[] {
	const nodes = pkg.n8n?.nodes ?? [];
	const credentials = pkg.n8n?.credentials ?? [];
	const codex = nodes.map((file) => file.replace(/\.js$/, '.json'));
	return [...new Set([...nodes, ...codex, ...credentials, ...iconFiles])].sort();
}

/** What is wrong with the packed file list; empty when it ships exactly what it should. */
export function packProblems(report: PackReport, pkg: PackManifest, iconFiles: string[]): string[] {
	const required = [...ALWAYS_SHIPPED, ...loadedByN8n(pkg, iconFiles)];
	const packed = new Set(report.files.map((file) => file.path));
	const extra = [...packed].filter((file) => !required.includes(file)).sort();
	const missing = required.filter((file) => !packed.has(file));
	const problems: string[] = [];
	if (extra.length > 0)
		problems.push(
			`${extra.length} files n8n does not load: ${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ', ...' : ''}`,
		);
	if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
	if (report.unpackedSize > UNPACKED_LIMIT_BYTES) {
		problems.push(
			`unpacked size ${kilobytes(report.unpackedSize)} is over the ${kilobytes(UNPACKED_LIMIT_BYTES)} limit`,
		);
	}
	return problems;
}

export function kilobytes(bytes: number): string {
	return `${(bytes / 1024).toFixed(0)} KB`;
}
