/** Figures of a reliability run, written to .local/reliability/<name>.json and printed, for docs/reliability.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function reportFigures(name: string, figures: Record<string, unknown>): void {
	const folder = join(__dirname, '..', '..', '..', '.local', 'reliability');
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		join(folder, `${name}.json`),
		JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2),
	);
	// eslint-disable-next-line no-console
	console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
}
