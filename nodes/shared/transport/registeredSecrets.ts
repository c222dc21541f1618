/** Removes every fragment of a registered secret value from text, wherever it stands. */
import {
	PROBE_WINDOW,
	SECRET_WINDOW,
	hasRegisteredSecrets,
	isSecretFragment,
	isSecretProbe,
} from '../acs/secretRegistry';

/** Runs of the characters a key, signature, client secret or token is made of, long enough to hold a fragment. */
const SECRET_CHARACTER_RUN = /[A-Za-z0-9+/=_.~-]{16,}/g;
const REDACTED = '[redacted]';

function mayHoldFragment(text: string): boolean {
	for (let start = 0; start + PROBE_WINDOW <= text.length; start += PROBE_WINDOW) {
		if (isSecretProbe(text.slice(start, start + PROBE_WINDOW))) return true;
	}
	return false;
}

function redactRun(run: string): string {
	let result = '';
	let kept = 0;
	let coveredUntil = -1;
	for (let start = 0; start + SECRET_WINDOW <= run.length; start++) {
		if (!isSecretFragment(run.slice(start, start + SECRET_WINDOW))) continue;
		if (start > coveredUntil) {
			result += run.slice(kept, start) + REDACTED;
		}
		coveredUntil = start + SECRET_WINDOW;
		kept = coveredUntil;
	}
	return kept === 0 ? run : result + run.slice(kept);
}

export function redactRegistered(text: string): string {
	if (!hasRegisteredSecrets() || !mayHoldFragment(text)) return text;
	return text.replace(SECRET_CHARACTER_RUN, redactRun);
}
