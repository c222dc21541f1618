/**
 * Fault injection: matched by method + path regex, for the next N matching requests or a seeded ratio.
 * Two kinds model a service that acts after the client gave up: `processAfterMs` (the request is still processed,
 * that long after it arrived, although the client got the reset or error) and `forMs` (once a fault strikes a
 * method and path, it strikes every request to them for a while: an operation that becomes visible late, look-ups
 * that fail for a while).
 * A ratio fault decides each request from (its salt, method, path, n-th time this fault matched that method and
 * path), not from one shared random stream: the same requests get the same faults whatever order concurrent
 * requests arrive in. The salt is drawn from the seeded random when the fault is added, so the same seed and
 * the same plan (faults added in the same order) strike the same (method, path, n) again.
 */
export type FaultType = 'status' | 'html' | 'reset' | 'delay' | 'hold';

export interface FaultSpec {
	/** HTTP method to match (any when omitted). */
	method?: string;
	/** Regular expression (source) matched against the raw path, e.g. "^/phoneNumbers". */
	path: string;
	type: FaultType;
	/** For 'status' (default 503) and 'html' (default 502). */
	status?: number;
	/** For a 'status' fault with a redirect status (301, 302, 303, 307 or 308): the Location header, an absolute http(s) URL. */
	location?: string;
	/** Retry-After header: seconds, or an HTTP date that many seconds ahead when retryAfterAsDate is true. */
	retryAfter?: number;
	retryAfterAsDate?: boolean;
	/** ACS error body of a 'status' fault (defaults: ServiceUnavailable / "The service is temporarily unavailable."). */
	code?: string;
	message?: string;
	/** Delay before the fault (or, for 'delay', before normal handling), in milliseconds. */
	delayMs?: number;
	/** Apply to the next N matching requests, then the fault is removed. */
	count?: number;
	/** Probability in [0, 1] that a matching request is hit (seeded: decided per method, path and match number). */
	ratio?: number;
	/**
	 * For 'reset', 'status' and 'html': the service still processes the request, this many ms (virtual clock) after
	 * it arrived, although the client got the fault (0 = processed at once, its answer replaced by the fault).
	 */
	processAfterMs?: number;
	/**
	 * Once this fault strikes a method and path, it strikes every request to that method and path for this many ms
	 * (virtual clock), then never again. The ratio and count decide only the first request to each method and path;
	 * `count` caps how many of them it strikes (the fault then stays listed until removed).
	 */
	forMs?: number;
}

export interface Fault extends FaultSpec {
	id: string;
	/** Requests this fault was applied to. */
	hits: number;
}

/** A fault as applied to one request: `match` is the n-th (from 1) request with this method and path it matched. */
export interface TakenFault extends Fault {
	match: number;
}

interface FaultMatcher {
	pattern: RegExp;
	salt: number;
	/** How often this fault matched each 'METHOD path'. */
	matches: Map<string, number>;
	/** For a `forMs` fault: until when (virtual ms) it strikes each 'METHOD path' it struck. */
	windows: Map<string, number>;
}

export const LATE_FAULT_TYPES: readonly FaultType[] = ['reset', 'status', 'html'];
export const MAX_PROCESS_AFTER_MS = 600_000;
const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

export class FaultTable {
	private faults: Fault[] = [];
	/** Each fault's compiled path, salt and match counters, made when it is added. */
	private matchers = new WeakMap<Fault, FaultMatcher>();
	private nextId = 1;
	/** The requests a 'hold' fault keeps waiting, released when the fault is removed. */
	private heldRequests = new Map<string, Array<() => void>>();

	constructor(private readonly random: () => number) {}

