import { config } from '@n8n/node-cli/eslint';

/**
 * n8n's community-node rules, unchanged, for everything this package ships (nodes/, credentials/, package.json).
 *
 * Two deliberate exceptions, one file each:
 * - The Entra ID credential needs @azure/identity (service principal secret or certificate, managed identity,
 *   workload identity). It is the package's only runtime dependency, loaded lazily by one file only when that
 *   credential is used. That makes this a self-hosted (not n8n Cloud) package.
 * - Route patterns are matched on a worker thread (node:worker_threads), which can be stopped in the middle of a
 *   match, so that a pattern that backtracks for minutes never blocks n8n's event loop. One file owns the thread.
 *
 * Not linted by these rules: the emulator, tests, benchmarks and scripts. They are development tooling, never
 * shipped (package.json "files" is dist/ only), and legitimately use process, timers and the file system.
 * They are type-checked by `npm run typecheck`.
 */
const AZURE_IDENTITY_LOADER = 'credentials/common/loadAzureIdentity.ts';
const REGEX_THREAD = 'nodes/shared/regexBudget/regexWorker.ts';

export default [
	{
		ignores: [
			'emulator/**',
			'test/**',
			'bench/**',
			'scripts/**',
			'build/**',
			'demo/**',
			'docs/**',
			'.local/**',
			'coverage/**',
			'*.config.js',
			'*.config.mjs',
		],
	},
	...config,
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		files: [AZURE_IDENTITY_LOADER, REGEX_THREAD],
		rules: { '@n8n/community-nodes/no-restricted-imports': 'off' },
	},
];
