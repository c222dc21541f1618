/*
 * Profiling aid for scenario 4 (not part of the bench): in a fresh plain-Node process, preloads n8n-workflow (n8n
 * has it loaded), then times require + new of the Phone Numbers node and the connection-string credential from a
 * built tree. argv: [dist directory, default dist]. Run: npm exec -- node bench/tools/coldPhases.cjs [dir]
 */
'use strict';
const path = require('node:path');

const dist = path.resolve(process.argv[2] || 'dist');
require('n8n-workflow');
const firstClass = (exports) => Object.values(exports).find((value) => typeof value === 'function');
const t1 = performance.now();
const NodeClass = firstClass(
	require(
		path.join(dist, 'nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node.js'),
	),
);
const t2 = performance.now();
new NodeClass();
const t3 = performance.now();
const CredentialClass = firstClass(
	require(path.join(dist, 'credentials/AzureCommunicationServicesApi.credentials.js')),
);
new CredentialClass();
const t4 = performance.now();
const ms = (value) => Number(value.toFixed(1));
process.stdout.write(
	`${JSON.stringify({ requireNodeMs: ms(t2 - t1), newNodeMs: ms(t3 - t2), credentialMs: ms(t4 - t3), totalMs: ms(t4 - t1) })}\n`,
);
