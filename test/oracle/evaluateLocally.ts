/**
 * The translator's answers for a batch, run as its own process so a pattern that backtracks without end in
 * JavaScript can be stopped. Same line format as the Mono oracle, plus "W" TAB base64(warnings) when the
 * translator only approximates the pattern and "U" TAB base64(error) when JavaScript threw while matching. Each
 * answer is written at once (stdout to a pipe is synchronous on Linux), so a stopped run shows how far it got.
 */
import { readFileSync } from 'node:fs';
import {
	compileDotnetRegex,
	RUNTIME_REGEX_TARGET,
	type DotnetRegexResult,
} from '../../nodes/shared/acs/sip/dotnetRegex';
import { MODIFIERS_VARIABLE } from './askTranslator';
import { answerLocally, type OurAnswer } from './differential';
import { decodeField, encodeField } from './lineFormat';

function lineFor(answer: OurAnswer): string {
	if (!answer.valid) return `E\t${encodeField(answer.error)}`;
	if ('notEvaluated' in answer) return `W\t${encodeField(answer.notEvaluated)}`;
	if ('unfinished' in answer) return `U\t${encodeField(answer.unfinished)}`;
	return 'isMatch' in answer && answer.isMatch ? 'M' : 'N';
}

const target =
	process.env[MODIFIERS_VARIABLE] === 'off' ? { modifiers: false } : RUNTIME_REGEX_TARGET;
const compiled = new Map<string, DotnetRegexResult>();
for (const line of readFileSync(0, 'utf8').split('\n')) {
	if (line === '') continue;
	const [pattern, input] = line.split('\t').map(decodeField);
	let translation = compiled.get(pattern);
	if (!translation) {
		translation = compileDotnetRegex(pattern, {}, target);
		compiled.set(pattern, translation);
	}
	process.stdout.write(`${lineFor(answerLocally(translation, input))}\n`);
}
