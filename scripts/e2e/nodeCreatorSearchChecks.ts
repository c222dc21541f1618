import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { NODE_CREATOR_SEARCHES, searchSlug, type NodeCreatorSearch } from './nodeCreatorSearches';
import type { Report } from './report';

/** Subfolder of the screenshots folder: `--update-screenshots` copies only the top level into docs/. */
export const SEARCH_SHOTS_FOLDER = 'node-creator-search';

export interface SearchCheckOptions {
	page: Page;
	baseUrl: string;
	report: Report;
	screenshotsDir: string;
}

/** Opens the node creator (the + panel) of a new workflow and types `words` into its search. */
export async function searchNodeCreator(
	page: Page,
	baseUrl: string,
	words: string,
): Promise<Locator> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.locator('[data-test-id="canvas-plus-button"]').click();
	const searchBar = page.locator('[data-test-id="node-creator-search-bar"]');
	await searchBar.waitFor();
	// on a busy machine the panel may take the focus after it shows: click into the search first
	await searchBar.click();
	await page.keyboard.type(words);
	return page.locator('[data-test-id="node-creator"]');
}

/**
 * The action in the node's panel, made visible: in a new workflow the panel opens on the node's triggers with its
 * Actions section folded, so it is unfolded when the action does not show.
 */
export async function actionInPanel(creator: Locator, action: string): Promise<Locator> {
	const item = creator.getByText(action, { exact: true }).first();
	const shown = await item
		.waitFor({ timeout: 5_000 })
		.then(() => true)
		.catch(() => false);
	if (!shown) {
		await creator
			.getByText(/^\s*Actions \(\d+\)\s*$/)
			.first()
			.click()
			.catch(() => undefined);
	}
	await item.waitFor({ timeout: 15_000 });
	return item;
}

/** The node creator's entry of exactly this node (the action node's name is a prefix of its trigger's). */
export function nodeInCreator(creator: Locator, displayName: string): Locator {
	const exactly = new RegExp(`^\\s*${displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
	return creator.locator('[data-test-id="node-creator-item-name"]', { hasText: exactly }).first();
}

/**
 * For each search a workflow builder types: the node must be in the results, and its action list must offer the
 * action; a trigger's action, clicked, must add the trigger and open it. One check per search, named after it; a
 * screenshot of the results and of the actions (and of the opened trigger) for each.
 */
export async function checkNodeCreatorSearches(
	options: SearchCheckOptions & { searches?: NodeCreatorSearch[] },
): Promise<void> {
	const { page, report } = options;
	const folder = path.join(options.screenshotsDir, SEARCH_SHOTS_FOLDER);
	fs.mkdirSync(folder, { recursive: true });
	const shot = (name: string) => page.screenshot({ path: path.join(folder, `${name}.png`) });

	for (const { search, displayName, action, trigger } of options.searches ??
		NODE_CREATOR_SEARCHES) {
		const slug = trigger ? `${searchSlug(search)}-${searchSlug(action)}` : searchSlug(search);
		const passed = await report.check(
			`editor: searching "${search}" finds ${displayName} → "${action}"${trigger ? ' (trigger, opens)' : ''}`,
			async () => {
				const creator = await searchNodeCreator(page, options.baseUrl, search);
				const nodeInResults = nodeInCreator(creator, displayName);
				await nodeInResults.waitFor({ timeout: 15_000 }).catch(() => {
					throw new Error(`"${search}": ${displayName} is not in the node creator's results`);
				});
				await shot(slug);
				await nodeInResults.click();
				const actionInList = await actionInPanel(creator, action).catch(() => {
					throw new Error(`"${search}": ${displayName} does not list the action "${action}"`);
				});
				await actionInList.scrollIntoViewIfNeeded();
				await actionInList.hover();
				await shot(`${slug}-actions`);
				if (!trigger) return;
				await actionInList.click();
				const ndv = page.locator('[data-test-id="ndv"]');
				await ndv.waitFor({ timeout: 15_000 });
				await ndv.getByText('Fetch Test Event').first().waitFor({ timeout: 15_000 });
				await page.waitForTimeout(400);
				await shot(`${slug}-node`);
				await page.keyboard.press('Escape');
			},
		);
		if (!passed) await shot(`failed-${slug}`).catch(() => undefined);
	}
}
