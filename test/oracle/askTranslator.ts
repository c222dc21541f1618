/**
 * Runs the translator over a batch in a child process (evaluateLocally.ts). When a run is stopped (a pattern
 * backtracking without end in JavaScript), the case it stopped at is retried alone with its own time limit: if it
 * still does not finish it is a local timeout, and the batch resumes after it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsRegexTarget } from '../../nodes/shared/acs/sip/dotnetRegex';
import type { Case, OurAnswer } from './differential';
import { decodeField, encodeCases } from './lineFormat';

const SCRIPT = join(__dirname, 'evaluateLocally.ts');
const BATCH_LIMIT_MS = 30_000;
const CASE_LIMIT_MS = 5_000;

/** Read by evaluateLocally.ts: "off" writes the JavaScript without regexp modifiers, as on Node.js 22. */
export const MODIFIERS_VARIABLE = 'TRANSLATOR_REGEXP_MODIFIERS';

function run(
	cases: readonly Case[],
	limitMs: number,
	target: JsRegexTarget | undefined,
): { answers: OurAnswer[]; stopped: boolean } {
	const env =
		target?.modifiers === false ? { ...process.env, [MODIFIERS_VARIABLE]: 'off' } : process.env;
	const child = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], {
		env,
		input: encodeCases(cases),
		encoding: 'utf8',
		timeout: limitMs,
		maxBuffer: 256 * 1024 * 1024,
	});
	if (child.error && (child.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw child.error;
	const stopped = child.signal !== null;
	if (!stopped && child.status !== 0)
		throw new Error(`the local evaluation failed (${child.status}): ${child.stderr}`);
	const answers = child.stdout
		.split('\n')
		.filter((line) => line !== '')
		.map((line): OurAnswer => {
			if (line === 'M' || line === 'N') return { valid: true, isMatch: line === 'M' };
			if (line.startsWith('W\t')) return { valid: true, notEvaluated: decodeField(line.slice(2)) };
			if (line.startsWith('U\t')) return { valid: true, unfinished: decodeField(line.slice(2)) };
			return { valid: false, error: decodeField(line.slice(2)) };
		});
	return { answers, stopped };
}

/** The translator's answers, written for `target` (by default, as this runtime allows). */
export function askTranslator(cases: readonly Case[], target?: JsRegexTarget): OurAnswer[] {
	const answers: OurAnswer[] = [];
	while (answers.length < cases.length) {
		const batch = run(cases.slice(answers.length), BATCH_LIMIT_MS, target);
		answers.push(...batch.answers);
		if (!batch.stopped) break;
		const alone = run([cases[answers.length]], CASE_LIMIT_MS, target);
		answers.push(
			alone.answers[0] ?? { valid: true, unfinished: `not done within ${CASE_LIMIT_MS} ms` },
		);
	}
	return answers;
}
