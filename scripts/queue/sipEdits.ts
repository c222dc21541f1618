/**
 * Concurrent SIP edits on every worker: a base domain, trunk and route first, then one execution per trunk or route
 * added at once (half trunks, half routes on the base trunk), with the service's answers slowed so that reads and
 * writes of different executions interleave. Checked against the emulator's stored document afterwards.
 */
import type { RunningEmulator } from '../../emulator';
import type { FaultSpec } from '../../emulator/core/faults';
import { post, runMix, type MixOutcome, type MixRequest } from './mix';
import { ROUTE_EDIT_PATTERN, SIP_DOMAIN } from './mixWorkflows';
import {
	sipEditFigures,
	sipEditProblems,
	type SipEdit,
	type SipEditFigures,
	type SipEditOutcome,
} from './sipEditInvariants';

export const BASE_TRUNK = `sbc-base.${SIP_DOMAIN}`;

/** Slow reads and writes widen the window between an execution's read and its write. */
export const SIP_EDIT_FAULTS: FaultSpec[] = [
	{ method: 'GET', path: '^/sip/?$', type: 'delay', delayMs: 200, ratio: 0.5 },
	{ method: 'PATCH', path: '^/sip/?$', type: 'delay', delayMs: 400, ratio: 0.5 },
];

export function planSipEdits(executions: number): Array<{ request: MixRequest; edit: SipEdit }> {
	return Array.from({ length: executions }, (_, index) => {
		if (index % 2 === 0) {
			const fqdn = `sbc-edit${index}.${SIP_DOMAIN}`;
			const port = 5100 + index;
			return {
				request: { index, kind: 'trunkEdit', body: { fqdn, port } },
				edit: { kind: 'trunk', fqdn, port },
			};
		}
		const name = `Edit ${index}`;
		return {
			request: { index, kind: 'routeEdit', body: { route: name, fqdn: BASE_TRUNK } },
			edit: { kind: 'route', name, numberPattern: ROUTE_EDIT_PATTERN, trunks: [BASE_TRUNK] },
		};
	});
}

export interface SipEditRun {
	outcomes: MixOutcome[];
	problems: string[];
	figures: SipEditFigures;
	wallMs: number;
}

/** The base through the `sipEdit` workflow, then every edit at once; throws when the base is not stored. */
export async function runSipEdits(
	baseUrl: string,
	emulator: RunningEmulator,
	executions: number,
): Promise<SipEditRun> {
	await emulator.control.reset();
	const base = await post(baseUrl, {
		index: -1,
		kind: 'sipEdit',
		body: { fqdn: BASE_TRUNK, port: 5099, route: 'Base' },
	});
	const baseError = base.failure ?? base.items?.find((item) => 'error' in item)?.error;
	if (baseError) throw new Error(`the base trunk and route were not created: ${String(baseError)}`);
	for (const fault of SIP_EDIT_FAULTS) await emulator.control.addFault(fault);
	await emulator.control.clearRequestLog();
	const plan = planSipEdits(executions);
	const run = await runMix(
		baseUrl,
		plan.map(({ request }) => request),
	);
	const { config } = await emulator.control.sip.config();
	const log = await emulator.control.requestLog();
	const edits: SipEditOutcome[] = plan.map(({ edit }, at) => ({ edit, outcome: run.outcomes[at] }));
	return {
		outcomes: run.outcomes,
		problems: sipEditProblems(edits, config),
		figures: sipEditFigures(edits, config, log),
		wallMs: run.wallMs,
	};
}
