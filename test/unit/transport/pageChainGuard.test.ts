import { MAX_LIST_ITEMS, PageChainGuard } from '../../../nodes/shared/transport/pageChainGuard';

const page = (from: number, size: number) =>
	Array.from({ length: size }, (_, i) => ({ id: String(from + i) }));

describe('bounds of one list (a chain of pages)', () => {
	it('admits distinct pages up to every bound, and names the bound passed', () => {
		const guard = new PageChainGuard({ items: 10, pages: 4, characters: 10_000 });
		expect([guard.admit(page(0, 3)), guard.admit(page(3, 3)), guard.admit(page(6, 4))]).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		expect(guard.admit(page(10, 1))).toEqual({
			message:
				'The list did not end after 11 items in 4 pages: the service kept sending a next page',
			description: expect.stringContaining('Use Limit'),
		});
	});

	it.each([
		['pages', { items: 100, pages: 2, characters: 10_000 }, 'after 3 items in 3 pages'],
		['characters of JSON', { items: 100, pages: 100, characters: 20 }, 'after 2 items in 2 pages'],
	])('stops at the bound on %s', (_name, bounds, where) => {
		const guard = new PageChainGuard(bounds);
		const problems = [0, 1, 2].map((n) => guard.admit(page(n, 1)));
		expect(problems.find(Boolean)?.message).toContain(where);
	});

	it('refuses a page with the same items as any earlier page, naming both', () => {
		const guard = new PageChainGuard();
		guard.admit(page(0, 2));
		guard.admit(page(2, 2));
		expect(guard.admit(page(0, 2))?.message).toBe(
			'The service sent the same 2 items again as page 3 (first sent as page 1): its next-page links go round in a circle',
		);
	});

	it('admits pages that overlap without being equal (numbers bought while listing shift the pages)', () => {
		const guard = new PageChainGuard();
		expect([guard.admit(page(0, 3)), guard.admit(page(2, 3))]).toEqual([undefined, undefined]);
	});

	it(`reads up to ${MAX_LIST_ITEMS.toLocaleString('en-US')} items by default`, () => {
		const guard = new PageChainGuard();
		expect(guard.admit(page(0, MAX_LIST_ITEMS))).toBeUndefined();
		expect(guard.admit(page(MAX_LIST_ITEMS, 1))?.message).toContain(
			'after 500,001 items in 2 pages',
		);
	});

	it('a link followed a second time is a circle, naming the page it first led to', () => {
		const guard = new PageChainGuard();
		expect(guard.admit(page(0, 2))).toBeUndefined();
		expect(guard.visited('/phoneNumbers?skip=100')).toBe(false);
		expect(guard.follow('/phoneNumbers?skip=100')).toBeUndefined();
		expect(guard.visited('/phoneNumbers?skip=100')).toBe(true);
		expect(guard.admit(page(2, 2))).toBeUndefined();
		expect(guard.follow('/phoneNumbers?skip=100')?.message).toBe(
			"The service's next-page link after page 2 points back to page 2: its next-page links go round in a circle",
		);
	});

	it('empty pages are never taken for a repeated page, but count against the page bound', () => {
		const guard = new PageChainGuard({ items: 100, pages: 3, characters: 1_000_000 });
		expect([guard.admit([]), guard.admit([]), guard.admit([])]).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		expect(guard.admit([])?.message).toContain('after 0 items in 4 pages');
	});
});
