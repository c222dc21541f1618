import assert from 'node:assert/strict';
import { startRecordingServer, type RecordingServer } from './recordingServer';
import type { WorkflowCase } from './types';

const OTHER_HOST_BODY = { servedBy: 'the other host' };

/** Each HTTP Request node of the workflow, the ACS call it makes and the redirect the service answers it with. */
const REDIRECTS = [
	{
		node: 'GET, redirect options at their defaults',
		method: 'GET',
		path: '/phoneNumbers',
		status: 302,
	},
	{
		node: 'GET, follow redirects, send credentials on cross-origin redirect',
		method: 'GET',
		path: '/availablePhoneNumbers/countries',
		status: 302,
	},
	{
		node: 'POST, redirect options at their defaults',
		method: 'POST',
		path: '/availablePhoneNumbers/countries/US/:search',
		status: 307,
	},
	{
		node: 'POST, follow redirects, send credentials on cross-origin redirect',
		method: 'POST',
		path: '/availablePhoneNumbers/countries/CA/:search',
		status: 307,
	},
	{
		node: 'GET, version 4.2 at its defaults',
		method: 'GET',
		path: '/availablePhoneNumbers/countries/US/offerings',
		status: 302,
	},
] as const;

const SIGNING_HEADERS = ['authorization', 'x-ms-date', 'x-ms-content-sha256'];

let otherHost: RecordingServer | undefined;

/**
 * n8n's HTTP Request node with our credential as predefined type, the service answering with a redirect to
 * another origin (`localhost` while the endpoint is `127.0.0.1`): version 4.5 with its redirect options at their
 * defaults (follow all redirects), with "Follow Redirects" and "Send Credentials on Cross-Origin Redirect" on, and
 * version 4.2 at its defaults (credentials sent on cross-origin redirects). The other host receives nothing, and
 * each node ends with the redirect as its error (its one item, the nodes continue on error). `processAfterMs: 0`
 * has the emulator check the signature or token of the request it redirected.
 */
export const httpRequestRedirectedElsewhere: WorkflowCase = {
	workflowId: 'e2eHttpRedirect',
	async before(emulator) {
		await otherHost?.close();
		otherHost = await startRecordingServer(OTHER_HOST_BODY);
		for (const redirect of REDIRECTS) {
			await emulator.control.addFault({
				method: redirect.method,
				path: `^${redirect.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
				type: 'status',
				status: redirect.status,
				location: `${otherHost.origin}/stolen${redirect.path}`,
				code: 'Moved',
				message: 'Moved elsewhere.',
				processAfterMs: 0,
			});
		}
	},
	async verify(context) {
		const server = otherHost;
		assert.ok(server, 'the other host was not started');
		try {
			assert.deepEqual(
				server.received.map((request) =>
					[
						request.method,
						request.url,
						...SIGNING_HEADERS.filter((name) => name in request.headers),
					].join(' '),
				),
				[],
				'the other host received requests',
			);
			assert.equal(
				context.run.error,
				undefined,
				`workflow failed: ${JSON.stringify(context.run.error)}`,
			);
			const expectedAuth = context.kind === 'entraId' ? 'bearer' : 'hmac';
			// n8n sends a failed request once more after refreshing a credential that has preAuthentication (Entra ID's token).
			const attempts = context.kind === 'entraId' ? 2 : 1;
			for (const redirect of REDIRECTS) {
				const node = context.run.nodes[redirect.node];
				assert.ok(node, `node "${redirect.node}" did not run`);
				assert.ok(
					!JSON.stringify(node).includes(OTHER_HOST_BODY.servedBy),
					`"${redirect.node}" returned the other host's body`,
				);
				assert.equal(node.items.length, 1, `${redirect.node}: ${JSON.stringify(node.items)}`);
				const { error } = node.items[0] as {
					error?: { name?: string; message?: string; description?: string };
				};
				assert.deepEqual(
					[error?.name, error?.message?.split(' - ')[0], error?.description],
					['NodeApiError', String(redirect.status), 'Moved elsewhere.'],
					`${redirect.node} did not end with the ${redirect.status} as its error: ${JSON.stringify(node.items)}`,
				);
				const calls = context.requests.filter(
					(request) => request.method === redirect.method && request.path === redirect.path,
				);
				const answered = calls.filter((request) => !request.late);
				const processed = calls.filter((request) => request.late);
				assert.deepEqual(
					answered.map((request) => request.status),
					Array(attempts).fill(redirect.status),
					`${redirect.node}: answered ${redirect.status}`,
				);
				assert.deepEqual(
					processed.map((request) => [request.auth, request.status < 300]),
					Array(attempts).fill([expectedAuth, true]),
					`${redirect.node}: the redirected request carried the run's credential`,
				);
			}
		} finally {
			otherHost = undefined;
			await server.close();
		}
	},
};
