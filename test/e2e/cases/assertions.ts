import assert from 'node:assert/strict';
import type { CaseContext } from './types';

/** The run finished without a workflow error; returns the items of the named node. */
export function itemsOf(context: CaseContext, nodeName: string): Array<Record<string, unknown>> {
	assert.equal(
		context.run.error,
		undefined,
		`workflow failed: ${JSON.stringify(context.run.error)}`,
	);
	const node = context.run.nodes[nodeName];
	assert.ok(
		node,
		`node "${nodeName}" did not run (ran: ${Object.keys(context.run.nodes).join(', ')})`,
	);
	assert.equal(node.error, undefined, `node "${nodeName}" failed: ${JSON.stringify(node.error)}`);
	return node.items;
}

/** Every ACS request of the run was authenticated the way the run's credential authenticates. */
export function assertAuthenticatedWith(context: CaseContext): void {
	assert.ok(context.requests.length > 0, 'the emulator saw no ACS request');
	const expected = context.kind === 'entraId' ? 'bearer' : 'hmac';
	const other = context.requests.filter((request) => request.auth !== expected);
	assert.deepEqual(
		other.map(
			(request) =>
				`${request.method} ${request.path} auth=${request.auth} status=${request.status}`,
		),
		[],
		`requests not authenticated with ${expected}`,
	);
}

export function requestsTo(context: CaseContext, method: string, pathPattern: RegExp) {
	return context.requests.filter(
		(request) => request.method === method && pathPattern.test(request.path),
	);
}
