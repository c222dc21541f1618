/**
 * The SIP Routing Trigger under faults: 40 polls per credential while trunks, routes and domains are added,
 * changed, reordered and removed and trunk health flips, and many polls meet 429 (with Retry-After, within and
 * past the retry budget), 503, connection resets, slow answers, answers past the Poll Timeout and rejected tokens (an expired Entra token is
 * refreshed). Invariants: a failed poll gives a clear error, no items, and keeps the last good state; replaying
 * every emitted event on the baseline gives exactly the configuration and health the service holds at each good
 * poll (an event lost leaves the replay behind; an event doubled finds its subject already added, already gone,
 * or with another `before`). Seeded: RELIABILITY_SEED replays the same changes and faults.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningEmulator } from '../../emulator';
import type { FaultSpec } from '../../emulator/core/faults';
import { withEmulator } from '../support/emulator';
import { AUTHS, seedSip, storedSip } from '../nodes/sip/sipHarness';
import { sipTrigger } from '../nodes/sipRoutingTrigger/triggerHarness';
import { reportFigures } from './support/figures';
import { pick, reliabilitySeed, seededRandom } from './support/seed';

const seed = reliabilitySeed('sipRoutingTriggerExactlyOnce');
const random = seededRandom(seed);
const emulator = withEmulator({ seed });

const POLLS = 40;
/** Long enough for the retries the absorbed faults need (a Retry-After of 1 s), short enough to test. */
const POLL_TIMEOUT_SECONDS = 3;
const DOMAIN = 'contoso.com';
const EXTRA_DOMAINS = ['fabrikam.com', 'northwind.com'];
const TLS = ['ok', 'certExpiring', 'certExpired'];
const PING = ['ok', 'expired', 'error'];
const OVERALL = ['active', 'inactive'];
const SIP_GET = { method: 'GET', path: '^/sip$' } as const;
/** A failed poll names what happened. */
const CLEAR_ERROR =
	/\b(429|503|401)\b|retry budget|Gave up|Poll Timeout|ECONNRESET|socket|[Aa]uthori[sz]|token|credential/;

type Value = Record<string, unknown>;
interface Model {
	trunks: Record<string, Value>;
	routes: Value[];
	domains: Record<string, Value>;
	health: Record<string, Value>;
}

/** Faults for one poll: those that fail it (retries cannot help) and those the retries absorb. */
const FAILING: Array<{ label: string; specs: FaultSpec[]; entraOnly?: boolean }> = [
	{
		label: '429 past the retry budget',
		specs: [
			{
				...SIP_GET,
				type: 'status',
				status: 429,
				code: 'TooManyRequests',
				retryAfter: 120,
				count: 1,
			},
		],
	},
	{ label: '503 five times', specs: [{ ...SIP_GET, type: 'status', status: 503, count: 5 }] },
	{ label: 'reset five times', specs: [{ ...SIP_GET, type: 'reset', count: 5 }] },
	{
		label: 'answers past the Poll Timeout',
		specs: [{ ...SIP_GET, type: 'delay', delayMs: POLL_TIMEOUT_SECONDS * 1000 + 500, count: 5 }],
	},
	{
		label: '401 twice (token or signature rejected)',
		specs: [
			{
				...SIP_GET,
				type: 'status',
				status: 401,
				code: 'Denied',
				message: 'The access token is invalid.',
				count: 2,
			},
		],
	},
];
const ABSORBED: Array<{ label: string; specs: FaultSpec[] }> = [
	{
		label: '429 with Retry-After 1',
		specs: [
			{ ...SIP_GET, type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 1, count: 1 },
		],
	},
	{ label: '503 once', specs: [{ ...SIP_GET, type: 'status', status: 503, count: 1 }] },
	{ label: 'reset once', specs: [{ ...SIP_GET, type: 'reset', count: 1 }] },
	{ label: 'slow answer', specs: [{ ...SIP_GET, type: 'delay', delayMs: 300, count: 1 }] },
];

const clean = (value: Value): Value =>
	Object.fromEntries(
		Object.entries(value).filter(
			([key, field]) =>
				field !== null && field !== undefined && key !== 'priority' && key !== 'health',
		),
	);

const UNKNOWN = {
	tls: { status: 'unknown' },
	ping: { status: 'unknown' },
	overall: { status: 'unknown' },
};

async function truth(emu: RunningEmulator): Promise<Model> {
	const document = await storedSip(emu);
	const { health } = await emu.control.sip.config();
	const trunks = Object.fromEntries(
		Object.entries((document.trunks ?? {}) as Record<string, Value>).map(([fqdn, trunk]) => [
			fqdn,
			clean(trunk),
		]),
	);
	return {
		trunks,
		routes: ((document.routes ?? []) as Value[]).map(clean),
		domains: Object.fromEntries(
			Object.entries((document.domains ?? {}) as Record<string, Value>).map(([name, domain]) => [
				name,
				clean(domain),
			]),
		),
		health: Object.fromEntries(
			Object.keys(trunks).map((fqdn) => [fqdn, (health[fqdn] as unknown as Value) ?? UNKNOWN]),
		),
	};
}

