/** Throughput, execution-time percentiles and worker memory of each mix, printed as one table. Pure. */
import type { ExecutionRecord } from './invariants';

export interface PhaseFigures {
	label: string;
	executions: number;
	/** From the first request sent to the last answer. */
	wallMs: number;
	/** Each execution's stoppedAt - startedAt, as n8n recorded it (in queue mode from when a worker took it). */
	durationsMs: number[];
	/** Each webhook's answer time, from the request to the answer (queue wait included). */
	answerMs: number[];
	/** Peak RSS per worker (MiB), empty in regular mode. */
	workerRssMb: Array<{ name: string; mb: number }>;
	/** Executions each worker started. */
	perWorker: Array<{ name: string; executions: number }>;
}

export function durations(executions: ExecutionRecord[]): number[] {
	return executions
		.filter((execution) => execution.startedAt && execution.stoppedAt)
		.map((execution) => Date.parse(execution.stoppedAt!) - Date.parse(execution.startedAt!));
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function perMinute(executions: number, wallMs: number): number {
	return wallMs > 0 ? (executions * 60_000) / wallMs : 0;
}

export function figuresTable(phases: PhaseFigures[]): string {
	const header =
		'| Mode | Executions | Wall time | Executions/min | Execution p50 | Execution p95 | Answer p50 | Answer p95 | Per worker | Worker RSS (peak) |';
	const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---|---|';
	const seconds = (values: number[], p: number) => `${(percentile(values, p) / 1000).toFixed(1)} s`;
	const rows = phases.map((phase) =>
		[
			phase.label,
			String(phase.executions),
			`${(phase.wallMs / 1000).toFixed(1)} s`,
			perMinute(phase.executions, phase.wallMs).toFixed(0),
			seconds(phase.durationsMs, 50),
			seconds(phase.durationsMs, 95),
			seconds(phase.answerMs, 50),
			seconds(phase.answerMs, 95),
			phase.perWorker.map((worker) => `${worker.name} ${worker.executions}`).join(', ') || '-',
			phase.workerRssMb.map((worker) => `${worker.name} ${worker.mb.toFixed(0)} MiB`).join(', ') ||
				'-',
		].join(' | '),
	);
	return [header, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}
