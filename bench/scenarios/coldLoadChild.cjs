/*
 * Child of scenario 4, run by plain Node (no tsx) in a fresh process: loads a built node module and a built
 * credential from dist/ the way n8n does (require + new), and reports the time and whether @azure/identity
 * was loaded. argv: <node file> <credential file> [useEntra], or `sdk` (loads the official SDK instead). n8n-workflow is loaded first, as n8n has it.
 */
'use strict';
const path = require('node:path');

const [nodeFile, credentialFile, useEntra] = process.argv.slice(2);
const root = path.resolve(__dirname, '../..');
const identityLoaded = () =>
	Object.keys(require.cache).some((file) =>
		file.includes(`${path.sep}@azure${path.sep}identity${path.sep}`),
	);
const exportedClass = (moduleExports) =>
	Object.values(moduleExports).find((value) => typeof value === 'function');

const t0 = performance.now();
require('n8n-workflow');
const t1 = performance.now();
if (nodeFile === 'sdk') {
	// The comparison: what a Code node pays to load the official client.
	require('@azure/communication-phone-numbers');
	process.stdout.write(
		`${JSON.stringify({ n8nWorkflowMs: t1 - t0, loadMs: performance.now() - t1, identityLoadedAfterLoad: identityLoaded(), modulesLoaded: 0 })}\n`,
	);
	process.exit(0);
}
const NodeClass = exportedClass(require(path.join(root, nodeFile)));
const CredentialClass = exportedClass(require(path.join(root, credentialFile)));
const node = new NodeClass();
const credential = new CredentialClass();
const t2 = performance.now();
const report = {
	n8nWorkflowMs: t1 - t0,
	loadMs: t2 - t1,
	nodeName: node.description.name,
	credentialName: credential.name,
	identityLoadedAfterLoad: identityLoaded(),
	modulesLoaded: Object.keys(require.cache).filter((file) =>
		file.startsWith(path.join(root, 'dist')),
	).length,
};

function finish(extra) {
	process.stdout.write(`${JSON.stringify({ ...report, ...extra })}\n`);
	process.exit(0);
}

if (useEntra === 'useEntra') {
	// Ask for a token from a closed port: enough to make the credential load @azure/identity; the failure is expected.
	const fields = {
		endpoint: 'http://127.0.0.1:9/',
		allowCustomEndpoint: true,
		authMethod: 'clientSecret',
		tenantId: '00000000-0000-0000-0000-000000000001',
		clientId: '00000000-0000-0000-0000-000000000002',
		clientSecret: 'not-a-secret',
		authorityHost: 'https://127.0.0.1:9',
	};
	const t3 = performance.now();
	credential.preAuthentication.call({ helpers: {} }, fields).catch(() => undefined);
	setImmediate(() =>
		finish({ identityLoadedAfterUse: identityLoaded(), firstUseMs: performance.now() - t3 }),
	);
} else {
	finish({});
}