	add(spec: FaultSpec): Fault {
		const problem = validateFaultSpec(spec);
		if (problem) throw new Error(problem);
		const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, hits: 0 };
		this.faults.push(fault);
		this.matchers.set(fault, {
			pattern: new RegExp(spec.path),
			salt: Math.floor(this.random() * 2 ** 32),
			matches: new Map(),
			windows: new Map(),
		});
		return fault;
	}

	list(): Fault[] {
		return this.faults.map((fault) => ({ ...fault }));
	}

	remove(id: string): boolean {
		const before = this.faults.length;
		this.faults = this.faults.filter((fault) => fault.id !== id);
		this.release(id);
		return this.faults.length !== before;
	}

	clear(): void {
		this.faults = [];
		for (const id of [...this.heldRequests.keys()]) this.release(id);
	}

	/** Resolves when the 'hold' fault `id` is removed (or the table cleared). */
	held(id: string): Promise<void> {
		if (!this.faults.some((fault) => fault.id === id)) return Promise.resolve();
		return new Promise((resolve) => {
			this.heldRequests.set(id, [...(this.heldRequests.get(id) ?? []), resolve]);
		});
	}

	private release(id: string): void {
		for (const resolve of this.heldRequests.get(id) ?? []) resolve();
		this.heldRequests.delete(id);
	}

	/**
	 * The fault to apply to this request, if any (consumes one of its `count`). Every matching fault counts the
	 * request, so each fault's choices depend only on the requests it matches; the first one that strikes applies.
	 * `nowMs` (virtual clock) times the `forMs` windows.
	 */
	take(method: string, rawPath: string, nowMs: number = Date.now()): TakenFault | undefined {
		if (this.faults.length === 0) return undefined;
		const verb = method.toUpperCase();
		const key = `${verb} ${rawPath}`;
		let taken: TakenFault | undefined;
		for (const fault of [...this.faults]) {
			if (fault.method && fault.method.toUpperCase() !== verb) continue;
			const matcher = this.matchers.get(fault)!;
			if (!matcher.pattern.test(rawPath)) continue;
			const match = (matcher.matches.get(key) ?? 0) + 1;
			matcher.matches.set(key, match);
			if (taken) continue;
			if (!this.strikes(fault, matcher, key, match, nowMs)) continue;
			fault.hits += 1;
			// A hold stays listed (its hits show what it holds) until removed, which releases it.
			const spent = fault.count !== undefined && fault.hits >= fault.count;
			if (fault.forMs === undefined && fault.type !== 'hold' && spent) this.remove(fault.id);
			taken = { ...fault, match };
		}
		return taken;
	}

	private strikes(
		fault: Fault,
		matcher: FaultMatcher,
		key: string,
		match: number,
		nowMs: number,
	): boolean {
		if (fault.type === 'hold' && fault.count !== undefined && fault.hits >= fault.count)
			return false;
		const chosen =
			fault.ratio === undefined || unitHash(matcher.salt, `${key} ${match}`) < fault.ratio;
		if (fault.forMs === undefined) return chosen;
		const windowEnd = matcher.windows.get(key);
		if (windowEnd !== undefined) return nowMs < windowEnd;
		if (match !== 1 || !chosen) return false;
		if (fault.count !== undefined && matcher.windows.size >= fault.count) return false;
		matcher.windows.set(key, nowMs + fault.forMs);
		return true;
	}
}

/** A number in [0, 1) from a salt and a text (FNV-1a, then murmur3's finalizer to spread the bits). */
export function unitHash(salt: number, text: string): number {
	let hash = (salt ^ 0x811c9dc5) >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	hash ^= hash >>> 16;
	return (hash >>> 0) / 2 ** 32;
}

export function validateFaultSpec(spec: FaultSpec): string | undefined {
	if (!spec || typeof spec.path !== 'string') return 'path (a regular expression) is required';
	try {
		new RegExp(spec.path);
	} catch {
		return 'path is not a valid regular expression';
	}
	if (!['status', 'html', 'reset', 'delay', 'hold'].includes(spec.type))
		return 'type must be status, html, reset, delay or hold';
	if (
		spec.status !== undefined &&
		(!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)
	)
		return 'status must be an HTTP status';
	if (spec.location !== undefined) {
		if (spec.type !== 'status' || !REDIRECT_STATUSES.includes(spec.status ?? 0))
			return 'location applies to a status fault with status 301, 302, 303, 307 or 308';
		if (
			typeof spec.location !== 'string' ||
			!/^https?:\/\/[^/]/i.test(spec.location) ||
			!URL.canParse(spec.location)
		)
			return 'location must be an absolute http(s) URL';
	}
	if (spec.count !== undefined && (!Number.isInteger(spec.count) || spec.count < 1))
		return 'count must be a positive integer';
	if (spec.ratio !== undefined && !(spec.ratio >= 0 && spec.ratio <= 1))
		return 'ratio must be between 0 and 1';
	if (spec.delayMs !== undefined && !(spec.delayMs >= 0 && spec.delayMs <= 600_000))
		return 'delayMs must be between 0 and 600000';
	if (spec.retryAfter !== undefined && !(spec.retryAfter >= 0))
		return 'retryAfter must be a number of seconds';
	if (spec.type === 'delay' && spec.delayMs === undefined) return 'a delay fault needs delayMs';
	if (spec.processAfterMs !== undefined) {
		if (!LATE_FAULT_TYPES.includes(spec.type))
			return 'processAfterMs applies to reset, status and html faults';
		if (
			typeof spec.processAfterMs !== 'number' ||
			!(spec.processAfterMs >= 0 && spec.processAfterMs <= MAX_PROCESS_AFTER_MS)
		)
			return 'processAfterMs must be between 0 and 600000';
	}
	if (
		spec.forMs !== undefined &&
		(typeof spec.forMs !== 'number' || !(spec.forMs > 0 && spec.forMs <= 3_600_000))
	)
		return 'forMs must be between 1 and 3600000';
	return undefined;
}
