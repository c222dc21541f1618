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
	/** Per-test timeout in ms when the mutation makes a guarded test wait instead of fail (default 120 000). */
	testTimeoutMs?: number;
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
			'export function checkCostGuard(numbers: PricedNumber[], limits: CostLimits): CostGuardVerdict {\n\tif (numbers.length) return { allowed: true, totalMonthlyCost: 0, highestMonthlyCost: 0, currencyCode: limits.currencyCode, costByCurrency: [] };',
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
	{
		name: 'scrubber-identity',
		guards: 'secrets: every text from a response passes the scrubber',
		file: 'nodes/shared/transport/scrub.ts',
		find: 'export function scrubSecrets(text: string, budget = new ScrubBudget()): string {',
		replace:
			'export function scrubSecrets(text: string, budget = new ScrubBudget()): string {\n\tif (budget) return text;',
		tests: ['test/reliability/leakEcho.test.ts'],
		reliability: true,
	},
	{
		name: 'purchase-doubt-counts-as-refusal',
		guards: 'money: "not purchased" only on definitive evidence',
		file: 'nodes/AzureCommunicationPhoneNumbers/actions/helpers/purchaseStart.ts',
		find: "if (acs?.ambiguous) return 'inDoubt';",
		replace: "if (acs?.ambiguous) return 'refused';",
		tests: ['test/reliability/lateProcessing.test.ts'],
		reliability: true,
	},
	{
		name: 'regex-budget-unbounded',
		guards: 'availability: route patterns are evaluated within a time budget',
		file: 'nodes/shared/regexBudget/budgetedMatcher.ts',
		find: '\ttotalMs: 100,\n\tperQuestionMs: 25,',
		replace: '\ttotalMs: 3_600_000,\n\tperQuestionMs: 3_600_000,',
		tests: ['test/unit/regexBudget/budgetedMatcher.test.ts'],
		testTimeoutMs: 20_000,
	},
	{
		name: 'body-cap-off',
		guards: 'emulator: every request body is capped (413)',
		file: 'emulator/core/bodyLimit.ts',
		find: "\tconst declared = message.headers['content-length'];",
		replace:
			"\tmaxBytes = Number.MAX_SAFE_INTEGER;\n\tconst declared = message.headers['content-length'];",
		tests: ['test/emulator/core/bodyLimits.test.ts'],
		testTimeoutMs: 20_000,
	},
	{
		name: 'control-guard-off',
		guards: 'emulator: control API only for loopback Host, same origin, JSON',
		file: 'emulator/core/controlGuard.ts',
		find: 'export function controlRefusal(message: IncomingMessage, method: string): string | undefined {',
		replace:
			'export function controlRefusal(message: IncomingMessage, method: string): string | undefined {\n  if (method) return undefined;',
		tests: ['test/emulator/core/controlApiGuard.test.ts'],
	},
	{
		name: 'redirect-followed-on-legacy-path',
		guards: 'host pin: credentials stop redirects on every request path',
		file: 'credentials/common/prepareAcsRequest.ts',
		find: '\t\tfollowRedirect: false,\n\t\tfollowAllRedirects: false,\n\t\tmaxRedirects: 0,\n',
		replace: '',
		tests: ['test/reliability/redirects.test.ts'],
		reliability: true,
	},
	{
		name: 'redirect-is-success',
		guards: 'a 3xx from the service is an error, never data',
		file: 'nodes/shared/transport/request.ts',
		find: 'if (response.statusCode >= 300)\n',
		replace: 'if (response.statusCode >= 400)\n',
		tests: ['test/reliability/redirects.test.ts'],
		reliability: true,
	},
	{
		name: 'repeated-pages-accepted',
		guards: 'scale: an endless or circular nextLink chain ends',
		file: 'nodes/shared/transport/pageChainGuard.ts',
		find: 'const earlier = print === undefined ? undefined : this.pagesSeen.get(print);',
		replace:
			'const earlier = print === undefined ? undefined : this.pagesSeen.get(`never ${print}`);',
		tests: ['test/unit/transport/pageChainGuard.test.ts'],
	},
	{
		name: 'stored-sip-document-trusted',
		guards: 'availability: a SIP document the service could not hold is refused',
		file: 'nodes/AzureCommunicationSipRouting/helpers/storedDocument.ts',
		find: 'export function storedDocumentProblem(body: unknown): string | undefined {',
		replace:
			'export function storedDocumentProblem(body: unknown): string | undefined {\n\tif (body !== Symbol.iterator) return undefined;',
		tests: ['test/reliability/hostileSipDocument.test.ts'],
		reliability: true,
	},
	{
		name: 'registered-secrets-ignored',
		guards: 'secrets: a credential value is removed even without a marker',
		file: 'nodes/shared/transport/registeredSecrets.ts',
		find: 'export function redactRegistered(text: string): string {',
		replace:
			'export function redactRegistered(text: string): string {\n\tif (text !== undefined) return text;',
		tests: ['test/reliability/bareSecretEcho.test.ts'],
		reliability: true,
	},
	{
		name: 'outputs-unscrubbed',
		guards: 'secrets: every output item passes the scrubber where it leaves the node',
		file: 'nodes/shared/node/scrubOutput.ts',
		find: '\tconst json = scrubDeep(item.json);',
		replace: '\tconst json = item.json;',
		tests: ['test/reliability/leakEcho.test.ts'],
		reliability: true,
	},
	{
		name: 'idle-workers-wait-forever',
		guards: 'availability: a run with Concurrency ends once every item is done',
		file: 'nodes/shared/node/runItems.ts',
		find: 'if (stopped || signal?.aborted || next >= itemCount) return false;',
		replace: 'if (stopped || signal?.aborted) return false;',
		tests: ['test/nodes/phoneNumbers/throttling.test.ts'],
		testTimeoutMs: 40_000,
	},
	{
		name: 'sip-read-back-unchecked',
		guards: 'SIP: an edit another execution replaced is never reported as done',
		file: 'nodes/AzureCommunicationSipRouting/helpers/editIntent.ts',
		find: 'export function editsNotStored(intent: EditIntent, stored: SipConfiguration): string[] {',
		replace:
			'export function editsNotStored(intent: EditIntent, stored: SipConfiguration): string[] {\n\tif (stored !== undefined) return [];',
		tests: ['test/nodes/sip/concurrentEdits.test.ts'],
	},
	{
		name: 'sip-route-recheck-skipped',
		guards:
			'SIP: a route edit replaced after its read-back by a write from an older read is never reported as done',
		file: 'nodes/AzureCommunicationSipRouting/helpers/routeRecheck.ts',
		find: '	if (missing.length > 0 || !writesRouteList(intent)) return { stored, missing };',
		replace: '	if (missing.length >= 0 || !writesRouteList(intent)) return { stored, missing };',
		tests: ['test/nodes/sip/concurrentEdits.test.ts'],
	},
	{
		name: 'learnt-cadence-shared',
		guards: 'per-process state: what one credential learnt is not used by another',
		file: 'nodes/shared/transport/lro.ts',
		find: "\treturn `${endpoint} ${await credentialKeyOf(ctx, itemIndex)} ${operationId.split('_')[0]}`;",
		replace: "\treturn `${endpoint} ${operationId.split('_')[0]}`;",
		tests: ['test/transport/perCredentialState.test.ts'],
	},
];
