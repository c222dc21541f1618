/**
 * Pure helpers for what `n8n execute --rawOutput` prints: the run data as pretty JSON, possibly surrounded by
 * log lines. No n8n and no I/O here, so the e2e script's parsing is unit-tested on its own.
 */

export interface NodeRunSummary {
	items: Array<Record<string, unknown>>;
	error?: { message: string; description?: string };
}

export interface ExecutionSummary {
	status?: string;
	finished?: boolean;
	error?: { message: string; description?: string; node?: string };
	/** Output items of each node's last run, first output. */
	nodes: Record<string, NodeRunSummary>;
}

/** Finds the largest JSON object printed on lines of its own (a `{` line to a `}` line) and parses it. */
export function extractRunJson(stdout: string): unknown {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{') continue;
		for (let end = lines.length - 1; end > start; end--) {
			if (lines[end].trimEnd() !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// not this pair: try a shorter span
			}
		}
	}
	return undefined;
}

interface RawTaskData {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string; description?: string };
}

interface RawRun {
	status?: string;
	finished?: boolean;
	data?: {
		resultData?: {
			error?: { message?: string; description?: string; node?: { name?: string } };
			runData?: Record<string, RawTaskData[]>;
		};
	};
}

export function summarizeRun(raw: unknown): ExecutionSummary {
	const runObject = (raw ?? {}) as RawRun;
	const resultData = runObject.data?.resultData ?? {};
	const nodes: Record<string, NodeRunSummary> = {};
	for (const [name, tasks] of Object.entries(resultData.runData ?? {})) {
		const last = tasks[tasks.length - 1] ?? {};
		const items = (last.data?.main?.[0] ?? []).map((item) => item.json);
		nodes[name] = { items, ...(last.error ? { error: describeError(last.error) } : {}) };
	}
	const error = resultData.error
		? {
				...describeError(resultData.error),
				...(resultData.error.node?.name ? { node: resultData.error.node.name } : {}),
			}
		: undefined;
	return {
		status: runObject.status,
		finished: runObject.finished,
		...(error ? { error } : {}),
		nodes,
	};
}

function describeError(error: { message?: string; description?: string }): {
	message: string;
	description?: string;
} {
	return {
		message: error.message ?? 'unknown error',
		...(error.description ? { description: error.description } : {}),
	};
}
