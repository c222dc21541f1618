import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../n8n/paths';
import { run } from '../n8n/run';
import type { Report } from './report';

interface JestJson {
	testResults: Array<{
		assertionResults: Array<{
			fullName: string;
			status: string;
			duration?: number;
			failureMessages: string[];
		}>;
	}>;
}

/** Runs the scripts' unit tests (jest.e2e.config.js) and adds each test to the report. */
export async function runUnitTests(report: Report): Promise<void> {
	const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-unit-')), 'results.json');
	const result = await run(
		'npx',
		['jest', '-c', 'jest.e2e.config.js', '--json', `--outputFile=${output}`],
		{
			cwd: repoRoot,
			check: false,
		},
	);
	if (!fs.existsSync(output)) {
		report.add({
			name: 'unit tests of the e2e scripts',
			ok: false,
			ms: 0,
			detail: result.stderr.slice(-2000),
		});
		return;
	}
	const parsed = JSON.parse(fs.readFileSync(output, 'utf8')) as JestJson;
	fs.rmSync(path.dirname(output), { recursive: true, force: true });
	for (const test of parsed.testResults.flatMap((file) => file.assertionResults)) {
		report.add({
			name: `unit: ${test.fullName}`,
			ok: test.status === 'passed',
			ms: test.duration ?? 0,
			detail: test.status === 'passed' ? undefined : test.failureMessages.join('\n').slice(0, 2000),
		});
	}
}
