/**
 * Property: Configuration → Test Number, with the service check on (preview API), gives the same routes locally
 * and from the emulator's testRoutesWithNumber, for random candidate configurations and numbers. The emulator has
 * its own matcher (emulator/sip/), so this checks both the wiring (candidate sent, order kept, first match chosen,
 * trunks reported) and that two independent evaluators agree on these patterns; the patterns stay within the
 * emulator's subset (no backreferences), since the emulator answers 501 for the others.
 */
import fc from 'fast-check';

import { NOT_EVALUATED_LOCALLY } from '../../../nodes/shared/acs/sip/patternEvaluation';

import { withEmulator } from '../../support/emulator';
import { jsonOf, runSip, seedSip, sentRequests } from './sipHarness';

const emulator = withEmulator();

const TRUNKS = ['sbc1.contoso.com', 'sbc2.contoso.com', 'sbc3.contoso.com'];
const PATTERNS = [
	'^\\+1\\d{10}$',
	'^\\+1(425|206)\\d{7}$',
	'^\\+44\\d{10}$',
	'^\\+[1-9][0-9]{3,23}$',
	'^+[1-9][0-9]{3,23}$',
	'^+1(\\d[10])$',
	'^\\+\\d+$',
	'\\d{4}$',
	'^\\+4[4-9]',
	'^\\+1{,3}',
	'^\\+(?<cc>44)(?:44)?',
	'^\\+[0-9-[7]]\\d*$',
];
const NUMBERS = fc.oneof(
	fc.constantFrom(
		'+14255550123',
		'+12065550100',
		'+442071234567',
		'+4444',
		'+77',
		'14255550123',
		'110',
		'+1{,3}',
	),
	fc
		.tuple(fc.constantFrom('+1', '+44', '+7', '+', ''), fc.stringMatching(/^[0-9]{1,12}$/))
		.map(([prefix, digits]) => prefix + digits),
);

const configurationArb = fc
	.record({
		names: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 5 }),
		patterns: fc.array(fc.constantFrom(...PATTERNS), { minLength: 5, maxLength: 5 }),
		trunkPicks: fc.array(fc.subarray(TRUNKS), { minLength: 5, maxLength: 5 }),
	})
	.map(({ names, patterns, trunkPicks }) => ({
		trunks: Object.fromEntries(TRUNKS.map((fqdn, i) => [fqdn, { sipSignalingPort: 5061 + i }])),
		routes: names.map((name, i) => ({ name, numberPattern: patterns[i], trunks: trunkPicks[i] })),
	}));

describe('Test Number: local evaluation == service (random configurations and numbers)', () => {
	it('agrees on matching routes, route and trunks, through the node against the emulator', async () => {
		const emu = emulator();
		await seedSip(emu, {
			trunks: Object.fromEntries(TRUNKS.map((fqdn) => [fqdn, { sipSignalingPort: 5060 }])),
		});
		let starved = 0;
		await fc.assert(
			fc.asyncProperty(configurationArb, NUMBERS, async (candidate, phoneNumber) => {
				await emu.control.clearRequestLog();
				const result = await runSip(emu, {
					resource: 'configuration',
					operation: 'testNumber',
					sipApi: 'sipPreview',
					phoneNumber,
					configurationSource: 'candidate',
					candidateConfiguration: JSON.stringify(candidate),
					checkWithService: true,
				});
				const [item] = jsonOf(result);
				expect(await sentRequests(emu)).toEqual(['GET /sip', 'POST /sip:testRoutesWithNumber']);
				expect(item.serviceChecked).toBe(true);
				if (!item.localExact) {
					// A loaded machine can starve the matcher's worker past its time budget: the node then says so and leaves
					// the route to the service. Anything else left unevaluated is a disagreement.
					const overBudget = (item.routesNotEvaluatedLocally as string[]).map(
						(name) => `Route "${name}": ${NOT_EVALUATED_LOCALLY}`,
					);
					expect(item.notes).toEqual(expect.arrayContaining(overBudget));
					expect(
						(item.notes as string[]).filter((note) =>
							note.includes('could not be evaluated locally'),
						),
					).toEqual([]);
					starved++;
					return;
				}
				expect(item.matchingRoutes).toEqual(item.serviceMatchingRoutes);
				expect(item.route).toEqual(item.serviceRoute);
				expect(item.trunks).toEqual(item.serviceTrunks);
				expect(item.agree).toBe(true);
				// the first matching route in candidate order handles the call, with its trunks in order
				const first = candidate.routes.find((route) =>
					(item.matchingRoutes as string[]).includes(route.name),
				);
				expect(item.route).toEqual(first?.name ?? null);
				expect(item.trunks).toEqual(first?.trunks ?? []);
			}),
			{ numRuns: 25 },
		);
		expect(starved).toBeLessThan(5);
	});
});
