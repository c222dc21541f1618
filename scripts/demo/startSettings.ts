import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localDir } from '../n8n/paths';

/** Secrets of the local demo that must survive restarts (the emulator's key and Entra client secret). */
export interface StartSettings {
	accessKey: string;
	clientSecret: string;
}

const file = path.join(localDir, 'start-settings.json');

export function loadOrCreateStartSettings(): StartSettings {
	try {
		const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StartSettings>;
		if (saved.accessKey && saved.clientSecret) return { accessKey: saved.accessKey, clientSecret: saved.clientSecret };
	} catch {
		// first start
	}
	const settings = { accessKey: randomBytes(32).toString('base64'), clientSecret: randomBytes(24).toString('base64url') };
	fs.mkdirSync(localDir, { recursive: true });
	fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
	return settings;
}
