/**
 * `npm run test:mutation`: breaks each safety function once and checks that at least one test notices.
 *
 * Each mutation replaces one exact piece of source (it must occur exactly once, so a mutation that no longer
 * applies is reported, not silently skipped), runs the tests that guard it, and restores the file, also on Ctrl-C.
 * A mutation "survives" when those tests still pass: that is a hole in the suite. Results are printed as a table and
 * written to `.local/mutation/results.json`.
 *
 * Usage: npm run test:mutation [-- --only <name>[,<name>...]] [-- --list]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MUTATIONS, type Mutation } from './mutation/mutations';

const root = resolve(__dirname, '..');
const RUN_TIMEOUT_MS = 15 * 60 * 1000;

interface Result {
	name: string;
	guards: string;
	outcome: 'killed' | 'survived' | 'not applicable';
	failedTests: number;
	seconds: number;
	detail?: string;
}

function applyMutation(mutation: Mutation): () => void {
	const path = join(root, mutation.file);
	const original = readFileSync(path, 'utf8');
	const occurrences = original.split(mutation.find).length - 1;
	if (occurrences !== 1)
		throw new Error(`expected the text once in ${mutation.file}, found it ${occurrences} times`);
	writeFileSync(path, original.replace(mutation.find, mutation.replace));
	let restored = false;
	const restore = () => {
		if (restored) return;
		writeFileSync(path, original);
		restored = true;
		process.off('SIGINT', restoreAndExit);
	};
	const restoreAndExit = () => {
		restore();
		process.exit(130);
	};
	process.on('SIGINT', restoreAndExit);
	return restore;
}

function runGuardingTests(mutation: Mutation): { passed: boolean; failedTests: number } {
	const args = [
		'jest',
		'--silent',
		'--ci',
		'--forceExit',
		`--testTimeout=${mutation.testTimeoutMs ?? 120_000}`,
	];
	if (mutation.reliability) args.push('--config', 'jest.reliability.config.js');
	args.push(...mutation.tests);
	const run = spawnSync('npx', args, {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, NODE_EXTRA_CA_CERTS: join(root, '.local/tls/ca.pem') },
		maxBuffer: 256 * 1024 * 1024,
		// A mutation may leave a test waiting forever (a thread matching without a budget): that run did not pass.
		timeout: RUN_TIMEOUT_MS,
	});
	const text = `${run.stdout}\n${run.stderr}`;
	const failed = /Tests:\s+(?:.*?)(\d+) failed/.exec(text);
	return { passed: run.status === 0, failedTests: failed ? Number(failed[1]) : 0 };
}

function check(mutation: Mutation): Result {
	const started = Date.now();
	const base = { name: mutation.name, guards: mutation.guards };
	let restore: () => void;
	try {
		restore = applyMutation(mutation);
	} catch (error) {
		return {
			...base,
			outcome: 'not applicable',
			failedTests: 0,
			seconds: 0,
			detail: (error as Error).message,
		};
	}
	try {
		const { passed, failedTests } = runGuardingTests(mutation);
		const seconds = Math.round((Date.now() - started) / 1000);
		return { ...base, outcome: passed ? 'survived' : 'killed', failedTests, seconds };
	} finally {
		restore();
	}
}

function selected(): Mutation[] {
	const at = process.argv.indexOf('--only');
	if (at === -1) return MUTATIONS;
	const names = new Set((process.argv[at + 1] ?? '').split(','));
	const unknown = [...names].filter((name) => !MUTATIONS.some((m) => m.name === name));
	if (unknown.length) throw new Error(`unknown mutation(s): ${unknown.join(', ')}`);
	return MUTATIONS.filter((m) => names.has(m.name));
}

function main(): void {
	if (process.argv.includes('--list')) {
		for (const m of MUTATIONS) console.log(`${m.name}\t${m.guards}`);
		return;
	}
	const results: Result[] = [];
	for (const mutation of selected()) {
		console.error(`mutation ${mutation.name}: ${mutation.guards} ...`);
		const result = check(mutation);
		console.error(
			`  ${result.outcome}${result.failedTests ? ` (${result.failedTests} tests failed)` : ''} in ${result.seconds} s`,
		);
		results.push(result);
	}
	mkdirSync(join(root, '.local/mutation'), { recursive: true });
	writeFileSync(join(root, '.local/mutation/results.json'), JSON.stringify(results, null, 2));
	console.log('| safety function | mutation | outcome | tests failed |');
	console.log('| --- | --- | --- | --- |');
	for (const r of results)
		console.log(
			`| ${r.guards} | \`${r.name}\` | ${r.outcome}${r.detail ? `: ${r.detail}` : ''} | ${r.failedTests} |`,
		);
	const holes = results.filter((r) => r.outcome !== 'killed');
	const killed = results.length - holes.length;
	console.log(`\n${killed} passed, ${holes.length} failed`);
	process.exitCode = holes.length ? 1 : 0;
}

main();
