import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../emulator';
import { CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL } from '../demo/credentials';
import type { OwnerAccount } from '../n8n/rest';
import {
	actionInPanel,
	checkNodeCreatorSearches,
	nodeInCreator,
	searchNodeCreator,
} from './nodeCreatorSearchChecks';
import {
	isTriggerSearch,
	NODE_CREATOR_SEARCHES,
	PHONE_NUMBERS_NODE,
	SIP_ROUTING_NODE,
} from './nodeCreatorSearches';
import type { Report } from './report';
import { checkFetchTestEvent, type TestEventWorkflow } from './triggers/fetchTestEvent';

/** What a user must find in the editor for one of our nodes. */
export interface NodeInEditor {
	search: string;
	displayName: string;
	/** Some of the actions (operations) the node creator must list. */
	expectedActions: string[];
	/** The action to add to the canvas. */
	actionToAdd: string;
	/** A dropdown filled from the emulator (loadOptions), with options it must offer. */
	dropdown?: { parameter: string; expectedOptions: string[]; requestPath: RegExp };
	screenshotPrefix: string;
}

export const NODES_IN_EDITOR: NodeInEditor[] = [
	{
		search: 'phone',
		displayName: PHONE_NUMBERS_NODE,
		expectedActions: [
			'Search and purchase phone numbers',
			'Browse available phone numbers',
			'List countries',
			'Reserve phone numbers',
			'Purchase the phone numbers of a reservation',
			'Get many phone numbers',
			'Release a phone number',
			'Look up operator information',
			'Wait for a long running operation to complete',
		],
		actionToAdd: 'Search available phone numbers',
		dropdown: {
			parameter: 'countryCode',
			expectedOptions: ['United States (US)', 'Canada (CA)', 'United Kingdom (GB)'],
			requestPath: /^\/availablePhoneNumbers\/countries$/,
		},
		screenshotPrefix: 'phone-numbers',
	},
	{
		search: 'SIP',
		displayName: SIP_ROUTING_NODE,
		expectedActions: [
			'Create or update a SIP trunk',
			'Get many voice routes',
			'Set all voice routes',
			'Create or update a domain',
			'Apply a desired SIP configuration',
			'Test which route handles a number',
		],
		actionToAdd: 'Get the SIP configuration',
		screenshotPrefix: 'sip-routing',
	},
];

export interface EditorCheckOptions {
	page: Page;
	baseUrl: string;
	owner: OwnerAccount;
	emulator: RunningEmulator;
	report: Report;
	screenshotsDir: string;
	/** Where screenshots of failed steps go (not committed). */
	failureShotsDir: string;
	/** Workflows to open and photograph; with `executeNodes`, run them from the editor first and open the last node. */
	workflowShots: Array<{ id: string; file: string; executeNodes?: string[] }>;
	/** Saved workflows with one trigger each, for "Fetch Test Event". */
	testEventWorkflows?: TestEventWorkflow[];
	/** Only what concerns the triggers: their node creator searches and "Fetch Test Event". */
	triggersOnly?: boolean;
}

