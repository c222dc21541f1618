/**
 * Shared setup of the SIP Routing Trigger tests: the trigger polls the emulator through n8n-core's PollContext
 * (PollingTrigger); the configuration is changed over the wire (PATCH /sip) or through the emulator's control
 * routes (trunk health), as a user or the service would.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { PollingTrigger, type PollOutcome } from '../../support/engine/pollTrigger';
import { credentialsFor, type Auth } from '../../support/fixtures';

export const TRIGGER_TYPE = 'azureCommunicationSipRoutingTrigger';

export function sipTrigger(
	emu: RunningEmulator,
	parameters: INodeParameters,
	auth: Auth = 'connectionString',
): PollingTrigger {
	return new PollingTrigger({
		nodeType: TRIGGER_TYPE,
		parameters,
		credentials: credentialsFor(emu, auth),
	});
}

/** The items of a poll that succeeded (failing the test with the error otherwise), without detectedAt. */
export function itemsOf(outcome: PollOutcome): IDataObject[] {
	if (!outcome.ok)
		throw new Error(`Poll failed: ${outcome.error.message} — ${outcome.error.description ?? ''}`);
	return (outcome.items ?? []).map((item: INodeExecutionData) => {
		const { detectedAt, ...rest } = item.json;
		expect(typeof detectedAt).toBe('string');
		return rest;
	});
}
