/**
 * "Fetch Test Event" in the editor, as a workflow builder uses it: open the trigger node of a saved workflow, click the
 * button, and see an event of the chosen kind in the output panel.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../../emulator';
import { CONNECTION_STRING_CREDENTIAL } from '../../demo/credentials';
import type { N8nRest } from '../../n8n/rest';
import { createWorkflow } from '../../n8n/workflowsRest';
import type { Report } from '../report';
import { buyNumbers, setUpSip } from './emulatorChanges';
import { PHONE_NUMBERS_TRIGGER_TYPE, SIP_ROUTING_TRIGGER_TYPE } from './triggerScenarios';

export interface TestEventWorkflow {
	id: string;
	nodeName: string;
	title: string;
	/** Text the output panel must show. */
	expected: string;
	screenshot: string;
}

const TRIGGERS = [
	{
		title: 'Azure Communication Phone Numbers Trigger',
		nodeName: 'When a number is purchased',
		type: PHONE_NUMBERS_TRIGGER_TYPE,
		events: ['numberPurchased'],
		screenshot: 'trigger-phone-numbers-fetch-test-event',
	},
	{
		title: 'Azure Communication SIP Routing Trigger',
		nodeName: 'When the SIP configuration changes',
		type: SIP_ROUTING_TRIGGER_TYPE,
		events: ['configurationChanged'],
		screenshot: 'trigger-sip-routing-fetch-test-event',
	},
];

/** Saves one workflow per trigger (not published) and gives the emulator something each can show. */
export async function prepareTestEventWorkflows(
	rest: N8nRest,
	emulator: RunningEmulator,
): Promise<TestEventWorkflow[]> {
	await buyNumbers(emulator, 1);
	await setUpSip(emulator);
	const prepared: TestEventWorkflow[] = [];
	for (const trigger of TRIGGERS) {
		const saved = await createWorkflow(rest, {
			name: `E2E: Fetch Test Event of the ${trigger.title}`,
			connections: {},
			nodes: [
				{
					id: randomUUID(),
					name: trigger.nodeName,
					type: trigger.type,
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'connectionString', events: trigger.events },
					credentials: {
						[CONNECTION_STRING_CREDENTIAL.type]: {
							id: CONNECTION_STRING_CREDENTIAL.id,
							name: CONNECTION_STRING_CREDENTIAL.name,
						},
					},
				},
			],
		});
		prepared.push({
			id: saved.id,
			nodeName: trigger.nodeName,
			title: trigger.title,
			expected: trigger.events[0],
			screenshot: trigger.screenshot,
		});
	}
	return prepared;
}

export async function checkFetchTestEvent(options: {
	page: Page;
	baseUrl: string;
	report: Report;
	workflow: TestEventWorkflow;
	shot: (name: string) => Promise<unknown>;
}): Promise<void> {
	const { page, workflow } = options;
	const passed = await options.report.check(
		`editor: ${workflow.title}: "Fetch Test Event" shows a ${workflow.expected} event in the output panel`,
		async () => {
			await page.goto(`${options.baseUrl}/workflow/${workflow.id}`);
			await page
				.locator('[data-test-id="canvas-node"]', { hasText: workflow.nodeName })
				.first()
				.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor({ timeout: 15_000 });
			await ndv
				.getByRole('button', { name: /fetch test event/i })
				.first()
				.click();
			const output = page.locator('[data-test-id="output-panel"]');
			await output
				.locator('[data-test-id="radio-button-json"]')
				.click({ timeout: 30_000 })
				.catch(() => undefined);
			await output.getByText(workflow.expected).first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(400);
			await options.shot(workflow.screenshot);
			await page.keyboard.press('Escape');
		},
	);
	if (!passed) await options.shot(`failed-${workflow.screenshot}`).catch(() => undefined);
}
