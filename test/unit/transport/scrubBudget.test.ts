/** One hostile answer costs a bounded amount of scrubbing: past the budget, text is cut, not checked. */
import { ScrubBudget, SCRUB_BUDGET_CHARACTERS } from '../../../nodes/shared/transport/scrubBudget';
import { scrubDeep } from '../../../nodes/shared/transport/scrub';

const FIELD = 65_535;
const HOSTILE_FORMS = [
	'eyJ'.repeat(FIELD / 3),
	'Bearer '.repeat(FIELD / 7),
	'signature='.repeat(FIELD / 10),
	'%25'.repeat(FIELD / 3),
	'QUJD'.repeat(FIELD / 4),
	'eyJhYmNk.'.repeat(FIELD / 9),
];
const hostile = Object.fromEntries(
	Array.from({ length: 60 }, (_, index) => [
		`f${index}`,
		HOSTILE_FORMS[index % HOSTILE_FORMS.length],
	]),
);

describe('scrubDeep: budget', () => {
	it('one hostile answer processes at most the budget and cuts the rest', () => {
		const budget = new ScrubBudget();
		const scrubbed = scrubDeep(hostile, budget) as Record<string, string>;
		expect(budget.spent).toBeLessThanOrEqual(SCRUB_BUDGET_CHARACTERS);
		expect(scrubbed.f59).toBe('[not shown: too much text to check]');
		expect(Object.keys(scrubbed)).toHaveLength(60);
	});

	it('a value the scrubber returned is not scrubbed again', () => {
		const once = scrubDeep({
			error: { message: 'Bearer Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6', note: 'x'.repeat(1000) },
		});
		const budget = new ScrubBudget();
		expect(scrubDeep(once, budget)).toBe(once);
		expect(budget.spent).toBe(0);
	});
});
