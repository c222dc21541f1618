/**
 * Installs the n8n 1.x engine (n8n-workflow and n8n-core at the versions n8n 1.123.x uses) into
 * `.local/compat-1x`, from the npm registry, when it is missing or at other versions. n8n 1.x itself
 * cannot be installed offline from the registry alone: its nodes depend on a tarball from a CDN.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../n8n/run';
import { ENGINE_1X_PACKAGES, engine1xDir, engine1xModules } from './engine1x';

type PackageName = keyof typeof ENGINE_1X_PACKAGES;

function installedVersion(name: PackageName): string | undefined {
	try {
		const manifest = fs.readFileSync(path.join(engine1xModules, name, 'package.json'), 'utf8');
		return (JSON.parse(manifest) as { version: string }).version;
	} catch {
		return undefined;
	}
}

export function missingEngine1xPackages(): string[] {
	return (Object.keys(ENGINE_1X_PACKAGES) as PackageName[])
		.filter((name) => installedVersion(name) !== ENGINE_1X_PACKAGES[name])
		.map((name) => `${name}@${ENGINE_1X_PACKAGES[name]}`);
}

export async function ensureEngine1x(log: (line: string) => void = console.log): Promise<void> {
	const missing = missingEngine1xPackages();
	if (missing.length === 0) {
		log(`n8n 1.x engine present in ${path.relative(process.cwd(), engine1xDir)}.`);
		return;
	}
	fs.mkdirSync(engine1xDir, { recursive: true });
	const hostManifest = path.join(engine1xDir, 'package.json');
	if (!fs.existsSync(hostManifest)) {
		const host = {
			name: 'local-n8n-1x-engine',
			private: true,
			description: 'n8n 1.x engine for npm run test:compat (git-ignored)',
		};
		fs.writeFileSync(hostManifest, JSON.stringify(host, null, 2) + '\n');
	}
	log(`Installing ${missing.join(', ')} into ${path.relative(process.cwd(), engine1xDir)}...`);
	const specs = Object.entries(ENGINE_1X_PACKAGES).map(([name, version]) => `${name}@${version}`);
	// --ignore-scripts: the engine needs no build step; optional native add-ons (ssh2, sentry) stay unbuilt.
	await run(
		'npm',
		[
			'install',
			...specs,
			'--ignore-scripts',
			'--save-exact',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: engine1xDir,
			echo: true,
		},
	);
	const stillMissing = missingEngine1xPackages();
	if (stillMissing.length > 0) throw new Error(`not installed: ${stillMissing.join(', ')}`);
}

if (require.main === module) {
	ensureEngine1x().catch((error: Error) => {
		console.error(error.message);
		process.exit(1);
	});
}
