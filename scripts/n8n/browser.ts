import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { run } from './run';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's chromium, installed with apt-get when it is missing (CI runs as root on a fresh machine). */
export async function ensureChromium(log: (line: string) => void): Promise<void> {
	if (fs.existsSync(CHROMIUM_PATH)) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${CHROMIUM_PATH} is missing: install Debian's chromium (sudo apt-get install -y chromium)`,
		);
	}
	log('Installing Debian chromium (apt-get, about 1 minute)...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { env });
	await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
	if (!fs.existsSync(CHROMIUM_PATH))
		throw new Error('apt-get installed chromium, but /usr/bin/chromium is still missing');
}

export interface LaunchedBrowser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** Headless chromium, quiet on a machine without internet, with a fresh profile (user data dir) removed on close. */
export async function launchChromium(): Promise<LaunchedBrowser> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		context,
		async close() {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
