/**
 * `npm run test:node22`: the unit, transport, engine, node and oracle tests under Node.js 22, the oldest Node.js the
 * package supports (engines ">=22"; n8n's Docker images run it). Installs the registry's `node@22` package into
 * `.local/node-22` when it is missing, then runs jest with that binary; child processes the tests start find it
 * first on PATH. Arguments are passed to jest (`npm run test:node22 -- --maxWorkers=1`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TLS_DIR, ensureTestCertificates } from '../../emulator/tls/ensureTestCertificates';
import { localDir, repoRoot } from '../n8n/paths';
import { formatSeconds, run } from '../n8n/run';

export const NODE_22_DIR = path.join(localDir, 'node-22');
const NODE_22_BIN = path.join(NODE_22_DIR, 'node_modules', 'node', 'bin');
const NODE_22 = path.join(NODE_22_BIN, 'node');
export const NODE_22_TEST_PATHS = [
	'test/unit',
	'test/transport',
	'test/engine',
	'test/nodes',
	'test/oracle',
];

async function installedVersion(): Promise<string | undefined> {
	if (!existsSync(NODE_22)) return undefined;
	const { code, stdout } = await run(NODE_22, ['--version'], { check: false });
	return code === 0 && stdout.startsWith('v22.') ? stdout.trim() : undefined;
}

/** The version of the Node.js 22 in `.local/node-22`, installed first when missing. */
export async function ensureNode22(log: (line: string) => void = console.log): Promise<string> {
	const present = await installedVersion();
	if (present) return present;
	mkdirSync(NODE_22_DIR, { recursive: true });
	const host = {
		name: 'local-node-22',
		private: true,
		description: 'Node.js 22 for npm run test:node22 (git-ignored)',
		// the package's install script puts the platform's binary in place
		allowScripts: { node: true },
	};
	writeFileSync(path.join(NODE_22_DIR, 'package.json'), JSON.stringify(host, null, 2) + '\n');
	log(`Installing node@22 into ${path.relative(repoRoot, NODE_22_DIR)}...`);
	await run(
		'npm',
		['install', '--prefix', NODE_22_DIR, 'node@22', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: NODE_22_DIR, echo: true },
	);
	const installed = await installedVersion();
	if (!installed) throw new Error(`node@22 did not install a working Node.js 22 at ${NODE_22}`);
	return installed;
}

async function main(): Promise<void> {
	const version = await ensureNode22();
	await ensureTestCertificates();
	const jestArgs = process.argv.slice(2);
	console.log(`Node.js ${version}: jest ${[...NODE_22_TEST_PATHS, ...jestArgs].join(' ')}`);
	const started = Date.now();
	const { code } = await run(
		NODE_22,
		[path.join('node_modules', 'jest', 'bin', 'jest.js'), ...NODE_22_TEST_PATHS, ...jestArgs],
		{
			cwd: repoRoot,
			echo: true,
			check: false,
			env: {
				...process.env,
				NODE_EXTRA_CA_CERTS: path.join(DEFAULT_TLS_DIR, 'ca.pem'),
				PATH: `${NODE_22_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
			},
		},
	);
	console.log(
		`Node.js ${version}: jest exited with ${code} after ${formatSeconds(Date.now() - started)}`,
	);
	process.exitCode = code;
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
