/** The Events this trigger offers (values are part of the workflow JSON: never rename them). */
export const PHONE_NUMBER_EVENTS = {
	numberPurchased: 'numberPurchased',
	numberReleased: 'numberReleased',
	capabilitiesChanged: 'capabilitiesChanged',
	reservationExpiringSoon: 'reservationExpiringSoon',
	reservationExpired: 'reservationExpired',
	reservationPurchased: 'reservationPurchased',
	reservationDeleted: 'reservationDeleted',
} as const;

/** Why Fetch Test Event has no sample of an event the service keeps no trace of. */
export function noHistoryReason(what: string): string {
	return `ACS keeps no history of ${what}, so there is no past one to show; once the workflow is active, each one is reported at the next poll.`;
}