/** One change to the service, as a user or the service would make it; returns what it did. */
async function changeSomething(
	emu: RunningEmulator,
	now: Model,
	counter: { next: number },
): Promise<string> {
	const fqdns = Object.keys(now.trunks);
	const used = new Set(now.routes.flatMap((route) => route.trunks as string[]));
	const id = counter.next++;
	const someTrunks = () => [...new Set([pick(random, fqdns), pick(random, fqdns)])];
	const routes = [...now.routes];
	const kinds = [
		'addTrunk',
		'changeTrunk',
		'removeTrunk',
		'addRoute',
		'addRoute',
		'editRoute',
		'moveRoute',
		'moveRoute',
		'moveAndEdit',
		'moveAndEdit',
		'removeRoute',
		'domain',
		'health',
		'health',
	];
	const kind = pick(random, kinds);
	// Routes need a trunk, and trunks lie under the one domain: at least one trunk stays.
	if (fqdns.length === 0 && kind !== 'addTrunk' && kind !== 'domain') return 'nothing';
	switch (kind) {
		case 'addTrunk':
			await seedSip(emu, { trunks: { [`sbc${id}.${DOMAIN}`]: { sipSignalingPort: 5000 + id } } });
			return kind;
		case 'changeTrunk':
			await seedSip(emu, { trunks: { [pick(random, fqdns)]: { sipSignalingPort: 6000 + id } } });
			return kind;
		case 'removeTrunk': {
			const unused = fqdns.filter((fqdn) => !used.has(fqdn));
			if (unused.length === 0 || fqdns.length === 1) return 'nothing';
			await seedSip(emu, { trunks: { [pick(random, unused)]: null } });
			return kind;
		}
		case 'addRoute':
			routes.splice(Math.floor(random() * (routes.length + 1)), 0, {
				name: `Route ${id}`,
				numberPattern: `^\\+1${id}[0-9]{6}$`,
				trunks: someTrunks(),
			});
			break;
		case 'editRoute': {
			if (routes.length === 0) return 'nothing';
			const index = Math.floor(random() * routes.length);
			routes[index] = { ...routes[index], numberPattern: `^\\+44${id}[0-9]{6}$` };
			break;
		}
		case 'moveRoute':
		case 'moveAndEdit': {
			if (routes.length < 2) return 'nothing';
			const [moved] = routes.splice(Math.floor(random() * routes.length), 1);
			const edited = kind === 'moveAndEdit' ? { ...moved, trunks: someTrunks() } : moved;
			routes.splice(Math.floor(random() * (routes.length + 1)), 0, edited);
			break;
		}
		case 'removeRoute':
			if (routes.length === 0) return 'nothing';
			routes.splice(Math.floor(random() * routes.length), 1);
			break;
		case 'domain': {
			const name = pick(random, EXTRA_DOMAINS);
			const domain = now.domains[name];
			const next =
				domain === undefined
					? { enabled: random() < 0.5 }
					: random() < 0.5
						? null
						: { enabled: !domain.enabled };
			await seedSip(emu, { domains: { [name]: next } });
			return kind;
		}
		default: {
			await emu.control.sip.setTrunkHealth(pick(random, fqdns), {
				tls: { status: pick(random, TLS) },
				ping: { status: pick(random, PING) },
				overall: { status: pick(random, OVERALL) },
			});
			return 'health';
		}
	}
	await seedSip(emu, { routes: routes.map(clean) });
	return kind;
}

/** Applies one poll's events to the replayed model, failing on an event that does not fit it (lost or doubled). */
function replay(model: Model, events: IDataObject[], now: Model): void {
	const routes = new Map(model.routes.map((route) => [String(route.name), route]));
	let order = model.routes.map((route) => String(route.name));
	const added: Array<{ name: string; position: number }> = [];
	let reordered: string[] | undefined;
	for (const event of events) {
		const subject = String(event.subject);
		const before = event.before as Value | undefined;
		const after = event.after as Value | undefined;
		if (event.event === 'trunkHealthChanged') {
			expect({ subject, before: model.health[subject] }).toEqual({ subject, before });
			model.health[subject] = after!;
			continue;
		}
		if (event.subjectType === 'routeOrder') {
			expect(reordered).toBeUndefined();
			reordered = (after as { routes: string[] }).routes;
			continue;
		}
		const map =
			event.subjectType === 'trunk'
				? model.trunks
				: event.subjectType === 'domain'
					? model.domains
					: undefined;
		const current = map ? map[subject] : routes.get(subject);
		const label = `${String(event.subjectType)} ${subject} ${String(event.change)}`;
		if (event.change === 'added') expect({ label, current }).toEqual({ label, current: undefined });
		else expect({ label, current }).toEqual({ label, current: clean(before!) });
		if (map) {
			if (event.change === 'removed') delete map[subject];
			else map[subject] = clean(after!);
		} else if (event.change === 'removed') {
			routes.delete(subject);
			order = order.filter((name) => name !== subject);
		} else {
			routes.set(subject, clean(after!));
			if (event.change === 'added')
				added.push({ name: subject, position: Number(after!.priority) });
		}
	}
	for (const { name, position } of added.sort((a, b) => a.position - b.position))
		order.splice(position - 1, 0, name);
	model.routes = (reordered ?? order).map((name) => routes.get(name)!);
	for (const fqdn of Object.keys(model.health))
		if (!(fqdn in model.trunks)) delete model.health[fqdn];
	for (const fqdn of Object.keys(model.trunks)) model.health[fqdn] ??= now.health[fqdn];
}

