import type { RunningEmulator } from '../../emulator';
import { workflowCases, type WorkflowCase } from '../../test/e2e/cases';
import { importWorkflows } from '../demo/importFiles';
import {
	fillPlaceholders,
	startedByPollingTrigger,
	usesOurCredentials,
	withCredentialKind,
	type CredentialKind,
	type WorkflowFile,
} from '../demo/workflows';
import type { N8nCli } from '../n8n/cli';
import type { Report } from './report';

export interface PlannedRun {
	baseId: string;
	kind: CredentialKind | 'none';
	workflow: WorkflowFile;
}

const VARIANTS: Record<CredentialKind, { idSuffix: string; nameSuffix: string }> = {
	connectionString: { idSuffix: 'Cs', nameSuffix: '' },
	entraId: { idSuffix: 'En', nameSuffix: ' (Entra ID)' },
};

/** n8n's CLI treats longer ids (or other characters) as no id; 19 leaves room for the 2-letter variant suffix. */
export const WORKFLOW_ID_PATTERN = /^[A-Za-z0-9]{1,19}$/;

/**
 * Each workflow once with each credential (or once, when it uses no ACS credential). Workflows only a polling
 * trigger of ours starts are not run here (`n8n execute` cannot start them): the trigger checks publish them. Pure.
 */
export function planRuns(
	workflows: WorkflowFile[],
	placeholders: Record<string, string>,
): PlannedRun[] {
	const seen = new Set<string>();
	return workflows.flatMap((original): PlannedRun[] => {
		if (!WORKFLOW_ID_PATTERN.test(original.id))
			throw new Error(`workflow id "${original.id}" must match ${WORKFLOW_ID_PATTERN}`);
		if (seen.has(original.id)) throw new Error(`two workflows have the id "${original.id}"`);
		seen.add(original.id);
		if (startedByPollingTrigger(original)) return [];
		const workflow = fillPlaceholders(original, placeholders);
		if (!usesOurCredentials(workflow)) return [{ baseId: workflow.id, kind: 'none', workflow }];
		return (['connectionString', 'entraId'] as const).map((kind) => ({
			baseId: workflow.id,
			kind,
			workflow: withCredentialKind(
				workflow,
				kind,
				VARIANTS[kind].idSuffix,
				VARIANTS[kind].nameSuffix,
			),
		}));
	});
}

/** Imports all planned workflows at once, then executes them one by one against a freshly reset emulator. */
export async function runWorkflows(options: {
	cli: N8nCli;
	emulator: RunningEmulator;
	runs: PlannedRun[];
	report: Report;
	workDir: string;
}): Promise<void> {
	const { cli, emulator, runs, report } = options;
	const ok = await report.check(`import ${runs.length} workflow runs (n8n import:workflow)`, () =>
		importWorkflows(
			cli,
			runs.map((run) => run.workflow),
			options.workDir,
		),
	);
	if (!ok) return;
	const cases = new Map(workflowCases.map((entry) => [entry.workflowId, entry]));
	for (const run of runs) {
		const label = `workflow "${run.workflow.name}"${run.kind === 'connectionString' ? ' (connection string)' : ''}`;
		await report.check(label, () => executeAndVerify(cli, emulator, run, cases.get(run.baseId)));
	}
}

async function executeAndVerify(
	cli: N8nCli,
	emulator: RunningEmulator,
	run: PlannedRun,
	entry: WorkflowCase | undefined,
): Promise<void> {
	if (!entry)
		throw new Error(`no case in test/e2e/cases for workflow id ${run.baseId}: add its assertions`);
	await emulator.control.reset();
	await entry.before?.(emulator);
	const { summary, result, parsed } = await cli.execute(run.workflow.id);
	if (!parsed) {
		const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
		throw new Error(`n8n execute printed no run data (exit ${result.code}):\n${tail}`);
	}
	const requests = (await emulator.control.requestLog()).filter(
		(request) => !request.path.startsWith('/_emulator'),
	);
	await entry.verify({ kind: run.kind, run: summary, emulator, requests });
}
