import fc from 'fast-check';
import {
	planSipChanges,
	type DesiredSipState,
} from '../../../../nodes/shared/acs/sip/desiredStatePlanner';
import { applySipPatch } from '../../../../nodes/shared/acs/sip/mergePatch';
import {
	domainsRemovedWhileInUse,
	validateSipConfiguration,
} from '../../../../nodes/shared/acs/sip/configValidation';
import type { SipConfiguration } from '../../../../nodes/shared/acs/sip/types';

const FQDNS = ['a.contoso.com', 'b.contoso.com', 'c.contoso.com', 'd.contoso.com', 'e.contoso.com'];
const NAMES = ['R1', 'R2', 'R3', 'R4'];

/** A random valid document: trunks from a pool, routes with unique names using only existing trunks. */
const documentArb = fc
	.record({
		trunks: fc.dictionary(
			fc.constantFrom(...FQDNS),
			fc.record({ sipSignalingPort: fc.integer({ min: 1, max: 65535 }) }),
			{ maxKeys: 5 },
		),
		routeNames: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 4 }),
		patterns: fc.array(fc.constantFrom('^\\+1\\d{10}$', '^\\+\\d+$', '^+1\\d+$', '^\\+44'), {
			minLength: 4,
			maxLength: 4,
		}),
		picks: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
	})
	.map(({ trunks, routeNames, patterns, picks }): DesiredSipState => {
		const fqdns = Object.keys(trunks);
		const routes = routeNames.map((name, i) => ({
			name,
			numberPattern: patterns[i],
			trunks: fqdns.length ? [...new Set(picks[i].map((n) => fqdns[n % fqdns.length]))] : [],
		}));
		return { trunks, routes };
	});

const DOMAINS = ['contoso.com', 'fabrikam.com', 'litware.org'];
const DOMAIN_FQDNS = [
	'sbc1.contoso.com',
	'sbc2.contoso.com',
	'sbc1.fabrikam.com',
	'sbc2.fabrikam.com',
	'sbc.litware.org',
	'sbc.other.net',
];

/** Preview trunk fields, each present or left out. */
const previewTrunkArb = fc.record(
	{
		sipSignalingPort: fc.integer({ min: 1, max: 65535 }),
		enabled: fc.boolean(),
		directTransfer: fc.boolean(),
		privacyHeader: fc.constantFrom('id', 'none'),
		ipAddressVersion: fc.constantFrom('ipv4', 'ipv6'),
	},
	{ requiredKeys: ['sipSignalingPort'] },
);

/**
 * A random document that is valid under the preview domain rules: with domains, every trunk lies under one of
 * them; without domains (never had any, or a GA-era document), trunks may be anywhere.
 */
const domainDocumentArb = fc
	.record({
		domains: fc.dictionary(fc.constantFrom(...DOMAINS), fc.record({ enabled: fc.boolean() }), {
			maxKeys: 3,
		}),
		trunks: fc.dictionary(fc.constantFrom(...DOMAIN_FQDNS), previewTrunkArb, { maxKeys: 6 }),
		routeNames: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 4 }),
		picks: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
	})
	.map(({ domains, trunks, routeNames, picks }): DesiredSipState => {
		const domainNames = Object.keys(domains);
		const kept = Object.fromEntries(
			Object.entries(trunks).filter(
				([fqdn]) => domainNames.length === 0 || domainNames.some((d) => fqdn.endsWith(`.${d}`)),
			),
		);
		const fqdns = Object.keys(kept);
		const routes = routeNames.map((name, i) => ({
			name,
			numberPattern: '^\\+\\d+$',
			trunks: fqdns.length ? [...new Set(picks[i].map((n) => fqdns[n % fqdns.length]))] : [],
		}));
		return { domains, trunks: kept, routes };
	});

/** Trunk fields are compared separately: fields the desired state leaves out keep their stored value. */
function comparableWithDomains(config: SipConfiguration) {
	return {
		trunkFqdns: Object.keys(config.trunks ?? {}).sort(),
		routes: comparable(config).routes,
		domains: Object.fromEntries(
			Object.entries(config.domains ?? {}).sort(([a], [b]) => a.localeCompare(b)),
		),
	};
}

