/**
 * Configuration Changed: trunks, routes, route order and (preview API) domains, compared with the last good
 * reading. The state is the configuration itself (plain values, no health; see sipConfigurationState for its
 * size) and the api-version it was read with: a reading through another version (the user switched the API) is a new baseline, not a change.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	sampleConfigurationChange,
	sipConfigurationChanges,
	sipConfigurationSnapshot,
	type SipConfigurationChange,
	type SipConfigurationSnapshot,
} from '../../shared/acs/changes/sipConfigurationChanges';
import {
	isPackedSipConfiguration,
	packSipConfiguration,
	unpackSipConfiguration,
	type PackedSipConfiguration,
} from '../../shared/acs/changes/sipConfigurationState';
import type {
	ChangeEvent,
	ChangeSource,
	PollSettings,
	SourceState,
} from '../../shared/node/trigger';
import { readSipApiChoice } from '../../AzureCommunicationSipRouting/helpers/apiChoice';
import { readSipConfiguration } from '../../AzureCommunicationSipRouting/helpers/sipClient';

export const CONFIGURATION_CHANGED = 'configurationChanged';

interface ConfigurationReading {
	apiVersion: string;
	configuration: SipConfigurationSnapshot;
}

interface ConfigurationState {
	apiVersion: string;
	configuration: PackedSipConfiguration;
}

async function readSnapshot(
	ctx: IPollFunctions,
	settings: PollSettings,
): Promise<ConfigurationReading> {
	const choice = readSipApiChoice.call(ctx, 0);
	const configuration = await readSipConfiguration.call(ctx, choice, 0, {
		deadline: settings.deadline,
	});
	return {
		apiVersion: choice.effectiveVersion,
		configuration: sipConfigurationSnapshot(configuration),
	};
}

function toEvent(change: SipConfigurationChange, detectedAt: string): ChangeEvent {
	const event: ChangeEvent = {
		event: CONFIGURATION_CHANGED,
		subjectType: change.subjectType,
		subject: change.subject,
		change: change.change,
		detectedAt,
	};
	if (change.before) event.before = change.before as IDataObject;
	if (change.after) event.after = change.after as IDataObject;
	return event;
}

export const configurationSource = (settings: PollSettings): ChangeSource => ({
	key: 'sipConfiguration',
	events: [CONFIGURATION_CHANGED],

	async read(ctx, previous) {
		const now = await readSnapshot(ctx, settings);
		const kept: ConfigurationState = {
			apiVersion: now.apiVersion,
			configuration: packSipConfiguration(now.configuration),
		};
		const state = kept as unknown as SourceState;
		const before = previous as unknown as ConfigurationState | undefined;
		if (!isPackedSipConfiguration(before?.configuration) || before.apiVersion !== now.apiVersion)
			return { state, events: [] };
		const detectedAt = new Date().toISOString();
		const events = sipConfigurationChanges(
			unpackSipConfiguration(before.configuration),
			now.configuration,
		).map((change) => toEvent(change, detectedAt));
		return { state, events };
	},

	async testEvent(ctx) {
		const { configuration } = await readSnapshot(ctx, settings);
		const sample = sampleConfigurationChange(configuration);
		if (sample) return toEvent(sample, new Date().toISOString());
		return {
			none: 'Configuration Changed: the SIP configuration has no route, trunk or domain yet, so there is no change to show. Add one (for example with the Azure Communication SIP Routing node) and fetch again.',
		};
	},
});
