import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Secrets of the local demo that must survive restarts (the emulator's key and Entra client secret). */
export interface StartSettings {
	accessKey: string;
	clientSecret: string;
}

export function readStartSettings(file: string): StartSettings | undefined {
	try {
		const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StartSettings>;
		if (saved.accessKey && saved.clientSecret)
			return { accessKey: saved.accessKey, clientSecret: saved.clientSecret };
	} catch {
		// first start
	}
	return undefined;
}

export function loadOrCreateStartSettings(file: string): StartSettings {
	const saved = readStartSettings(file);
	if (saved) return saved;
	const settings = {
		accessKey: randomBytes(32).toString('base64'),
		clientSecret: randomBytes(24).toString('base64url'),
	};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
	return settings;
}
