import type { RunningEmulator, RequestLogEntry } from '../../../emulator';
import type { ExecutionSummary } from '../../../scripts/n8n/runOutput';
import type { CredentialKind } from '../../../scripts/demo/workflows';

export interface CaseContext {
	/** Which credential the run used ('none' for workflows without ACS nodes). */
	kind: CredentialKind | 'none';
	run: ExecutionSummary;
	emulator: RunningEmulator;
	/** ACS requests the emulator logged during this run (control API calls excluded). */
	requests: RequestLogEntry[];
}

/** What `npm run e2e` checks for one workflow file (demo/workflows or test/e2e/workflows), by workflow id. */
export interface WorkflowCase {
	workflowId: string;
	/** Prepares the emulator after its reset, before the run (seed numbers, LRO plans...). */
	before?(emulator: RunningEmulator): Promise<void>;
	verify(context: CaseContext): Promise<void> | void;
}
