/** The resource's purchased numbers: Number Purchased, Number Released, Capabilities Changed. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	inventoryChanges,
	inventoryFingerprints,
	type InventoryChange,
	type InventoryFingerprints,
	type ListedNumber,
} from '../../shared/acs/changes/inventoryChanges';
import type { ChangeEvent, ChangeSource, SourceState } from '../../shared/node/trigger';
import { noHistoryReason, PHONE_NUMBER_EVENTS as EVENTS } from '../events';
import type { TriggerSettings } from '../settings';
import { readList } from './serviceReads';

type PurchasedNumber = ListedNumber & IDataObject;

const PURCHASED_NUMBERS = {
	path: '/phoneNumbers',
	itemsField: 'phoneNumbers',
	pageSizeParam: 'top',
} as const;

function toEvent(change: InventoryChange<PurchasedNumber>, detectedAt: string): ChangeEvent {
	const about = { subjectType: 'phoneNumber' as const, subject: change.phoneNumber, detectedAt };
	switch (change.kind) {
		case 'purchased':
			return { event: EVENTS.numberPurchased, ...about, after: change.after };
		case 'released':
			return { event: EVENTS.numberReleased, ...about, before: { ...change.before } };
		case 'capabilitiesChanged':
			return {
				event: EVENTS.capabilitiesChanged,
				...about,
				before: { phoneNumber: change.phoneNumber, capabilities: { ...change.before } },
				after: change.number,
			};
	}
}

function purchasedAt(number: PurchasedNumber): number {
	const ms = Date.parse(typeof number.purchaseDate === 'string' ? number.purchaseDate : '');
	return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

export function inventorySource(settings: TriggerSettings): ChangeSource {
	return {
		key: 'inventory',
		events: [EVENTS.numberPurchased, EVENTS.numberReleased, EVENTS.capabilitiesChanged],

		async read(ctx: IPollFunctions, previous: SourceState | undefined) {
			const { items, now } = await readList<PurchasedNumber>(ctx, settings, PURCHASED_NUMBERS);
			if (previous === undefined) return { state: inventoryFingerprints(items), events: [] };
			const { fingerprints, changes } = inventoryChanges(previous as InventoryFingerprints, items);
			const detectedAt = new Date(now).toISOString();
			return { state: fingerprints, events: changes.map((change) => toEvent(change, detectedAt)) };
		},

		async testEvent(ctx: IPollFunctions, event: string) {
			if (event === EVENTS.numberReleased) return { none: noHistoryReason('released numbers') };
			if (event === EVENTS.capabilitiesChanged)
				return { none: noHistoryReason('capability changes') };
			const { items, now } = await readList<PurchasedNumber>(ctx, settings, PURCHASED_NUMBERS);
			const latest = items.reduce<PurchasedNumber | undefined>(
				(found, number) =>
					found === undefined || purchasedAt(number) > purchasedAt(found) ? number : found,
				undefined,
			);
			const sample = latest && inventoryChanges({}, [latest]).changes[0];
			if (!sample)
				return { none: 'The resource has no purchased numbers, so there is no purchase to show.' };
			return toEvent(sample, new Date(now).toISOString());
		},
	};
}
