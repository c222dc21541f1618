/**
 * Writes to `state.purchased` go through here, so the list in listing order can be kept between pages: building it
 * from an object of 250,000 numbers costs about 200 ms, once per page otherwise.
 */
import type { PhoneNumbersState, PurchasedNumber } from './model';

const lists = new WeakMap<PhoneNumbersState['purchased'], PurchasedNumber[]>();

export function purchasedInOrder(state: PhoneNumbersState): PurchasedNumber[] {
	let list = lists.get(state.purchased);
	if (!list) {
		list = Object.values(state.purchased);
		lists.set(state.purchased, list);
	}
	return list;
}

export function setPurchased(state: PhoneNumbersState, number: PurchasedNumber): void {
	state.purchased[number.id] = number;
	lists.delete(state.purchased);
}

export function removePurchased(state: PhoneNumbersState, id: string): void {
	delete state.purchased[id];
	lists.delete(state.purchased);
}