const figures = {
	polls: 0,
	failedPolls: 0,
	absorbedFaults: 0,
	expiredTokens: 0,
	changesMade: 0,
	eventsEmitted: 0,
	failedBy: {} as Record<string, number>,
};

describe.each(AUTHS)('exactly once under faults with %s', (auth) => {
	it(`${POLLS} polls: events emitted replay to what the service holds; failed polls emit nothing`, async () => {
		const emu = emulator();
		const fqdns = [1, 2, 3, 4].map((n) => `sbc${n}.${DOMAIN}`);
		await seedSip(emu, {
			domains: { [DOMAIN]: { enabled: true } },
			trunks: Object.fromEntries(fqdns.map((fqdn, n) => [fqdn, { sipSignalingPort: 5061 + n }])),
			routes: ['US', 'Canada', 'UK', 'Emergency', 'Default'].map((name, n) => ({
				name,
				numberPattern: `^\\+${n + 1}[0-9]{6,12}$`,
				trunks: [fqdns[n % 4], fqdns[(n + 1) % 4]],
			})),
		});

		const trigger = sipTrigger(
			emu,
			{
				events: ['configurationChanged', 'trunkHealthChanged'],
				options: { pollTimeoutSeconds: POLL_TIMEOUT_SECONDS },
			},
			auth,
		);
		const counter = { next: 5 };
		expect(await trigger.poll()).toEqual({ ok: true, items: null });
		const replayed = await truth(emu);
		let slowFailures = 0;

		for (let poll = 1; poll < POLLS; poll++) {
			for (let changes = Math.floor(random() * 3); changes > 0; changes--) {
				if ((await changeSomething(emu, await truth(emu), counter)) !== 'nothing')
					figures.changesMade++;
			}
			if (auth === 'entraId' && random() < 0.15) {
				// The cached token expires: the next request is refused with 401 and n8n fetches a new one.
				await emu.control.advanceClock({ seconds: 3601 });
				figures.expiredTokens++;
			}
			const now = await truth(emu);
			const roll = random();
			const failing = FAILING.filter(
				(fault) => slowFailures < 3 || fault.specs[0].count === 1 || fault.label.startsWith('401'),
			);
			const plan =
				roll < 0.3 ? pick(random, failing) : roll < 0.6 ? pick(random, ABSORBED) : undefined;
			for (const spec of plan?.specs ?? []) await emu.control.addFault(spec);
			const stateBefore = trigger.staticData;
			const outcome = await trigger.poll();
			await emu.control.clearFaults();
			figures.polls++;

			if (plan && FAILING.includes(plan as (typeof FAILING)[number])) {
				if (plan.specs[0].count === 5) slowFailures++;
				expect({ plan: plan.label, ok: outcome.ok }).toEqual({ plan: plan.label, ok: false });
				const text = outcome.ok
					? ''
					: `${outcome.error.message} ${outcome.error.description ?? ''}`;
				expect({ plan: plan.label, text }).toEqual({
					plan: plan.label,
					text: expect.stringMatching(CLEAR_ERROR),
				});
				expect(trigger.staticData).toEqual(stateBefore);
				figures.failedPolls++;
				figures.failedBy[plan.label] = (figures.failedBy[plan.label] ?? 0) + 1;
				continue;
			}
			if (!outcome.ok)
				throw new Error(
					`poll ${poll} (${plan?.label ?? 'no fault'}) failed: ${outcome.error.message} ${outcome.error.description ?? ''}`,
				);
			if (plan) figures.absorbedFaults++;
			const events = (outcome.items ?? []).map((item) => item.json);
			figures.eventsEmitted += events.length;
			replay(replayed, events, now);
			expect({ poll, replayed }).toEqual({ poll, replayed: now });
		}
		if (auth === 'entraId')
			expect((await emu.control.tokens()).issued).toBeGreaterThan(
				figures.expiredTokens > 0 ? 1 : 0,
			);
	});
});

it('reports the figures', () => {
	reportFigures('sipRoutingTriggerExactlyOnce', { seed, ...figures });
	expect(figures.failedPolls).toBeGreaterThan(0);
	expect(figures.eventsEmitted).toBeGreaterThan(0);
});
