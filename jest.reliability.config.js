/** `npm run test:reliability`: faults, bad input, secrets, misdirection, hostile data, concurrency, replay. */
const base = require('./jest.config');
module.exports = {
	...base,
	roots: ['<rootDir>/test/reliability'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 120000,
};
