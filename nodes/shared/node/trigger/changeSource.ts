import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { ChangeEvent } from './changeEvent';

/** The state a source keeps between polls in the workflow's static data: small, JSON, fingerprints not copies. */
export type SourceState = IDataObject;

export interface SourceReading {
	/** The state to keep if the whole poll completes. */
	state: SourceState;
	/** Changes since `previous`; always empty when there was no previous state (the baseline poll). */
	events: ChangeEvent[];
}

/** Why Fetch Test Event has nothing to show for one event kind. */
export interface NoTestEvent {
	none: string;
}

/**
 * One thing a trigger watches (the inventory, the reservations, the SIP configuration, trunk health). Reads go
 * through the transport; comparing is pure code. A source never writes static data: the runner does, once every
 * source of the poll has completed.
 */
export interface ChangeSource {
	/** Key of this source's state in the node's static data. */
	key: string;
	/** The Events values this source can emit. */
	events: readonly string[];
	read(ctx: IPollFunctions, previous: SourceState | undefined): Promise<SourceReading>;
	/** A real, recent-looking event of `event`'s kind read from the service now, or why there is none. */
	testEvent(ctx: IPollFunctions, event: string): Promise<ChangeEvent | NoTestEvent>;
}
