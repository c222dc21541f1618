/**
 * What changed in the trunks' health between two readings (preview API, expand=trunks/health). Only trunks in
 * both readings are compared: a trunk that appears or goes is a configuration change, not a health change, and
 * its first health is the baseline for the next comparison.
 */
import { SIP_LIMITS, type SipTrunk, type SipTrunkHealth } from '../sip/types';
import { boundedToken } from './boundedValues';

/** One trunk's health as kept between readings: the statuses and the overall reason. */
export interface TrunkHealthValue {
	tls: { status: string };
	ping: { status: string };
	overall: { status: string; reason?: string };
}

export type TrunkHealthSnapshot = Record<string, TrunkHealthValue>;

export interface TrunkHealthChange {
	fqdn: string;
	before: TrunkHealthValue;
	after: TrunkHealthValue;
}

/** A status or reason that is no short word (a broken or hostile answer) reads "unknown": the state stays small. */
function statusOf(part: { status?: unknown } | undefined): string {
	return boundedToken(part?.status);
}

function healthValue(health: Partial<SipTrunkHealth> | undefined): TrunkHealthValue {
	const listedReason = health?.overall?.reason;
	const reason = typeof listedReason === 'string' ? boundedToken(listedReason) : undefined;
	return {
		tls: { status: statusOf(health?.tls) },
		ping: { status: statusOf(health?.ping) },
		overall:
			typeof reason === 'string'
				? { status: statusOf(health?.overall), reason }
				: { status: statusOf(health?.overall) },
	};
}

/** A key longer than any FQDN (a broken or hostile answer) is no trunk to keep: the state stays small. */
const isFqdnLength = (fqdn: string) => fqdn.length <= SIP_LIMITS.maxFqdnLength;

/** Each trunk's health; a trunk the answer gives no health for counts as unknown. */
export function trunkHealthSnapshot(trunks: Record<string, SipTrunk>): TrunkHealthSnapshot {
	const snapshot: TrunkHealthSnapshot = {};
	for (const fqdn of Object.keys(trunks).filter(isFqdnLength).sort())
		snapshot[fqdn] = healthValue(trunks[fqdn].health);
	return snapshot;
}

const key = (health: TrunkHealthValue) =>
	[health.tls.status, health.ping.status, health.overall.status, health.overall.reason ?? ''].join(
		'\u0000',
	);

export function trunkHealthChanges(
	before: TrunkHealthSnapshot,
	after: TrunkHealthSnapshot,
): TrunkHealthChange[] {
	return Object.keys(after)
		.filter((fqdn) => before[fqdn] !== undefined && key(before[fqdn]) !== key(after[fqdn]))
		.map((fqdn) => ({ fqdn, before: before[fqdn], after: after[fqdn] }));
}

/** Worst first: overall inactive, unknown, active; then ping, then TLS. */
const OVERALL_RANK: Record<string, number> = { inactive: 0, unknown: 1, active: 2 };
const PING_RANK: Record<string, number> = { error: 0, expired: 1, unknown: 2, ok: 3 };
const TLS_RANK: Record<string, number> = { certExpired: 0, certExpiring: 1, unknown: 2, ok: 3 };

function rank(health: TrunkHealthValue): number[] {
	return [
		OVERALL_RANK[health.overall.status] ?? 1,
		PING_RANK[health.ping.status] ?? 2,
		TLS_RANK[health.tls.status] ?? 2,
	];
}

/** The least healthy trunk (the first by FQDN among equals); undefined when there is no trunk. */
export function leastHealthyTrunk(snapshot: TrunkHealthSnapshot): string | undefined {
	let worst: string | undefined;
	for (const fqdn of Object.keys(snapshot).sort()) {
		if (worst === undefined) {
			worst = fqdn;
			continue;
		}
		const [a, b] = [rank(snapshot[fqdn]), rank(snapshot[worst])];
		const index = a.findIndex((value, at) => value !== b[at]);
		if (index !== -1 && a[index] < b[index]) worst = fqdn;
	}
	return worst;
}

/** One trunk's health as kept between polls: [tls, ping, overall] statuses, then the overall reason if any. */
export type PackedTrunkHealth = string[];

export function packTrunkHealth(snapshot: TrunkHealthSnapshot): Record<string, PackedTrunkHealth> {
	const packed: Record<string, PackedTrunkHealth> = {};
	for (const [fqdn, health] of Object.entries(snapshot)) {
		const statuses = [health.tls.status, health.ping.status, health.overall.status];
		packed[fqdn] =
			health.overall.reason === undefined ? statuses : [...statuses, health.overall.reason];
	}
	return packed;
}

export function unpackTrunkHealth(packed: Record<string, PackedTrunkHealth>): TrunkHealthSnapshot {
	const snapshot: TrunkHealthSnapshot = {};
	for (const [fqdn, entry] of Object.entries(packed)) {
		// An entry of another shape (a corrupted save) is left out: that trunk's next health is its baseline.
		if (!Array.isArray(entry) || !isFqdnLength(fqdn)) continue;
		const [tls, ping, overall, reason] = entry as PackedTrunkHealth;
		snapshot[fqdn] = healthValue({
			tls: { status: tls },
			ping: { status: ping },
			overall: { status: overall, reason },
		});
	}
	return snapshot;
}
