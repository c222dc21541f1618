/** Unit tests of the real-n8n scripts' pure helpers; `npm run e2e` runs them first (they need no n8n). */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/e2e/unit'],
	testPathIgnorePatterns: ['/node_modules/'],
	reporters: ['default'],
};
