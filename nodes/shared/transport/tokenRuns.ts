/**
 * JWTs (eyJ… header, payload, signature) inside runs of token characters, found in linear time: a run is split on
 * its dots once, instead of trying a pattern at every `eyJ` (quadratic on `eyJ` repeated).
 */
const DOTTED_RUN = /[A-Za-z0-9_.-]{13,}/g;
const JWT_HEADER_START = /eyj/i;
const REDACTED_TOKEN = '[redacted token]';

function redactTokensInRun(run: string): string {
	if (!JWT_HEADER_START.test(run)) return run;
	const parts = run.split('.');
	const kept: string[] = [];
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index];
		const start = part.search(JWT_HEADER_START);
		const isToken =
			start >= 0 &&
			part.length - start >= 7 &&
			parts[index + 1]?.length >= 4 &&
			parts[index + 2] !== undefined;
		if (!isToken) {
			kept.push(part);
			continue;
		}
		kept.push(part.slice(0, start) + REDACTED_TOKEN);
		index += 2;
	}
	return kept.join('.');
}

export function redactTokens(text: string): string {
	return text.replace(DOTTED_RUN, redactTokensInRun);
}
