/** How much text one scrubbing call may examine: one hostile answer cannot hold the event loop. */
export const SCRUB_BUDGET_CHARACTERS = 500_000;

export class ScrubBudget {
	spent = 0;

	constructor(readonly limit = SCRUB_BUDGET_CHARACTERS) {}

	/** Charges `characters`; false once the budget would be exceeded (nothing is charged then). */
	take(characters: number): boolean {
		if (this.spent + characters > this.limit) return false;
		this.spent += characters;
		return true;
	}
}
