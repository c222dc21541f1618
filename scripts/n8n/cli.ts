import { paths } from './paths';
import { run, type RunResult } from './run';
import { extractRunJson, summarizeRun, type ExecutionSummary } from './runOutput';

/** n8n's command line, run by the Node.js that runs this script (the one sqlite3 was built for). */
export class N8nCli {
	constructor(private readonly env: NodeJS.ProcessEnv) {}

	command(args: string[], check = true, timeoutMs = 180_000): Promise<RunResult> {
		return run(process.execPath, [paths.n8nBin, ...args], { env: this.env, check, timeoutMs });
	}

	async importCredentials(file: string): Promise<void> {
		await this.command(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(file: string): Promise<void> {
		await this.command(['import:workflow', `--input=${file}`]);
	}

	/** `n8n list:workflow` prints `id|name` lines. */
	async listWorkflowIds(): Promise<Set<string>> {
		const result = await this.command(['list:workflow']);
		const ids = result.stdout
			.split('\n')
			.map((line) => line.split('|')[0]?.trim())
			.filter((id): id is string => !!id && /^[A-Za-z0-9]{1,36}$/.test(id));
		return new Set(ids);
	}

	async execute(
		workflowId: string,
		timeoutMs = 180_000,
	): Promise<{ summary: ExecutionSummary; result: RunResult; parsed: boolean }> {
		const result = await this.command(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			false,
			timeoutMs,
		);
		const raw = extractRunJson(result.stdout);
		return { summary: summarizeRun(raw), result, parsed: raw !== undefined };
	}
}
