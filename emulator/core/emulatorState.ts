/** Everything the emulator remembers: domain states, clock, seeded randoms, faults, request log; persistence. */
import { VirtualClock } from './clock';
import { FaultTable } from './faults';
import { LateRequests } from './lateRequests';
import { createSeededRandom, drawSeed } from './random';
import { RequestLog } from './requestLog';
import {
	loadStateFile,
	saveStateFileAtomically,
	type PersistedState,
	type PersistenceHooks,
} from './statePersistence';
import type { Domain } from './types';

export class EmulatorState {
	readonly clock = new VirtualClock();
	/** Requests processed after the client got a fault (`processAfterMs`); not persisted. */
	readonly lateRequests = new LateRequests(this.clock);
	readonly requestLog = new RequestLog();
	readonly faults: FaultTable;
	/** Seeded random handed to domains (EmulatorContext.random). */
	domainRandom: () => number;
	private faultRandom: () => number;
	private states = new Map<string, unknown>();
	readonly seed: number;

	/** seed: given, else the persisted one, else drawn at random. */
	constructor(
		readonly domains: Domain<any>[],
		seed: number | undefined,
		private readonly statePath: string | undefined,
		private readonly hooks: PersistenceHooks = {},
	) {
		const saved = statePath ? loadStateFile(statePath) : undefined;
		this.seed = seed ?? saved?.seed ?? drawSeed();
		const names = new Set<string>();
		for (const domain of domains) {
			if (names.has(domain.name)) throw new Error(`Duplicate emulator domain name: ${domain.name}`);
			names.add(domain.name);
		}
		this.domainRandom = createSeededRandom(this.seed);
		this.faultRandom = createSeededRandom(this.seed ^ 0x5bd1e995);
		this.faults = new FaultTable(() => this.faultRandom());
		if (saved) this.restore(saved);
		else this.createFreshStates();
	}

	getState<S>(domainName: string): S {
		return this.states.get(domainName) as S;
	}

	/** Fresh domain states, clock offset 0, faults, late requests and log cleared, randoms re-seeded. */
	reset(): void {
		this.lateRequests.clear();
		this.clock.setOffset(0);
		this.faults.clear();
		this.requestLog.clear();
		this.domainRandom = createSeededRandom(this.seed);
		this.faultRandom = createSeededRandom(this.seed ^ 0x5bd1e995);
		this.createFreshStates();
		this.persist();
	}

	snapshot(): PersistedState {
		const domains: Record<string, unknown> = {};
		for (const [name, state] of this.states) domains[name] = state;
		return {
			format: 1,
			savedAt: this.clock.now().toISOString(),
			seed: this.seed,
			clockOffsetMs: this.clock.offset,
			domains,
		};
	}

	/** Writes the state file (atomically) when --state is set; no-op otherwise. */
	persist(): void {
		if (this.statePath) saveStateFileAtomically(this.statePath, this.snapshot(), this.hooks);
	}

	private createFreshStates(): void {
		this.states = new Map(
			this.domains.map((domain) => [domain.name, domain.createState(this.seed)]),
		);
	}

	private restore(saved: PersistedState): void {
		this.clock.setOffset(saved.clockOffsetMs);
		this.states = new Map(
			this.domains.map((domain) => {
				const raw = saved.domains[domain.name];
				if (raw === undefined) return [domain.name, domain.createState(this.seed)];
				return [domain.name, domain.restoreState ? domain.restoreState(raw, this.seed) : raw];
			}),
		);
	}
}
