/** `npm run test:compat` runs against n8n 1.x's engine, not the 2.x one in node_modules. */
import * as path from 'node:path';
import { ENGINE_1X_PACKAGES } from '../../scripts/compat/engine1x';

const versionOf = (manifest: string) => (require(manifest) as { version: string }).version;

describe('the engine under test', () => {
	it.each(Object.entries(ENGINE_1X_PACKAGES))('%s is %s', (name, version) => {
		expect(versionOf(`${name}/package.json`)).toBe(version);
	});

	it('n8n-core runs on that same n8n-workflow', () => {
		const coreFolder = path.dirname(require.resolve('n8n-core/package.json'));
		const workflowManifest = require.resolve('n8n-workflow/package.json', { paths: [coreFolder] });
		expect(versionOf(workflowManifest)).toBe(ENGINE_1X_PACKAGES['n8n-workflow']);
	});
});
