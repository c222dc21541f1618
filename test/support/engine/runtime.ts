/**
 * Process-wide setup of the n8n-core runtime for tests: the DI container that n8n-core itself uses
 * (n8n-core ships its own copies of @n8n/di and @n8n/backend-common, so they are resolved from its folder),
 * a capturing logger, an instance-settings stand-in (the real one writes ~/.n8n/config) and an error
 * reporter that records instead of sending to Sentry.
 */
import path from 'node:path';
import { InstanceSettings, ErrorReporter } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

import { capturingLogger, recordReportedError } from './logCapture';

const coreFolder = path.dirname(require.resolve('n8n-core/package.json'));

function requireFromCore<T>(moduleId: string): T {
	return require(require.resolve(moduleId, { paths: [coreFolder] })) as T;
}

interface DiContainer {
	get<T>(type: abstract new (...args: never[]) => T): T;
	set<T>(type: abstract new (...args: never[]) => T, instance: T): void;
}

export const Container = requireFromCore<{ Container: DiContainer }>('@n8n/di').Container;
const { Logger } = requireFromCore<{ Logger: abstract new (...args: never[]) => unknown }>(
	'@n8n/backend-common',
);

const instanceSettingsStandIn = {
	instanceId: 'engine-harness-instance',
	hmacSignatureSecret: 'engine-harness-signature-secret',
	instanceType: 'main',
	instanceRole: 'leader',
	isLeader: true,
	isMultiMain: false,
	isSingleMain: true,
	isWorker: false,
	n8nFolder: path.join(coreFolder, '.engine-harness-unused'),
};

const errorReporterStandIn = {
	error: (error: unknown) => recordReportedError('error', error),
	warn: (warning: unknown) => recordReportedError('warn', warning),
	info: (message: unknown) => recordReportedError('info', message),
	shutdown: async () => {},
};

let ready = false;

/** Idempotent: wires the n8n runtime once per jest module registry (i.e. per test file). */
export function ensureEngineRuntime(): void {
	if (ready) return;
	LoggerProxy.init(capturingLogger);
	Container.set(Logger, capturingLogger as never);
	Container.set(InstanceSettings, instanceSettingsStandIn as unknown as InstanceSettings);
	Container.set(ErrorReporter, errorReporterStandIn as unknown as ErrorReporter);
	ready = true;
}
