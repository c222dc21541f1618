/**
 * `npm run test:compat`: the tests that run our nodes through the real n8n engine, with n8n-workflow and
 * n8n-core at the versions n8n 1.123.x uses (installed into .local/compat-1x by scripts/compat/ensureEngine1x.ts).
 */
const path = require('node:path');
const base = require('./jest.config');

const engine1x = path.join(__dirname, '.local', 'compat-1x', 'node_modules');

/**
 * Where n8n 1.x itself answers differently, not our nodes: its NodeApiError keeps neither the cause nor its
 * code, name, response body or status, so the Test button shows n8n's generic text ("The service refused the
 * connection") without the status, and a credential's own refusal keeps its message but not our hint; its
 * engine refuses an invalid resource locator value with "The workflow has issues" instead of the field's message.
 */
const differentOn1x = [
	'testCredential \\(the Test button\\) proves an authenticate function',
	'testCredential \\(the Test button\\) fails with the connection error code',
	'refuses a non-ACS endpoint without Allow Custom Endpoint',
	'lets the engine refuse a typed number that is not E\\.164',
];

module.exports = {
	...base,
	roots: [
		'<rootDir>/test/compat',
		'<rootDir>/test/nodes',
		'<rootDir>/test/engine',
		'<rootDir>/test/transport',
	],
	testMatch: ['**/*.test.ts', '**/*.compat.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testNamePattern: `^(?!.*(${differentOn1x.join('|')}))`,
	moduleNameMapper: {
		'^(n8n-workflow|n8n-core)(/.*)?$': `${engine1x}/$1$2`,
	},
};
