/**
 * Bounds on one list (a chain of pages linked by nextLink), so that a service whose every page has items and a fresh
 * nextLink cannot keep a run going: a page with the same items as an earlier one, or a list longer than an ACS
 * resource could plausibly hold, ends it. Pages and links are remembered as hashes, not as text.
 */
import { createHash } from 'node:crypto';

/** Several hundred thousand numbers per resource are plausible; Return All and Limit stop here. */
export const MAX_LIST_ITEMS = 500_000;
/** Twice the pages the largest list takes at the default page size of 100. */
export const MAX_LIST_PAGES = 10_000;
/** JSON text of all pages together (500,000 numbers take about 150 MB). */
export const MAX_LIST_CHARACTERS = 512 * 1024 * 1024;

export interface ChainBounds {
	items: number;
	pages: number;
	characters: number;
}

const DEFAULT_BOUNDS: ChainBounds = {
	items: MAX_LIST_ITEMS,
	pages: MAX_LIST_PAGES,
	characters: MAX_LIST_CHARACTERS,
};

export interface ChainProblem {
	message: string;
	description: string;
}

const fingerprint = (text: string) => createHash('sha256').update(text).digest('base64');
const count = (n: number) => n.toLocaleString('en-US');

export class PageChainGuard {
	private readonly pagesSeen = new Map<string, number>();
	/** Each next-page link followed, with the page it was read as. */
	private readonly linksSeen = new Map<string, number>();
	private pages = 0;
	private items = 0;
	private characters = 0;

	constructor(private readonly bounds: ChainBounds = DEFAULT_BOUNDS) {}

	/** A problem when this page repeats an earlier one or takes the list past its bounds. */
	admit(page: readonly unknown[]): ChainProblem | undefined {
		this.pages++;
		this.items += page.length;
		const text = JSON.stringify(page);
		this.characters += text.length;
		// Empty pages are all alike and the service may send several; the page bound still counts them.
		const print = page.length > 0 ? fingerprint(text) : undefined;
		const earlier = print === undefined ? undefined : this.pagesSeen.get(print);
		if (earlier !== undefined) {
			return {
				message: `The service sent the same ${count(page.length)} items again as page ${count(this.pages)} (first sent as page ${count(earlier)}): its next-page links go round in a circle`,
				description:
					'Listing stopped; nothing more was fetched. Run again later, or use Limit instead of Return All. If this repeats, the endpoint may not be an Azure Communication Services resource.',
			};
		}
		if (print !== undefined) this.pagesSeen.set(print, this.pages);
		const { items, pages, characters } = this.bounds;
		if (this.items > items || this.pages > pages || this.characters > characters) {
			return {
				message: `The list did not end after ${count(this.items)} items in ${count(this.pages)} pages: the service kept sending a next page`,
				description: `A list is read up to ${count(items)} items, ${count(pages)} pages or ${count(characters / 1024 / 1024)} MiB of JSON, more than an Azure Communication Services resource holds. Use Limit to read fewer items.`,
			};
		}
		return undefined;
	}

	/** A problem when the next page's link is one already followed: the chain goes round in a circle. */
	follow(link: string): ChainProblem | undefined {
		const print = fingerprint(link);
		const earlier = this.linksSeen.get(print);
		if (earlier !== undefined) {
			return {
				message: `The service's next-page link after page ${count(this.pages)} points back to page ${count(earlier)}: its next-page links go round in a circle`,
				description:
					'Listing stopped; nothing more was fetched. Run again later, or use Limit instead of Return All. If this repeats, the endpoint may not be an Azure Communication Services resource.',
			};
		}
		this.linksSeen.set(print, this.pages + 1);
		return undefined;
	}

	visited(link: string): boolean {
		return this.linksSeen.has(fingerprint(link));
	}
}
