/**
 * Decides which of n8n's log lines to show. Without internet n8n logs failed fetches (license server,
 * community-node catalogue, version notifications): harmless here, and they must not bury our own messages.
 * Pure; unit-tested.
 */
const HARMLESS_OFFLINE_PATTERNS: RegExp[] = [
	/\bENOTFOUND\b/,
	/\bEAI_AGAIN\b/,
	/\bECONNREFUSED\b.*(n8n\.io|npmjs|sentry|posthog|license)/i,
	/getaddrinfo/i,
	/fetch failed/i,
	/Failed to fetch/i,
	/license.*(renew|server|init)/i,
	/community (node|package)s?.*(fetch|load|types)/i,
	/Could not (fetch|retrieve|load).*(community|verified|strapi|types)/i,
	/api\.n8n\.io|api-staging\.n8n\.io|license\.n8n\.io|telemetry\.n8n\.io|ph\.n8n\.io/,
	/\[license SDK\]/,
	/^\s+at\s/,
	/^\s*(cause|code|errno|syscall|hostname):/,
	/^\s*[{}\]\[]\s*$/,
];

const NOISE_PATTERNS: RegExp[] = [
	/Python task runner/i,
	/A system task run failed/,
	/There (is|are) (a )?deprecations? related to your n8n setup/,
	/^\s*- N8N_RUNNERS_MODE -> /,
	/Automatic license renewal is disabled/,
	/Python 3 is missing/i,
	/^\s*$/,
];

export type LineVerdict = 'show' | 'hide-offline' | 'hide-noise';

export function classifyN8nLogLine(line: string): LineVerdict {
	if (HARMLESS_OFFLINE_PATTERNS.some((pattern) => pattern.test(line))) return 'hide-offline';
	if (NOISE_PATTERNS.some((pattern) => pattern.test(line))) return 'hide-noise';
	return 'show';
}

/** Turns a byte stream into whole lines (keeps a partial last line until more data arrives). */
export function createLineSplitter(onLine: (line: string) => void): {
	push(chunk: string): void;
	flush(): void;
} {
	let pending = '';
	return {
		push(chunk: string) {
			pending += chunk;
			const lines = pending.split(/\r?\n/);
			pending = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		},
		flush() {
			if (pending) onLine(pending);
			pending = '';
		},
	};
}
