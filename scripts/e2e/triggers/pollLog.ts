/**
 * When n8n polls, read from the emulator's request log: a poll of a trigger shows as its list call (a GET on the
 * trigger's path, signed the way its credential signs). No fixed sleeps: the waits end when the log shows the poll,
 * bounded generously because n8n polls at its own minute granularity.
 */
import type { RunningEmulator } from '../../../emulator';
import type { RequestLogEntry } from '../../../emulator/core/requestLog';

/** A poll comes at most a minute after the previous one; the bound leaves room for a loaded machine. */
export const POLL_BOUND_MS = 150_000;
/** A poll's reads follow one another without pause: this long without a request of the trigger, it is over. */
const POLL_QUIET_MS = 1_500;
const CHECK_EVERY_MS = 250;

export interface PollSignature {
	/** The list call every poll of the trigger starts with. */
	path: RegExp;
	auth: RequestLogEntry['auth'];
}

export function isPollRequest(entry: RequestLogEntry, signature: PollSignature): boolean {
	return (
		entry.method === 'GET' &&
		entry.auth === signature.auth &&
		!entry.late &&
		signature.path.test(entry.path)
	);
}

/** A poll's list call that got an injected fault: faults strike before auth, so the log shows no auth for it. */
export function isFaultedPoll(entry: RequestLogEntry, signature: PollSignature): boolean {
	return entry.method === 'GET' && entry.fault !== undefined && signature.path.test(entry.path);
}

export async function lastSeq(emulator: RunningEmulator): Promise<number> {
	return Math.max(0, ...(await emulator.control.requestLog()).map((entry) => entry.seq));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `found` returns something for the log, at most `boundMs`; `what` names it in the error. */
export async function waitForLog<T>(
	emulator: RunningEmulator,
	what: string,
	found: (log: RequestLogEntry[]) => T | undefined,
	boundMs = POLL_BOUND_MS,
): Promise<T> {
	const deadline = Date.now() + boundMs;
	for (;;) {
		const result = found(await emulator.control.requestLog());
		if (result !== undefined) return result;
		if (Date.now() > deadline) throw new Error(`${what}: not seen within ${boundMs / 1000} s`);
		await pause(CHECK_EVERY_MS);
	}
}

/**
 * The next poll after `afterSeq`: waits for its list call, then until its reads are over (no request with the
 * trigger's signature for a moment). Returns the poll's requests.
 */
export async function nextPoll(
	emulator: RunningEmulator,
	signature: PollSignature,
	afterSeq: number,
	what: string,
): Promise<RequestLogEntry[]> {
	const first = await waitForLog(emulator, what, (log) =>
		log.find((entry) => entry.seq > afterSeq && isPollRequest(entry, signature)),
	);
	let seen = -1;
	let quietSince = Date.now();
	for (;;) {
		const ours = (await emulator.control.requestLog()).filter(
			(entry) => entry.seq >= first.seq && entry.auth === signature.auth,
		);
		if (ours.length !== seen) {
			seen = ours.length;
			quietSince = Date.now();
		} else if (Date.now() - quietSince >= POLL_QUIET_MS) return ours;
		await pause(CHECK_EVERY_MS);
	}
}
