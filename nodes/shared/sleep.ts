import * as workflow from 'n8n-workflow';

type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

const helpers = workflow as unknown as { sleep: Wait; sleepWithAbort?: Wait };

/**
 * Waits `ms` milliseconds; rejects as soon as `signal` aborts. Before n8n 2.0 n8n-workflow's `sleep` ignores
 * a signal and `sleepWithAbort` honours it; n8n 2.x has only `sleep`, which honours it.
 */
export const sleep: Wait = helpers.sleepWithAbort ?? helpers.sleep;
