/**
 * What the SIP configuration must be after a sequence of SIP executions, from what their items reported: a
 * successful item fixes its trunk or route, an error item makes what it touched unknown (it may or may not have
 * been applied). Compared with the stored configuration at the end of a run.
 */
export type Known<T> = { value: T } | 'unknown' | 'absent';

export interface DesiredSip {
	trunks: Record<string, { sipSignalingPort: number }>;
	routes: Array<{ name: string; numberPattern: string; trunks: string[] }>;
}

export class SipModel {
	readonly trunks = new Map<string, Known<number>>();
	readonly routes = new Map<string, Known<string>>();
	readonly contradictions: string[] = [];

	trunkUpserted(fqdn: string, port: number, ok: boolean): void {
		this.trunks.set(fqdn, ok ? { value: port } : 'unknown');
	}

	routeUpserted(name: string, numberPattern: string, ok: boolean): void {
		this.routes.set(name, ok ? { value: numberPattern } : 'unknown');
	}

	/** `deleted` is what the item reported (true, false), or undefined when the item is an error. */
	routeDeleted(name: string, deleted: boolean | undefined): void {
		const before = this.routes.get(name);
		if (deleted === false && before !== undefined && typeof before === 'object') {
			this.contradictions.push(`route ${name} reported "not there" while the run had stored it`);
		}
		this.routes.set(name, deleted === undefined ? 'unknown' : 'absent');
	}

	/** After a successful Apply Desired State the configuration is exactly `desired`; after an error, unknown. */
	desiredStateApplied(desired: DesiredSip, ok: boolean): void {
		for (const key of this.trunks.keys()) this.trunks.set(key, ok ? 'absent' : 'unknown');
		for (const key of this.routes.keys()) this.routes.set(key, ok ? 'absent' : 'unknown');
		for (const [fqdn, trunk] of Object.entries(desired.trunks))
			this.trunks.set(fqdn, ok ? { value: trunk.sipSignalingPort } : 'unknown');
		for (const route of desired.routes)
			this.routes.set(route.name, ok ? { value: route.numberPattern } : 'unknown');
	}

	knownTrunks(): Array<[string, number]> {
		return [...this.trunks].flatMap(([fqdn, known]) =>
			typeof known === 'object' ? [[fqdn, known.value] as [string, number]] : [],
		);
	}

	/** Differences between the model and a stored configuration (GET /sip). */
	mismatches(stored: {
		trunks?: Record<string, { sipSignalingPort?: number }>;
		routes?: Array<{ name: string; numberPattern: string }>;
	}): string[] {
		const found = [...this.contradictions];
		const storedTrunks = stored.trunks ?? {};
		const storedRoutes = new Map(
			(stored.routes ?? []).map((route) => [route.name, route.numberPattern]),
		);
		for (const [fqdn, known] of this.trunks) {
			const actual = Object.hasOwn(storedTrunks, fqdn)
				? storedTrunks[fqdn].sipSignalingPort
				: undefined;
			if (known === 'absent' && actual !== undefined)
				found.push(`trunk ${fqdn} should be gone, stored port ${actual}`);
			if (typeof known === 'object' && actual !== known.value)
				found.push(`trunk ${fqdn} reported port ${known.value}, stored ${actual}`);
		}
		for (const fqdn of Object.keys(storedTrunks))
			if (!this.trunks.has(fqdn)) found.push(`trunk ${fqdn} stored, never sent`);
		for (const [name, known] of this.routes) {
			const actual = storedRoutes.get(name);
			if (known === 'absent' && actual !== undefined)
				found.push(`route ${name} should be gone, still stored`);
			if (typeof known === 'object' && actual !== known.value)
				found.push(`route ${name} reported ${known.value}, stored ${actual}`);
		}
		for (const name of storedRoutes.keys())
			if (!this.routes.has(name)) found.push(`route ${name} stored, never sent`);
		return found;
	}
}
