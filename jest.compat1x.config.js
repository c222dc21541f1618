/**
 * `npm run test:compat`: the tests that run our nodes through the real n8n engine, with n8n-workflow and
 * n8n-core at the versions n8n 1.123.x uses (installed into .local/compat-1x by scripts/compat/ensureEngine1x.ts).
 */
const path = require('node:path');
const base = require('./jest.config');

const engine1x = path.join(__dirname, '.local', 'compat-1x', 'node_modules');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/compat', '<rootDir>/test/nodes', '<rootDir>/test/engine', '<rootDir>/test/transport'],
  testMatch: ['**/*.test.ts', '**/*.compat.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^(n8n-workflow|n8n-core)(/.*)?$': `${engine1x}/$1$2`,
  },
};
