import * as path from 'node:path';
import {
	DEFAULT_N8N_VERSION,
	localDir,
	n8nInstallDirFor,
	n8nVersionFromArgs,
} from '../../../scripts/n8n/paths';

describe('--n8n-version', () => {
	it('defaults to the version the package is developed against', () => {
		expect(n8nVersionFromArgs(['node', 'e2e.ts', '--only=x'])).toBe(DEFAULT_N8N_VERSION);
	});

	it.each([[['--n8n-version', '2.33.2']], [['--n8n-version=2.33.2']]])('reads %j', (args) => {
		expect(n8nVersionFromArgs(['node', 'e2e.ts', ...args, '--per-node'])).toBe('2.33.2');
	});

	it.each([[['--n8n-version']], [['--n8n-version', '--per-node']], [['--n8n-version=latest']]])(
		'refuses %j',
		(args) => {
			expect(() => n8nVersionFromArgs(['node', 'e2e.ts', ...args])).toThrow(/needs a version/);
		},
	);

	it('installs other versions next to the default one, never into it', () => {
		expect(n8nInstallDirFor(DEFAULT_N8N_VERSION)).toBe(path.join(localDir, 'n8n'));
		expect(n8nInstallDirFor('2.33.2')).toBe(path.join(localDir, 'n8n-2.33.2'));
	});
});
