/**
 * Seeded SIP cases for the node/emulator agreement test: a valid stored document and a PATCH body, valid or not
 * (bad FQDNs and ports, duplicate names, routes naming unknown trunks, bad and odd .NET patterns, nulls that
 * delete, too many items, wrong JSON shapes). GA cases never carry preview-only fields.
 */
import { generatePattern } from '../../oracle/patternGenerator';
import type { Rng } from '../../oracle/prng';

export interface SipCase {
	preview: boolean;
	current: {
		domains: Record<string, { enabled: boolean }>;
		trunks: Record<string, { sipSignalingPort: number }>;
		routes: unknown[];
	};
	patch: unknown;
}

const DOMAINS = ['contoso.com', 'fabrikam.com'];
const VALID_FQDNS = [
	'sbc1.contoso.com',
	'sbc2.contoso.com',
	'SBC3.Contoso.com',
	'sbc.fabrikam.com',
	'edge.eu.fabrikam.com',
];
const ODD_VALID_FQDNS = [
	'a.b',
	'x-y.example.org.',
	`${'l'.repeat(63)}.contoso.com`,
	`${'a.'.repeat(122)}com`,
	'contoso.com',
	'9sbc.contoso.com',
];
const INVALID_FQDNS = [
	'',
	'sbc',
	'-a.contoso.com',
	'a-.contoso.com',
	'sbc..contoso.com',
	'sbc.contoso.123',
	'10.0.0.1',
	'http://sbc.contoso.com',
	'sbc contoso.com',
	'sbc_1.contoso.com',
	`${'a.'.repeat(124)}com`,
	`${'l'.repeat(64)}.contoso.com`,
	'.contoso.com',
	'constructor',
	'__proto__',
	'sbç.contoso.com',
];
const PORTS: unknown[] = [5061, 5061, 5062, 1, 65535, 0, 65536, -1, 5061.5, '5061', null, true];
const NAMES: unknown[] = [
	'US',
	'UK',
	'All',
	'Seattle',
	'US',
	'',
	'   ',
	'x'.repeat(256),
	'x'.repeat(257),
	5,
	null,
	' padded ',
];
const ROUTE_PATTERNS = [
	'^+[1-9][0-9]{3,23}$',
	'^\\+1\\d{10}$',
	'^\\+44\\d{10}$',
	'^\\+1(425|206)\\d{7}$',
	'\\d+',
	'^\\+7\\d+$',
	'^[+]?1[0-9-[5]]{4}$',
	'^\\+\\d{,3}$',
	'^(\\d+)+$',
	'^\\+\\p{Nd}+$',
	'(?#note)^\\+1',
	'^\\+1\\d{10}$|^\\+44\\d+$',
];
const ODD_PATTERNS: unknown[] = [
	'',
	'x'.repeat(1025),
	`^${'\\d'.repeat(511)}$`,
	'(',
	')',
	'a{2,1}',
	'[z-a]',
	'^+*1',
	'\\q',
	'[',
	'^(?=\\+1)\\d+$',
	'(?<-x>a)',
	'\\k<nope>',
	'(?i)^\\+1',
	'\\p{IsGreek}',
	'\\p{IsGree}',
	'(?(1)a|b)',
	'\\1(a)',
	'\\2(a)',
	'(?<n>\\d)\\k<n>',
	'\\p{Foo}',
	null,
	5,
];

function fqdn(rng: Rng): string {
	const roll = rng.next();
	if (roll < 0.7) return rng.pick(VALID_FQDNS);
	return roll < 0.8 ? rng.pick(ODD_VALID_FQDNS) : rng.pick(INVALID_FQDNS);
}

function pattern(rng: Rng): unknown {
	const roll = rng.next();
	if (roll < 0.6) return rng.pick(ROUTE_PATTERNS);
	if (roll < 0.8) return rng.pick(ODD_PATTERNS);
	return generatePattern(rng).pattern;
}

