/** The resource's purchased numbers: Number Purchased, Number Released, Capabilities Changed. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	inventoryChanges,
	inventoryFingerprints,
	numberDigits,
	type InventoryChange,
	type InventoryFingerprints,
	type ListedNumber,
} from '../../shared/acs/changes/inventoryChanges';
import type { ChangeEvent, ChangeSource, SourceState } from '../../shared/node/trigger';
import { noHistoryReason, PHONE_NUMBER_EVENTS as EVENTS } from '../events';
import type { TriggerSettings } from '../settings';
import { readList, readPurchasedNumber } from './serviceReads';

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

/** Past this many numbers missing from one reading, they were released in bulk: the list is taken as it reads. */
export const MAX_NUMBERS_CONFIRMED = 50;

/**
 * Numbers kept from the last poll and missing from this reading, read one by one: the list pages by position, so a
 * number released while it was being read shifts the later pages and one number slides past a page boundary.
 * Only a 404 makes a number released; one still there joins the reading.
 */
async function stillPurchased(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	previous: InventoryFingerprints,
	listed: PurchasedNumber[],
): Promise<PurchasedNumber[]> {
	const seen = new Set(listed.map(numberDigits));
	const missing = Object.keys(previous).filter((digits) => !seen.has(digits));
	if (missing.length > MAX_NUMBERS_CONFIRMED) return [];
	const found: PurchasedNumber[] = [];
	for (const digits of missing) {
		const number = await readPurchasedNumber<PurchasedNumber>(ctx, settings, `+${digits}`);
		if (number) found.push(number);
	}
	return found;
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
			const kept = previous as InventoryFingerprints;
			const confirmed = await stillPurchased(ctx, settings, kept, items);
			const { fingerprints, changes } = inventoryChanges(kept, [...items, ...confirmed]);
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
