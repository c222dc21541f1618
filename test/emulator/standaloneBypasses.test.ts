/**
 * Each way around the emulator-independence scan, built in a temporary copy of the repository layout (package.json,
 * nodes/, credentials/, scripts/, emulator/), is reported; the same layout without the bypass is clean.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { scanImports } from '../support/importScan';

const PACKAGE = 'n8n-nodes-example';
let repo: string;

function write(path: string, text: string): void {
	mkdirSync(dirname(join(repo, path)), { recursive: true });
	writeFileSync(join(repo, path), text);
}

function scan() {
	return scanImports({
		root: repo,
		start: join(repo, 'emulator'),
		forbidden: [join(repo, 'nodes'), join(repo, 'credentials')],
		packageName: PACKAGE,
	});
}

beforeEach(() => {
	repo = mkdtempSync(join(tmpdir(), 'standalone-'));
	write('package.json', JSON.stringify({ name: PACKAGE }));
	write('nodes/shared/phoneNumber.ts', 'export const normalise = (text: string) => text;\n');
	write('credentials/Api.credentials.ts', 'export class Api {}\n');
	write(
		'emulator/index.ts',
		"import { join } from 'node:path';\nimport { helper } from './core/helper';\nexport const start = () => join(helper(), 'x');\n",
	);
	write(
		'emulator/core/helper.ts',
		"/* require('../../nodes/x') in a comment is not a load */\nexport const helper = () => 'file: not a URL';\n",
	);
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

test('the layout without a bypass is clean, and every emulator file is read', () => {
	expect(scan()).toEqual({
		problems: [],
		followed: ['emulator/core/helper.ts', 'emulator/index.ts'],
	});
});

test.each([
	[
		'a static import',
		"import { normalise } from '../nodes/shared/phoneNumber';",
		'emulator/sneak.ts:1: ../nodes/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	],
	[
		'import type',
		"import type { Api } from '../credentials/Api.credentials';",
		'emulator/sneak.ts:1: ../credentials/Api.credentials -> credentials/Api.credentials.ts',
	],
	[
		'a re-export',
		"export * from '../nodes/shared/phoneNumber';",
		'emulator/sneak.ts:1: ../nodes/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	],
	[
		'a literal dynamic import()',
		"export const load = () => import('../nodes/shared/phoneNumber');",
		'emulator/sneak.ts:1: ../nodes/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	],
	[
		'a literal require()',
		"export const n = require('../nodes/shared/phoneNumber');",
		'emulator/sneak.ts:1: ../nodes/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	],
	[
		'a .js specifier',
		"export * from '../nodes/shared/phoneNumber.js';",
		'emulator/sneak.ts:1: ../nodes/shared/phoneNumber.js -> nodes/shared/phoneNumber.ts',
	],
	[
		'require() of a computed string',
		"const base = '../nodes/';\nexport const n = require(base + 'shared/phoneNumber');",
		'emulator/sneak.ts:2: require() of something other than a string literal',
	],
	[
		'import() of a template with a value',
		"const dir = 'nodes';\nexport const n = import(`../${dir}/shared/phoneNumber`);",
		'emulator/sneak.ts:2: import() of something other than a string literal',
	],
	[
		'require.resolve() of a computed string',
		"const p = '../nodes';\nexport const n = require.resolve(p);",
		'emulator/sneak.ts:2: require() of something other than a string literal',
	],
	[
		'require passed around',
		"const load = require;\nexport const n = load('../nodes/shared/phoneNumber');",
		'emulator/sneak.ts:1: require used as a value',
	],
	[
		'createRequire(__filename)',
		"import { createRequire } from 'node:module';\nexport const n = createRequire(__filename)('../nodes/shared/phoneNumber');",
		'emulator/sneak.ts:2: createRequire() (its require loads any path)',
	],
	[
		'a file: URL',
		"export const n = import('file:../nodes/shared/phoneNumber.ts');",
		'emulator/sneak.ts:1: file: URL "file:../nodes/shared/phoneNumber.ts"',
	],
	[
		'a file:// URL built at run time',
		"const dir = 'nodes';\nexport const u = new URL(`file://${dir}`);",
		'emulator/sneak.ts:2: file: URL "file://"',
	],
	[
		'the package itself by name',
		`export * from '${PACKAGE}/dist/nodes/shared/phoneNumber';`,
		`emulator/sneak.ts:1: the package itself by name (${PACKAGE}/dist/nodes/shared/phoneNumber)`,
	],
	[
		'eval',
		'export const n = eval("require(\'../nodes/shared/phoneNumber\')");',
		'emulator/sneak.ts:1: eval() (runs code built at run time)',
	],
	[
		'a relative import of no file',
		"export * from './missing';",
		'emulator/sneak.ts:1: ./missing resolves to no file',
	],
])('%s is reported', (_label, text, problem) => {
	write('emulator/sneak.ts', `${text}\n`);
	expect(scan().problems).toContain(problem);
});

test('a re-export through a file outside emulator/ and nodes/ is followed', () => {
	write(
		'scripts/review/reexport.ts',
		"export { normalise } from '../../nodes/shared/phoneNumber';\n",
	);
	write('emulator/sneak.ts', "export { normalise } from '../scripts/review/reexport';\n");
	const { problems, followed } = scan();
	expect(problems).toEqual([
		'scripts/review/reexport.ts:1: ../../nodes/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	]);
	expect(followed).toContain('scripts/review/reexport.ts');
});

test('a symbolic link under emulator/ into nodes/ is reported, and so is the import through it', () => {
	symlinkSync('../nodes', join(repo, 'emulator', 'linked'));
	write('emulator/sneak.ts', "export { normalise } from './linked/shared/phoneNumber';\n");
	expect(scan().problems).toEqual([
		'emulator/linked: a symbolic link',
		'emulator/sneak.ts:1: ./linked/shared/phoneNumber -> nodes/shared/phoneNumber.ts',
	]);
});

test('a symbolic link to a file is reported even when nothing imports it', () => {
	symlinkSync(
		join(repo, 'nodes', 'shared', 'phoneNumber.ts'),
		join(repo, 'emulator', 'core', 'numbers.ts'),
	);
	expect(scan().problems).toEqual(['emulator/core/numbers.ts: a symbolic link']);
});

test('files in node_modules are not followed; other packages are fine', () => {
	write(
		'node_modules/some-lib/index.js',
		"module.exports = require('../../nodes/shared/phoneNumber');\n",
	);
	write(
		'emulator/sneak.ts',
		"import lib from 'some-lib';\nimport { readFileSync } from 'node:fs';\nexport { lib, readFileSync };\n",
	);
	expect(scan().problems).toEqual([]);
});
