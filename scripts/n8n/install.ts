import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureNodeHeaders } from './nodeHeaders';
import { N8N_VERSION, paths } from './paths';
import { formatSeconds, run } from './run';

interface InstallMarker {
	n8nVersion: string;
	nodeVersion: string;
	sqlite3Binding: string;
	installSeconds: number;
	sqliteRebuildSeconds: number;
}

/** Starts the line logged when a complete install is found (the e2e run looks for it). */
export const REUSED_MESSAGE = 'Reusing the installed n8n';
/** Start the lines logged when installing or rebuilding (a second `npm start` must log neither). */
export const INSTALLING_MESSAGES = [
	'Installing n8n',
	'checking sqlite3',
	'Building sqlite3',
] as const;

export interface InstallOptions {
	log?: (line: string) => void;
	/** Reinstall even when a complete install is found. */
	force?: boolean;
}

/**
 * Installs n8n into `.local/n8n` (its own package.json, outside this package's node_modules) and builds
 * sqlite3 for the Node.js that runs this script. Idempotent: a complete install with the same n8n and Node
 * versions is reused. Returns the path of n8n's bin script.
 */
export async function ensureN8nInstalled(options: InstallOptions = {}): Promise<string> {
	const log = options.log ?? ((line: string) => console.log(line));
	const dir = paths.n8nInstallDir;
	if (!options.force && (await isInstallComplete())) {
		log(`${REUSED_MESSAGE} ${N8N_VERSION} from ${relative(dir)}.`);
		return paths.n8nBin;
	}

	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(paths.n8nInstallMarker, { force: true });
	writeHostPackageJson(dir);

	let started = Date.now();
	if (installedN8nVersion() === N8N_VERSION) {
		log(`n8n ${N8N_VERSION} is already in ${relative(dir)}; checking sqlite3...`);
	} else {
		log(`Installing n8n ${N8N_VERSION} into ${relative(dir)} (about 3 minutes, 2.8 GB)...`);
		// --ignore-scripts: a Kafka client's install script downloads from the internet; sqlite3 is built below.
		await run(
			'npm',
			[
				'install',
				`n8n@${N8N_VERSION}`,
				'--ignore-scripts',
				'--save-exact',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{
				cwd: dir,
				echo: true,
			},
		);
	}
	const installSeconds = (Date.now() - started) / 1000;
	log(`n8n installed in ${formatSeconds(Date.now() - started)}.`);

	started = Date.now();
	const sqlite3Dir = findSqlite3();
	const binding = (await sqlite3Loads(sqlite3Dir))
		? sqlite3BindingPath(sqlite3Dir)
		: await rebuildSqlite3(sqlite3Dir, log);
	const sqliteRebuildSeconds = (Date.now() - started) / 1000;
	log(`sqlite3 ready in ${formatSeconds(Date.now() - started)}.`);

	const marker: InstallMarker = {
		n8nVersion: N8N_VERSION,
		nodeVersion: process.version,
		sqlite3Binding: path.relative(dir, binding),
		installSeconds,
		sqliteRebuildSeconds,
	};
	fs.writeFileSync(paths.n8nInstallMarker, JSON.stringify(marker, null, 2) + '\n');
	return paths.n8nBin;
}

async function isInstallComplete(): Promise<boolean> {
	const marker = readMarker();
	if (!marker || marker.n8nVersion !== N8N_VERSION || marker.nodeVersion !== process.version)
		return false;
	if (installedN8nVersion() !== N8N_VERSION || !fs.existsSync(paths.n8nBin)) return false;
	return fs.existsSync(path.join(paths.n8nInstallDir, marker.sqlite3Binding));
}

function readMarker(): InstallMarker | undefined {
	try {
		return JSON.parse(fs.readFileSync(paths.n8nInstallMarker, 'utf8')) as InstallMarker;
	} catch {
		return undefined;
	}
}

function installedN8nVersion(): string | undefined {
	try {
		const pkg = path.join(paths.n8nInstallDir, 'node_modules', 'n8n', 'package.json');
		return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
	} catch {
		return undefined;
	}
}

function writeHostPackageJson(dir: string): void {
	const file = path.join(dir, 'package.json');
	if (fs.existsSync(file)) return;
	const host = {
		name: 'local-n8n-runtime',
		private: true,
		description: 'n8n for npm start and npm run e2e (git-ignored)',
	};
	fs.writeFileSync(file, JSON.stringify(host, null, 2) + '\n');
}

/** The sqlite3 that n8n's TypeORM loads: n8n's own nested copy if it has one, else the hoisted one. */
function findSqlite3(): string {
	const candidates = [
		path.join(paths.n8nInstallDir, 'node_modules', 'n8n', 'node_modules', 'sqlite3'),
		path.join(paths.n8nInstallDir, 'node_modules', 'sqlite3'),
	];
	const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'package.json')));
	if (!found) throw new Error('sqlite3 was not installed with n8n');
	return found;
}

function sqlite3BindingPath(sqlite3Dir: string): string {
	return path.join(sqlite3Dir, 'build', 'Release', 'node_sqlite3.node');
}

async function sqlite3Loads(sqlite3Dir: string): Promise<boolean> {
	if (!fs.existsSync(sqlite3BindingPath(sqlite3Dir))) return false;
	const probe = `const s=require(${JSON.stringify(sqlite3Dir)});new s.Database(':memory:').close()`;
	const result = await run(process.execPath, ['-e', probe], { check: false });
	return result.code === 0;
}

async function rebuildSqlite3(sqlite3Dir: string, log: (line: string) => void): Promise<string> {
	const nodeDir = await ensureNodeHeaders(log);
	const nodeGyp = findNodeGyp();
	log(
		`Building sqlite3 with node-gyp against the Node.js ${process.version} headers (about 1 minute)...`,
	);
	const env = { ...process.env, npm_config_nodedir: nodeDir };
	await run(
		process.execPath,
		[nodeGyp, 'rebuild', '--release', `--nodedir=${nodeDir}`, `--jobs=${jobs()}`],
		{
			cwd: sqlite3Dir,
			env,
		},
	);
	if (!(await sqlite3Loads(sqlite3Dir))) throw new Error('sqlite3 was built but does not load');
	return sqlite3BindingPath(sqlite3Dir);
}

/** node-gyp as shipped with npm (found from the running npm, then next to the global npm), else n8n's copy. */
function findNodeGyp(): string {
	const candidates: string[] = [];
	const npmCli = process.env.npm_execpath;
	if (npmCli)
		candidates.push(
			path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
		);
	candidates.push('/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
	candidates.push('/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
	candidates.push(path.join(paths.n8nInstallDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
	const found = candidates.find((file) => fs.existsSync(file));
	if (!found) throw new Error(`node-gyp not found (looked in: ${candidates.join(', ')})`);
	return found;
}

function jobs(): number {
	return Math.max(1, Math.min(2, require('node:os').availableParallelism?.() ?? 1));
}

function relative(target: string): string {
	return path.relative(process.cwd(), target) || '.';
}

if (require.main === module) {
	const started = Date.now();
	ensureN8nInstalled({ force: process.argv.includes('--force') })
		.then((bin) =>
			console.log(`n8n ${N8N_VERSION} ready: ${bin} (${formatSeconds(Date.now() - started)})`),
		)
		.catch((error: Error) => {
			console.error(error.message);
			process.exit(1);
		});
}