/** Drives the real editor in chromium: log in, find and add each node, check what the user sees. */
export async function checkEditor(options: EditorCheckOptions): Promise<void> {
	const { page, report } = options;
	fs.mkdirSync(options.screenshotsDir, { recursive: true });
	const shot = (name: string) =>
		page.screenshot({ path: path.join(options.screenshotsDir, `${name}.png`) });
	// leaving an unsaved workflow asks "leave this page?": yes
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	// the editor is slow to load and render when other n8n instances share the machine's cores
	page.setDefaultNavigationTimeout(120_000);
	page.setDefaultTimeout(60_000);

	const loggedIn = await report.check('editor: log in as the owner', () =>
		logIn(page, options.baseUrl, options.owner),
	);
	if (!loggedIn) {
		await shot('failed-login').catch(() => undefined);
		return;
	}
	for (const node of options.triggersOnly ? [] : NODES_IN_EDITOR) {
		await checkNode(options, node, shot);
	}
	await checkNodeCreatorSearches({
		page,
		baseUrl: options.baseUrl,
		report,
		screenshotsDir: options.screenshotsDir,
		searches: options.triggersOnly ? NODE_CREATOR_SEARCHES.filter(isTriggerSearch) : undefined,
	});
	for (const workflow of options.testEventWorkflows ?? []) {
		await checkFetchTestEvent({ page, baseUrl: options.baseUrl, report, workflow, shot });
	}
	for (const workflow of options.workflowShots) {
		const verb = workflow.executeNodes ? 'execute' : 'open';
		await report.check(`editor: ${verb} workflow ${workflow.id} and photograph it`, async () => {
			await page.goto(`${options.baseUrl}/workflow/${workflow.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
			await page
				.locator('[data-test-id="zoom-to-fit"]')
				.click()
				.catch(() => undefined);
			if (workflow.executeNodes) await executeInEditor(page, workflow.executeNodes.length);
			await page.waitForTimeout(500);
			await shot(workflow.file);
			const lastNode = workflow.executeNodes?.[workflow.executeNodes.length - 1];
			if (lastNode) {
				await page
					.locator('[data-test-id="canvas-node"]', { hasText: lastNode })
					.first()
					.dblclick();
				await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 15_000 });
				await page
					.locator('[data-test-id="output-panel"] [data-test-id="radio-button-json"]')
					.click()
					.catch(() => undefined);
				await page.waitForTimeout(500);
				await shot(`${workflow.file}-output`);
				await page.keyboard.press('Escape');
			}
		});
	}
}

/** Clicks "Execute workflow" and waits until every node shows success; fails on an error mark. */
async function executeInEditor(page: Page, nodeCount: number): Promise<void> {
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	const succeeded = page.locator('[data-test-id="canvas-node-status-success"]');
	const failed = page.locator('[data-test-id="canvas-node-status-error"]');
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if ((await failed.count()) > 0) throw new Error('a node failed when run from the editor');
		if ((await succeeded.count()) >= nodeCount) return;
		await page.waitForTimeout(250);
	}
	throw new Error(`only ${await succeeded.count()} of ${nodeCount} nodes succeeded within 60 s`);
}

async function logIn(page: Page, baseUrl: string, owner: OwnerAccount): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('[data-test-id="emailOrLdapLoginId"] input').fill(owner.email);
	await page.locator('[data-test-id="password"] input').fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function checkNode(
	options: EditorCheckOptions,
	node: NodeInEditor,
	shot: (name: string) => Promise<unknown>,
): Promise<void> {
	const { page, report, baseUrl } = options;
	const creator = page.locator('[data-test-id="node-creator"]');

	const failureShot = async (step: string) => {
		fs.mkdirSync(options.failureShotsDir, { recursive: true });
		const file = path.join(options.failureShotsDir, `${node.screenshotPrefix}-${step}.png`);
		await page.screenshot({ path: file }).catch(() => undefined);
		console.log(`    screenshot of the failure: ${path.relative(process.cwd(), file)}`);
	};
	const found = await report.check(
		`editor: searching "${node.search}" finds ${node.displayName}`,
		async () => {
			await searchNodeCreator(page, baseUrl, node.search);
			await nodeInCreator(creator, node.displayName).waitFor({ timeout: 15_000 });
			await page.waitForTimeout(400);
			await shot(`${node.screenshotPrefix}-search`);
		},
	);
	if (!found) return failureShot('search');

	const listed = await report.check(
		`editor: ${node.displayName} lists its operations`,
		async () => {
			await nodeInCreator(creator, node.displayName).click();
			await actionInPanel(creator, node.actionToAdd);
			// the panel renders its sections one after the other: give the last ones a moment
			let missing: string[] = [];
			for (let attempt = 0; attempt < 20; attempt++) {
				const panel = await creator.innerText();
				missing = node.expectedActions.filter((action) => !panel.includes(action));
				if (missing.length === 0) break;
				await page.waitForTimeout(250);
			}
			assert.deepEqual(missing, [], 'operations missing from the node creator');
			await page.waitForTimeout(400);
			await shot(`${node.screenshotPrefix}-operations`);
		},
	);
	if (!listed) return failureShot('operations');

	const lastSeqBefore = Math.max(
		0,
		...(await options.emulator.control.requestLog()).map((request) => request.seq),
	);
	const added = await report.check(
		`editor: add "${node.actionToAdd}" and pick a credential`,
		async () => {
			await creator.getByText(node.actionToAdd, { exact: true }).click();
			await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 15_000 });
			await page.locator('[data-test-id="node-credentials-select"]').click();
			// the list fills in after it opens: wait for one of ours before reading it
			await page
				.locator(`[data-test-id="node-credentials-select-item-${CONNECTION_STRING_CREDENTIAL.id}"]`)
				.waitFor()
				.catch(() => undefined);
			const offered = await page
				.locator('[data-test-id^="node-credentials-select-item-"]')
				.allInnerTexts();
			for (const credential of [CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL]) {
				assert.ok(
					offered.some((text) => text.includes(credential.name)),
					`credential "${credential.name}" not offered: ${offered.join(' | ')}`,
				);
			}
			await page
				.locator(`[data-test-id="node-credentials-select-item-${CONNECTION_STRING_CREDENTIAL.id}"]`)
				.click();
			await page.waitForTimeout(300);
			const selected = await page
				.locator('[data-test-id="node-credentials-select"]')
				.innerText()
				.catch(() => '');
			const selectedValue = await page
				.locator('[data-test-id="node-credentials-select"] input')
				.inputValue()
				.catch(() => '');
			assert.ok(
				`${selected} ${selectedValue}`.includes(CONNECTION_STRING_CREDENTIAL.name),
				'the credential was not selected',
			);
			await shot(`${node.screenshotPrefix}-node`);
		},
	);
	if (!added) return failureShot('node');
	if (!node.dropdown) return;

	const dropdown = node.dropdown;
	const filled = await report.check(
		`editor: the ${dropdown.parameter} dropdown is filled from the emulator`,
		async () => {
			// n8n may first load the options with the credential it picked on its own, then again with ours: wait until the
			// emulator has answered the dropdown's request, then open it (again, if it opened on the earlier answer).
			const answered = async () =>
				(await options.emulator.control.requestLog()).some(
					(request) =>
						request.seq > lastSeqBefore &&
						dropdown.requestPath.test(request.path) &&
						request.status === 200,
				);
			for (let wait = 0; wait < 60 && !(await answered()); wait++) await page.waitForTimeout(500);
			const optionsLocator = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
			let offered: string[] = [];
			for (let attempt = 0; attempt < 3 && offered.length === 0; attempt++) {
				await page.locator(`[data-test-id="parameter-input-${dropdown.parameter}"]`).click();
				const shown = await optionsLocator
					.first()
					.waitFor({ timeout: 10_000 })
					.then(() => true)
					.catch(() => false);
				if (shown) offered = await optionsLocator.allInnerTexts();
				else {
					await page.keyboard.press('Escape');
					await page.waitForTimeout(1_000);
				}
			}
			const missing = dropdown.expectedOptions.filter((option) => !offered.includes(option));
			assert.deepEqual(missing, [], `options missing (offered: ${offered.join(', ')})`);
			const requests = (await options.emulator.control.requestLog()).filter(
				(request) => request.seq > lastSeqBefore && dropdown.requestPath.test(request.path),
			);
			assert.ok(
				requests.some((request) => request.status === 200),
				`the emulator answered no request for the dropdown: ${JSON.stringify(requests)}`,
			);
			await shot(`${node.screenshotPrefix}-${dropdown.parameter}-dropdown`);
			await page.keyboard.press('Escape');
		},
	);
	if (!filled) await failureShot('dropdown');
}
