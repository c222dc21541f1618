/** Fault injection: matched by method + path regex, for the next N matching requests or a seeded ratio. */
export type FaultType = 'status' | 'html' | 'reset' | 'delay';

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Regular expression (source) matched against the raw path, e.g. "^/phoneNumbers". */
  path: string;
  type: FaultType;
  /** For 'status' (default 503) and 'html' (default 502). */
  status?: number;
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
  /** Probability in [0, 1] that a matching request is hit (seeded random). */
  ratio?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Requests this fault was applied to. */
  hits: number;
}

export class FaultTable {
  private faults: Fault[] = [];
  /** Each fault's path, compiled once when it is added. */
  private patterns = new WeakMap<Fault, RegExp>();
  private nextId = 1;

  constructor(private readonly random: () => number) {}

  add(spec: FaultSpec): Fault {
    const problem = validateFaultSpec(spec);
    if (problem) throw new Error(problem);
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, hits: 0 };
    this.faults.push(fault);
    this.patterns.set(fault, new RegExp(spec.path));
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to this request, if any (consumes one of its `count`). */
  take(method: string, rawPath: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    for (const fault of this.faults) {
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!this.patterns.get(fault)!.test(rawPath)) continue;
      if (fault.ratio !== undefined && this.random() >= fault.ratio) continue;
      fault.hits += 1;
      if (fault.count !== undefined && fault.hits >= fault.count) this.remove(fault.id);
      return { ...fault };
    }
    return undefined;
  }
}

export function validateFaultSpec(spec: FaultSpec): string | undefined {
  if (!spec || typeof spec.path !== 'string') return 'path (a regular expression) is required';
  try {
    new RegExp(spec.path);
  } catch {
    return 'path is not a valid regular expression';
  }
  if (!['status', 'html', 'reset', 'delay'].includes(spec.type)) return 'type must be status, html, reset or delay';
  if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)) return 'status must be an HTTP status';
  if (spec.count !== undefined && (!Number.isInteger(spec.count) || spec.count < 1)) return 'count must be a positive integer';
  if (spec.ratio !== undefined && !(spec.ratio >= 0 && spec.ratio <= 1)) return 'ratio must be between 0 and 1';
  if (spec.delayMs !== undefined && !(spec.delayMs >= 0 && spec.delayMs <= 600_000)) return 'delayMs must be between 0 and 600000';
  if (spec.retryAfter !== undefined && !(spec.retryAfter >= 0)) return 'retryAfter must be a number of seconds';
  if (spec.type === 'delay' && spec.delayMs === undefined) return 'a delay fault needs delayMs';
  return undefined;
}
