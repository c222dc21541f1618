/**
 * npm run bench -- [--quick] [--json FILE] [--only 1,2,...] [--repeats N]
 * Runs every benchmark scenario for our node (through the real n8n engine) and the official SDK against one
 * emulator (a child process), prints a table and optionally writes the figures as JSON. Method: docs/benchmarks.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';

import { parseBenchArgs } from './lib/args';
import { startBenchEmulator } from './lib/emulator';
import type { Figure } from './lib/result';
import type { Scenario } from './lib/scenario';
import { formatTable } from './lib/table';
import { coldLoad } from './scenarios/coldLoad';
import { emulatorThroughput } from './scenarios/emulatorThroughput';
import { listAll } from './scenarios/listAll';
import { lroLag } from './scenarios/lroLag';
import { releaseMany } from './scenarios/releaseMany';
import { singleGets } from './scenarios/singleGets';
import { triggerPoll } from './scenarios/triggerPoll';

const SCENARIOS: Scenario[] = [
	lroLag,
	releaseMany,
	listAll,
	coldLoad,
	singleGets,
	emulatorThroughput,
	triggerPoll,
];

async function main(): Promise<void> {
	const args = parseBenchArgs(process.argv.slice(2));
	const log = (message: string) => console.log(message);
	const emu = await startBenchEmulator();
	const figures: Figure[] = [];
	const failures: Array<{ scenario: string; error: string }> = [];
	const startedAt = new Date().toISOString();
	try {
		for (const scenario of SCENARIOS) {
			if (args.only && !args.only.has(scenario.id)) continue;
			log(`[${scenario.id}] ${scenario.title}`);
			const start = performance.now();
			try {
				figures.push(
					...(await scenario.run({ emu, quick: args.quick, repeats: args.repeats, log })),
				);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				failures.push({ scenario: scenario.id, error: message });
				log(`  FAILED: ${message}`);
			}
			log(`  (${((performance.now() - start) / 1000).toFixed(1)} s)`);
		}
	} finally {
		await emu.stop();
	}
	console.log(`\n${formatTable(figures)}`);
	for (const figure of figures.filter((f) => f.note))
		console.log(`  ${figure.scenario} ${figure.metric}: ${figure.note}`);
	if (args.jsonPath) {
		const machine = {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			node: process.version,
			platform: process.platform,
		};
		writeFileSync(
			args.jsonPath,
			`${JSON.stringify({ startedAt, quick: args.quick, machine, figures, failures }, null, 2)}\n`,
		);
		console.log(`\nFigures written to ${args.jsonPath}`);
	}
	if (failures.length > 0) {
		console.error(
			`\n${failures.length} scenario(s) failed: ${failures.map((f) => f.scenario).join(', ')}`,
		);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