function comparable(config: SipConfiguration) {
	return {
		trunks: Object.fromEntries(
			Object.entries(config.trunks ?? {}).sort(([a], [b]) => a.localeCompare(b)),
		),
		routes: (config.routes ?? []).map((r) => ({ ...r, trunks: r.trunks ?? [] })),
	};
}

describe('desired-state planner', () => {
	test('property: applying the plan patch by patch ends in the desired state, every step valid', () => {
		fc.assert(
			fc.property(documentArb, documentArb, (current, desired) => {
				const plan = planSipChanges(current, desired);
				let state: SipConfiguration = current;
				for (const step of plan.steps) {
					// the patch is safe against the state BEFORE it
					const before = state;
					for (const route of step.patch.routes ?? [])
						for (const t of route.trunks ?? []) expect(before.trunks).toHaveProperty([t]);
					for (const [fqdn, v] of Object.entries(step.patch.trunks ?? {}))
						if (v === null)
							expect((before.routes ?? []).some((r) => r.trunks?.includes(fqdn))).toBe(false);
					state = applySipPatch(state, step.patch).value;
					expect(validateSipConfiguration(state)).toEqual([]);
					expect(step.changes.length).toBeGreaterThan(0);
				}
				expect(comparable(state)).toEqual(comparable(desired));
				expect(plan.steps.length).toBeLessThanOrEqual(3);
				expect(plan.upToDate).toBe(plan.steps.length === 0);
			}),
			{ numRuns: 300 },
		);
	});

	test('property (domains, preview trunk fields): every intermediate state passes the domain rules', () => {
		const domainRules = { domainRules: true };
		fc.assert(
			fc.property(domainDocumentArb, domainDocumentArb, (current, desired) => {
				expect(validateSipConfiguration(current, domainRules)).toEqual([]);
				expect(validateSipConfiguration(desired, domainRules)).toEqual([]);
				// the node refuses (before planning) a desired state that drops a domain its trunks still lie under
				fc.pre(domainsRemovedWhileInUse(current, desired).length === 0);
				const plan = planSipChanges(current, desired);
				let state: SipConfiguration = current;
				for (const step of plan.steps) {
					const next = applySipPatch(state, step.patch).value;
					// domains before their trunks: no state has a trunk outside every domain once there are domains
					expect(validateSipConfiguration(next, domainRules)).toEqual([]);
					// domains removed after their trunks: no domain goes while a trunk lies under it
					expect(domainsRemovedWhileInUse(state, next)).toEqual([]);
					state = next;
				}
				expect(comparableWithDomains(state)).toEqual(comparableWithDomains(desired));
				// preview trunk fields arrive as given (fields the desired state leaves out keep their stored value)
				for (const [fqdn, trunk] of Object.entries(desired.trunks))
					expect(state.trunks?.[fqdn]).toMatchObject(trunk);
				expect(planSipChanges(state, desired).steps).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});

	test('property: the plan from the desired state to itself is empty', () => {
		fc.assert(
			fc.property(documentArb, (doc) => expect(planSipChanges(doc, doc).steps).toEqual([])),
		);
	});

	test('replace a trunk used by a route: add new, point routes, then delete old (3 patches)', () => {
		const current: SipConfiguration = {
			trunks: { 'old.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'All', numberPattern: '^\\+\\d+$', trunks: ['old.contoso.com'] }],
		};
		const desired: DesiredSipState = {
			trunks: { 'new.contoso.com': { sipSignalingPort: 5061 } },
			routes: [{ name: 'All', numberPattern: '^\\+\\d+$', trunks: ['new.contoso.com'] }],
		};
		const plan = planSipChanges(current, desired);
		expect(plan.steps.map((s) => s.patch)).toEqual([
			{ trunks: { 'new.contoso.com': { sipSignalingPort: 5061 } } },
			{ routes: [{ name: 'All', numberPattern: '^\\+\\d+$', trunks: ['new.contoso.com'] }] },
			{ trunks: { 'old.contoso.com': null } },
		]);
		expect(plan.changes).toEqual([
			'add trunk new.contoso.com (sipSignalingPort: — -> 5061)',
			'update route "All"',
			'remove trunk old.contoso.com',
		]);
	});

	test('unused trunk removal and port change share one patch; reorder is described', () => {
		const current: SipConfiguration = {
			trunks: {
				'a.contoso.com': { sipSignalingPort: 5060 },
				'b.contoso.com': { sipSignalingPort: 5061 },
			},
			routes: [
				{ name: 'X', numberPattern: '^1', trunks: ['a.contoso.com'] },
				{ name: 'Y', numberPattern: '^2', trunks: [] },
			],
		};
		const desired: DesiredSipState = {
			trunks: { 'a.contoso.com': { sipSignalingPort: 5061 } },
			routes: [
				{ name: 'Y', numberPattern: '^2' },
				{ name: 'X', numberPattern: '^1', trunks: ['a.contoso.com'] },
			],
		};
		const plan = planSipChanges(current, desired);
		expect(plan.steps).toHaveLength(1);
		expect(plan.steps[0].patch).toEqual({
			trunks: { 'a.contoso.com': { sipSignalingPort: 5061 }, 'b.contoso.com': null },
			routes: [
				{ name: 'Y', numberPattern: '^2', trunks: [] },
				{ name: 'X', numberPattern: '^1', trunks: ['a.contoso.com'] },
			],
		});
		expect(plan.changes).toContain('reorder routes: "Y", "X"');
	});

	test('domains are added first and removed once no trunk lies under them', () => {
		const plan = planSipChanges(
			{
				domains: { 'old.com': { enabled: true } },
				trunks: { 'sbc.old.com': { sipSignalingPort: 1 } },
				routes: [],
			},
			{
				domains: { 'new.com': { enabled: true } },
				trunks: { 'sbc.new.com': { sipSignalingPort: 1 } },
				routes: [],
			},
		);
		expect(plan.steps.map((s) => s.patch)).toEqual([
			{
				domains: { 'new.com': { enabled: true } },
				trunks: { 'sbc.new.com': { sipSignalingPort: 1 }, 'sbc.old.com': null },
			},
			{ domains: { 'old.com': null } },
		]);
	});

	test('first domain: new trunk while there are no domains yet, routes switch, old trunk goes, then the domain', () => {
		const route = { name: 'All', numberPattern: '^\\+\\d+$' };
		const plan = planSipChanges(
			{
				trunks: { 'sbc.other.net': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc.other.net'] }],
			},
			{
				domains: { 'contoso.com': { enabled: true } },
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc1.contoso.com'] }],
			},
		);
		expect(plan.steps.map((s) => s.patch)).toEqual([
			{ trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } } },
			{ routes: [{ ...route, trunks: ['sbc1.contoso.com'] }] },
			{ trunks: { 'sbc.other.net': null } },
			{ domains: { 'contoso.com': { enabled: true } } },
		]);
	});

	test('last domain: the only order the domain rules allow takes the old trunk out of the route first, and says so', () => {
		const route = { name: 'All', numberPattern: '^\\+\\d+$' };
		const plan = planSipChanges(
			{
				domains: { 'contoso.com': { enabled: true } },
				trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc1.contoso.com'] }],
			},
			{
				domains: {},
				trunks: { 'sbc.other.net': { sipSignalingPort: 5061 } },
				routes: [{ ...route, trunks: ['sbc.other.net'] }],
			},
		);
		expect(plan.steps.map((s) => s.patch)).toEqual([
			{ routes: [{ ...route, trunks: [] }] },
			{ trunks: { 'sbc1.contoso.com': null } },
			{ domains: { 'contoso.com': null }, trunks: { 'sbc.other.net': { sipSignalingPort: 5061 } } },
			{ routes: [{ ...route, trunks: ['sbc.other.net'] }] },
		]);
		expect(plan.changes[0]).toBe(
			'temporarily remove trunk(s) sbc1.contoso.com from route "All" (the domain rules allow no other order)',
		);
	});
});

describe('a stored document far larger than the service allows', () => {
	it('plans the removal of 200,000 stored routes (no argument list as long as the document)', () => {
		const routes = Array.from({ length: 200_000 }, (_, i) => ({
			name: `R${i}`,
			numberPattern: '^\\+1\\d{10}$',
			trunks: [],
		}));
		const plan = planSipChanges({ trunks: {}, routes }, { trunks: {}, routes: [] });
		expect(plan.steps).toHaveLength(1);
		expect(plan.steps[0].patch.routes).toEqual([]);
		expect(plan.changes).toHaveLength(200_000);
		expect(plan.changes[199_999]).toBe('remove route "R199999"');
	});
});
