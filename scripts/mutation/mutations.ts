/** The safety functions `npm run test:mutation` breaks, one at a time, and the tests expected to notice. */
export interface Mutation {
	name: string;
	/** The safety property this code holds up. */
	guards: string;
	file: string;
	/** Exact source text, present once in `file`. */
	find: string;
	replace: string;
	/** Jest test files (paths) that must fail with the mutation in place. */
	tests: string[];
	/** The tests are in the reliability suite (its own jest config). */
	reliability?: boolean;
}

export const MUTATIONS: Mutation[] = [
	{
		name: 'host-pin-off',
		guards: 'host pin: signed requests only to the credential host',
		file: 'nodes/shared/transport/hostPin.ts',
		find: 'if (resolved.origin !== endpoint.origin) {',
		replace: 'if (false) {',
		tests: ['test/reliability/misdirection.test.ts'],
		reliability: true,
	},
	{
		name: 'cost-guard-allows-all',
		guards: 'cost guard: nothing bought over the limits',
		file: 'nodes/AzureCommunicationPhoneNumbers/actions/helpers/costGuard.ts',
		find: 'export function checkCostGuard(numbers: PricedNumber[], limits: CostLimits): CostGuardVerdict {',
		replace:
			'export function checkCostGuard(numbers: PricedNumber[], limits: CostLimits): CostGuardVerdict {\n\tif (numbers.length) return { allowed: true, totalMonthlyCost: 0, highestMonthlyCost: 0, currencyCode: limits.currencyCode };',
		tests: ['test/nodes/phoneNumbers/costGuard.test.ts'],
	},
	{
		name: 'post-idempotent',
		guards: 'a POST (purchase, search) is never sent twice blindly',
		file: 'nodes/shared/transport/retryPolicy.ts',
		find: "return method.toUpperCase() !== 'POST';",
		replace: 'return true;',
		tests: ['test/transport/retriesAndErrors.test.ts'],
	},
];
