/**
 * The demo workflows a polling trigger of ours starts (`n8n execute` cannot run them): published next to the trigger
 * checks' workflow with the Entra ID credential (their polls are bearer-signed, so the checks' poll detection, which
 * reads HMAC-signed calls, tells them apart), they must run successfully after the changes and name the SIP route
 * that uses the trunk that went unhealthy.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../../emulator';
import { withCredentialKind, type WorkflowFile } from '../../demo/workflows';
import type { N8nRest } from '../../n8n/rest';
import {
	activateWorkflow,
	createWorkflow,
	deactivateWorkflow,
	getExecution,
	listExecutions,
} from '../../n8n/workflowsRest';
import type { Report } from '../report';
import { ROUTE } from './emulatorChanges';

/** A minute between polls, and room for a loaded machine. */
const DEMO_POLL_BOUND_MS = 90_000;

export interface PublishedDemo {
	name: string;
	id: string;
}

export async function publishDemoTriggerWorkflows(
	rest: N8nRest,
	report: Report,
	demos: WorkflowFile[],
): Promise<PublishedDemo[]> {
	const published: PublishedDemo[] = [];
	for (const demo of demos) {
		await report.check(
			`trigger: demo workflow "${demo.name}" published (Entra ID credential)`,
			async () => {
				const { id: _fileId, ...variant } = withCredentialKind(demo, 'entraId', 'En');
				const { id } = await createWorkflow(rest, variant);
				const activated = await activateWorkflow(rest, id);
				assert.equal(activated.active, true, 'n8n answered the activation with active: false');
				published.push({ name: demo.name, id });
			},
		);
	}
	return published;
}

/** After the trigger checks: each demo ran successfully at least once, and its output names the route. */
export async function checkDemoTriggerRuns(
	rest: N8nRest,
	report: Report,
	emulator: RunningEmulator,
	demos: PublishedDemo[],
): Promise<void> {
	for (const demo of demos) {
		await report.check(
			`trigger: demo workflow "${demo.name}" ran when the trunk went unhealthy and lists the route "${ROUTE}"`,
			async () => {
				try {
					// the demo polls every minute on its own schedule: its next poll may still be to come
					const deadline = Date.now() + DEMO_POLL_BOUND_MS;
					for (;;) {
						const runs = await listExecutions(rest, demo.id);
						const details = await Promise.all(runs.map((run) => getExecution(rest, run.id)));
						const outputs = details
							.filter((run) => run.status === 'success')
							.map((run) => JSON.stringify(run.data));
						assert.ok(
							!outputs.some((output) => output.includes(emulator.accessKey)),
							'a run shows the access key',
						);
						if (outputs.some((output) => output.includes(ROUTE))) return;
						if (Date.now() > deadline) {
							const seen = details.map(
								(run) =>
									`${run.id} ${run.status}${run.data.resultData.error ? `: ${run.data.resultData.error.message}` : ''}`,
							);
							throw new Error(
								`no successful run names the route (runs: ${seen.join(', ') || 'none'})`,
							);
						}
						await new Promise((resolve) => setTimeout(resolve, 1_000));
					}
				} finally {
					await deactivateWorkflow(rest, demo.id).catch(() => undefined);
				}
			},
		);
	}
}
