/**
 * The emulator is its own implementation of the service: no file under emulator/ may import from nodes/ or
 * credentials/ (static imports, `import type`, re-exports, dynamic import(), require()), so a bug shared by the
 * node and the emulator cannot pass unnoticed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const REPO = resolve(__dirname, '..', '..');
const FORBIDDEN = ['nodes', 'credentials'].map((dir) => join(REPO, dir));

const SPECIFIERS = [
  /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(c|m)?(t|j)sx?$/.test(name) ? [path] : [];
  });
}

/** "file: specifier" for every import of `file` that resolves into a forbidden directory. */
function forbiddenImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
      const target = resolve(dirname(file), specifier);
      if (FORBIDDEN.some((dir) => target === dir || target.startsWith(dir + sep)))
        found.push(`${relative(REPO, file)}: ${specifier}`);
    }
  }
  return found;
}

describe('the emulator stands on its own', () => {
  test('the scan finds every kind of import into nodes/ or credentials/', () => {
    const file = join(REPO, 'emulator', 'sip', 'example.ts');
    const text = [
      "import { a } from '../../nodes/shared/acs/sip/mergePatch';",
      "import type { B } from '../../nodes/shared/acs/sip/types';",
      "export { c } from '../../credentials/AzureCommunicationServicesApi.credentials';",
      "const d = await import('../../nodes/x');",
      "const e = require('../../credentials/y');",
      "import '../../nodes/side-effect';",
      "import { fine } from '../core/types';",
      "import { ok } from 'node:fs';",
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual([
      'emulator/sip/example.ts: ../../nodes/shared/acs/sip/mergePatch',
      'emulator/sip/example.ts: ../../nodes/shared/acs/sip/types',
      'emulator/sip/example.ts: ../../credentials/AzureCommunicationServicesApi.credentials',
      'emulator/sip/example.ts: ../../nodes/side-effect',
      'emulator/sip/example.ts: ../../nodes/x',
      'emulator/sip/example.ts: ../../credentials/y',
    ]);
  });

  test('no file under emulator/ imports from nodes/ or credentials/', () => {
    const files = sourceFiles(join(REPO, 'emulator'));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
