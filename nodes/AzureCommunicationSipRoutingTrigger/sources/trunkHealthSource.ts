/**
 * Trunk Health Changed: each trunk's health (TLS, ping, overall status and reason) from the preview API with
 * expand=trunks/health, compared with the last good reading. The state is the health of each trunk, as its
 * statuses and reason only (about 50 bytes and the FQDN per trunk).
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	leastHealthyTrunk,
	packTrunkHealth,
	trunkHealthChanges,
	trunkHealthSnapshot,
	unpackTrunkHealth,
	type PackedTrunkHealth,
	type TrunkHealthSnapshot,
} from '../../shared/acs/changes/trunkHealthChanges';
import type {
	ChangeEvent,
	ChangeSource,
	PollSettings,
	SourceState,
} from '../../shared/node/trigger';
import {
	assertFeature,
	readSipApiChoice,
} from '../../AzureCommunicationSipRouting/helpers/apiChoice';
import { readSipConfiguration } from '../../AzureCommunicationSipRouting/helpers/sipClient';

export const TRUNK_HEALTH_CHANGED = 'trunkHealthChanged';

interface TrunkHealthState {
	trunks: Record<string, PackedTrunkHealth>;
}

async function readHealth(
	ctx: IPollFunctions,
	settings: PollSettings,
): Promise<TrunkHealthSnapshot> {
	const choice = readSipApiChoice.call(ctx, 0, true);
	assertFeature.call(ctx, choice, 'trunkHealth', 'Trunk Health Changed', 0);
	const configuration = await readSipConfiguration.call(ctx, choice, 0, {
		includeHealth: true,
		deadline: settings.deadline,
	});
	return trunkHealthSnapshot(configuration.trunks);
}

function toEvent(
	fqdn: string,
	health: { before?: IDataObject; after: IDataObject },
	detectedAt: string,
): ChangeEvent {
	return {
		event: TRUNK_HEALTH_CHANGED,
		subjectType: 'trunk',
		subject: fqdn,
		...health,
		detectedAt,
	};
}

export const trunkHealthSource = (settings: PollSettings): ChangeSource => ({
	key: 'sipTrunkHealth',
	events: [TRUNK_HEALTH_CHANGED],

	async read(ctx, previous) {
		const trunks = await readHealth(ctx, settings);
		const kept: TrunkHealthState = { trunks: packTrunkHealth(trunks) };
		const state = kept as unknown as SourceState;
		const stored = (previous as unknown as TrunkHealthState | undefined)?.trunks;
		if (typeof stored !== 'object' || stored === null) return { state, events: [] };
		const before = unpackTrunkHealth(stored);
		const detectedAt = new Date().toISOString();
		const events = trunkHealthChanges(before, trunks).map((change) =>
			toEvent(
				change.fqdn,
				{
					before: change.before as unknown as IDataObject,
					after: change.after as unknown as IDataObject,
				},
				detectedAt,
			),
		);
		return { state, events };
	},

	async testEvent(ctx) {
		const trunks = await readHealth(ctx, settings);
		const fqdn = leastHealthyTrunk(trunks);
		if (fqdn === undefined) {
			return {
				none: 'Trunk Health Changed: the SIP configuration has no trunk, so there is no trunk health to show. Add a trunk and fetch again.',
			};
		}
		return toEvent(
			fqdn,
			{ after: trunks[fqdn] as unknown as IDataObject },
			new Date().toISOString(),
		);
	},
});