function route(
	rng: Rng,
	trunks: string[],
	preview: boolean,
	valid: boolean,
): Record<string, unknown> {
	const out: Record<string, unknown> = { name: valid ? `R${rng.int(0, 999)}` : rng.pick(NAMES) };
	out.numberPattern = valid ? rng.pick(ROUTE_PATTERNS) : pattern(rng);
	if (rng.chance(0.3))
		out.description = valid ? 'route' : rng.pick<unknown>(['route', null, 'd'.repeat(1025), 5]);
	const pool =
		valid || rng.chance(0.7) ? trunks : [...trunks, rng.pick(VALID_FQDNS), 'ghost.contoso.com'];
	const chosen = pool.filter(() => rng.chance(0.5));
	if (!valid && rng.chance(0.1) && chosen.length > 0) chosen.push(chosen[0]);
	if (valid || rng.chance(0.85)) out.trunks = chosen;
	else
		out.trunks = rng.pick<unknown>([
			null,
			'sbc1.contoso.com',
			Array.from({ length: 251 }, (_, i) => `t${i}.contoso.com`),
		]);
	if (preview && rng.chance(0.3)) out.callerIdOverride = rng.pick<unknown>(['+14255550100', null]);
	return out;
}

function currentDocument(rng: Rng, preview: boolean): SipCase['current'] {
	const domains = preview && rng.chance(0.4) ? DOMAINS.filter(() => rng.chance(0.7)) : [];
	const candidates = VALID_FQDNS.filter(
		(name) => domains.length === 0 || domains.some((d) => name.toLowerCase().endsWith(`.${d}`)),
	);
	const trunkNames = candidates.filter(() => rng.chance(0.5));
	const routes = Array.from({ length: rng.int(0, 3) }, (_, i) => ({
		...route(rng, trunkNames, preview, true),
		name: `Stored${i}`,
	}));
	return {
		domains: Object.fromEntries(domains.map((d) => [d, { enabled: true }])),
		trunks: Object.fromEntries(trunkNames.map((name) => [name, { sipSignalingPort: 5061 }])),
		routes,
	};
}

function trunkUpdate(rng: Rng, preview: boolean): unknown {
	const roll = rng.next();
	if (roll < 0.2) return null;
	if (roll < 0.25) return rng.pick<unknown>(['x', [], 5]);
	const update: Record<string, unknown> = {};
	if (rng.chance(0.8)) update.sipSignalingPort = rng.pick(PORTS);
	if (preview && rng.chance(0.3)) update.enabled = rng.chance(0.5);
	return update;
}

function patchBody(rng: Rng, current: SipCase['current'], preview: boolean): unknown {
	if (rng.chance(0.03)) return rng.pick<unknown>([[], 'x', 5, null, { foo: 1 }, {}]);
	const patch: Record<string, unknown> = {};
	const known = Object.keys(current.trunks);
	const roll = rng.next();
	if (roll < 0.03) patch.trunks = null;
	else if (roll < 0.06) patch.trunks = rng.pick<unknown>([{}, [], 'x']);
	else if (roll < 0.08)
		patch.trunks = Object.fromEntries(
			Array.from({ length: 251 }, (_, i) => [`t${i}.contoso.com`, { sipSignalingPort: 5061 }]),
		);
	else if (roll < 0.6) {
		const entries = Array.from({ length: rng.int(1, 3) }, () => [
			known.length > 0 && rng.chance(0.4) ? rng.pick(known) : fqdn(rng),
			trunkUpdate(rng, preview),
		]);
		patch.trunks = Object.fromEntries(entries);
	}
	const names = [...known, ...Object.keys((patch.trunks as object | null) ?? {})];
	const routeRoll = rng.next();
	if (routeRoll < 0.03) patch.routes = null;
	else if (routeRoll < 0.06) patch.routes = rng.pick<unknown>(['x', {}, 5]);
	else if (routeRoll < 0.08)
		patch.routes = Array.from({ length: 251 }, (_, i) => ({
			name: `r${i}`,
			numberPattern: '^1',
			trunks: [],
		}));
	else if (routeRoll < 0.55)
		patch.routes = Array.from({ length: rng.int(0, 4) }, () =>
			route(rng, names, preview, rng.chance(0.4)),
		);
	if (preview && rng.chance(0.3)) {
		const domainNames = [
			...DOMAINS,
			...Object.keys(current.domains),
			'contoso',
			'sbc1.contoso.com',
			'-x.com',
		];
		patch.domains = rng.chance(0.1)
			? null
			: Object.fromEntries(
					Array.from({ length: rng.int(1, 2) }, () => [
						rng.pick(domainNames),
						rng.chance(0.4) ? null : { enabled: rng.chance(0.8) },
					]),
				);
	}
	return patch;
}

export function generateSipCase(rng: Rng): SipCase {
	const preview = rng.chance(0.5);
	const current = currentDocument(rng, preview);
	return { preview, current, patch: patchBody(rng, current, preview) };
}
