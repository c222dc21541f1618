/** Request log of ACS calls. It never holds headers, bodies, keys or tokens; secret-looking query values are redacted. */
export type AuthKind = 'hmac' | 'bearer' | 'none' | 'rejected';

export interface RequestLogEntry {
	seq: number;
	/** Virtual-clock time the request arrived (ISO 8601). */
	time: string;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	durationMs: number;
	auth: AuthKind;
	/** Id of the injected fault, when one was applied. */
	fault?: string;
	/** The service processed this request after its client got the fault (`processAfterMs`); `time` is when. */
	late?: true;
}

/** What a request records; formatted into a RequestLogEntry only when the log is read. */
export interface RequestRecord {
	/** The log's generation when the request arrived: a request that outlives a clear or reset is not logged after it. */
	generation: number;
	/** Virtual-clock arrival, ms since the epoch. */
	arrivedAtMs: number;
	method: string;
	path: string;
	/** The raw query string, without '?'. */
	rawQuery: string;
	status: number;
	durationMs: number;
	auth: AuthKind;
	fault?: string;
	late?: true;
}

/** Query names that may carry a secret (whole name, or its last part after - _ .): `sig`, `access_key`, `client-secret`... */
const SECRET_NAMES =
	'(access[-_]?key|key|secret|client[-_]?secret|token|access[-_]?token|signature|sig|password|assertion|client[-_]?assertion|code)';
const SECRET_QUERY_KEY = new RegExp(`(^|[_.-])${SECRET_NAMES}$`, 'i');
/** The same test on a raw query string, without parsing it: a secret-looking name right before an `=`. */
const SECRET_IN_RAW_QUERY = new RegExp(`(^|[&_.-])${SECRET_NAMES}=`, 'i');
export const REDACTED = '[redacted]';

export function redactQuery(query: URLSearchParams): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of query) result[name] = SECRET_QUERY_KEY.test(name) ? REDACTED : value;
	return result;
}

export class RequestLog {
	private records: StoredRecord[] = [];
	private seq = 0;
	private currentGeneration = 0;

	constructor(private readonly capacity = 10_000) {}

	get generation(): number {
		return this.currentGeneration;
	}

	add(record: RequestRecord): void {
		if (record.generation !== this.currentGeneration) return;
		// A query that may hold a secret is redacted now, so that the log never holds one; any other is parsed when read.
		const { rawQuery, generation: _generation, ...rest } = record;
		const mayHoldSecret = SECRET_IN_RAW_QUERY.test(rawQuery) || rawQuery.includes('%'); // '%' may encode a secret-looking name
		const query = mayHoldSecret ? redactQuery(new URLSearchParams(rawQuery)) : rawQuery;
		this.records.push({ ...rest, query, seq: ++this.seq });
		// Trim in batches: one splice per `capacity` requests instead of one per request once the log is full.
		if (this.records.length >= 2 * this.capacity)
			this.records.splice(0, this.records.length - this.capacity);
	}

	list(): RequestLogEntry[] {
		return this.records.slice(-this.capacity).map(toEntry);
	}

	clear(): void {
		this.records = [];
		this.currentGeneration++;
	}
}

type StoredRecord = Omit<RequestRecord, 'rawQuery' | 'generation'> & {
	seq: number;
	query: string | Record<string, string>;
};

function toEntry(record: StoredRecord): RequestLogEntry {
	return {
		seq: record.seq,
		time: new Date(record.arrivedAtMs).toISOString(),
		method: record.method,
		path: record.path,
		query:
			typeof record.query === 'string'
				? Object.fromEntries(new URLSearchParams(record.query))
				: record.query,
		status: record.status,
		durationMs: record.durationMs,
		auth: record.auth,
		...(record.fault ? { fault: record.fault } : {}),
		...(record.late ? { late: true as const } : {}),
	};
}
