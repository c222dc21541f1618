/**
 * The emulator is its own implementation of the service: nothing reachable from a file under emulator/ may load
 * code from nodes/ or credentials/, so a bug shared by the node and the emulator cannot pass unnoticed. The scan
 * (test/support/importScan) follows every import transitively with symlinks resolved; standaloneBypasses.test.ts
 * proves it catches each way around it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { scanImports } from '../support/importScan';

const REPO = resolve(__dirname, '..', '..');

test('nothing reachable from emulator/ loads nodes/ or credentials/, and emulator/ has no symbolic link', () => {
	const packageName = (
		JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string }
	).name;
	const { problems, followed } = scanImports({
		root: REPO,
		start: join(REPO, 'emulator'),
		forbidden: [join(REPO, 'nodes'), join(REPO, 'credentials')],
		packageName,
	});
	expect(problems).toEqual([]);
	expect(followed).toEqual(
		expect.arrayContaining(['emulator/index.ts', 'emulator/cli.ts', 'emulator/sip/state.ts']),
	);
	expect(followed.length).toBeGreaterThan(50);
});
