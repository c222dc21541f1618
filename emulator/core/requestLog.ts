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
}

const SECRET_QUERY_KEY = /key|secret|token|signature|sig|password|assertion|code/i;
export const REDACTED = '[redacted]';

export function redactQuery(query: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of query) result[name] = SECRET_QUERY_KEY.test(name) ? REDACTED : value;
  return result;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
