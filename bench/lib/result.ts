/** The shape of one benchmark figure, as printed and written to JSON. */
import type { Spread } from './stats';

export interface Figure {
	scenario: string;
	/** What is measured, e.g. "lag (s), D = 2 s". */
	metric: string;
	unit: string;
	ours?: Spread;
	sdk?: Spread;
	/** ours.median / sdk.median */
	ratio?: number;
	goal: string;
	/** undefined = informational, no goal on this figure */
	holds?: boolean;
	note?: string;
}
