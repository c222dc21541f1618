/** Everything n8n and our nodes log during tests, kept in memory so tests can scan it (e.g. for secrets). */
import { inspect } from 'node:util';
import type { Logger, LogMetadata } from 'n8n-workflow';

export type CapturedLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface CapturedLog {
	level: CapturedLogLevel;
	/** 'logger' for Logger / LoggerProxy calls, 'errorReporter' for what n8n would send to its error reporter. */
	source: 'logger' | 'errorReporter';
	message: string;
	metadata?: unknown;
	/** message plus the deeply inspected metadata: the string to scan. */
	text: string;
}

const captured: CapturedLog[] = [];

function describe(value: unknown): string {
	return typeof value === 'string' ? value : inspect(value, { depth: 8, breakLength: Infinity });
}

function record(
	level: CapturedLogLevel,
	source: CapturedLog['source'],
	message: string,
	metadata?: unknown,
) {
	const text = metadata === undefined ? message : `${message} ${describe(metadata)}`;
	captured.push({ level, source, message, metadata, text });
}

type ScopedLogger = Logger & { scoped(): ScopedLogger };

export const capturingLogger: ScopedLogger = {
	error: (message: string, metadata?: LogMetadata) => record('error', 'logger', message, metadata),
	warn: (message: string, metadata?: LogMetadata) => record('warn', 'logger', message, metadata),
	info: (message: string, metadata?: LogMetadata) => record('info', 'logger', message, metadata),
	debug: (message: string, metadata?: LogMetadata) => record('debug', 'logger', message, metadata),
	scoped: () => capturingLogger,
};

export function recordReportedError(level: CapturedLogLevel, reported: unknown): void {
	const message = reported instanceof Error ? reported.message : describe(reported);
	record(level, 'errorReporter', message, reported instanceof Error ? reported : undefined);
}

/** All log lines captured in this test file so far (oldest first). */
export function capturedLogs(): CapturedLog[] {
	return [...captured];
}

export function clearCapturedLogs(): void {
	captured.length = 0;
}
