import * as fs from 'node:fs';
import * as path from 'node:path';

/** Copies the screenshots (`*.png`, not those of failed steps) from `from` into `to`; returns the file names. */
export function copyScreenshots(from: string, to: string): string[] {
	const files = fs
		.readdirSync(from)
		.filter((name) => name.endsWith('.png') && !name.startsWith('failed-'));
	if (files.length === 0) throw new Error(`no screenshots in ${from}`);
	fs.mkdirSync(to, { recursive: true });
	for (const file of files) fs.copyFileSync(path.join(from, file), path.join(to, file));
	return files;
}
