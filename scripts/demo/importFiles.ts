import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nCli } from '../n8n/cli';
import type { CredentialImport } from './credentials';
import type { WorkflowFile } from './workflows';

/** Writes the credentials to a private temp file, imports them (create or overwrite by id) and removes the file. */
export async function importCredentials(
	cli: N8nCli,
	credentials: CredentialImport[],
	workDir: string,
): Promise<void> {
	fs.mkdirSync(workDir, { recursive: true });
	const file = path.join(workDir, `credentials-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	try {
		await cli.importCredentials(file);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Imports several workflows in one n8n process (each start of the CLI costs seconds). */
export async function importWorkflows(
	cli: N8nCli,
	workflows: WorkflowFile[],
	workDir: string,
): Promise<void> {
	if (workflows.length === 0) return;
	fs.mkdirSync(workDir, { recursive: true });
	const file = path.join(workDir, `workflows-${process.pid}.json`);
	const complete = workflows.map((workflow) => ({
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		...workflow,
	}));
	fs.writeFileSync(file, JSON.stringify(complete));
	try {
		await cli.importWorkflow(file);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

export function readWorkflowFiles(dir: string): WorkflowFile[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as WorkflowFile);
}

/** Workflow ids with the base name of their file (for screenshots named after the demo). */
export function readWorkflowFileNames(dir: string): Array<{ id: string; file: string }> {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => ({
			id: (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as WorkflowFile).id,
			file: name.replace(/\.json$/, ''),
		}));
}
