import { checkCostGuard } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/costGuard';
import { serviceNow } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/serverTime';

const limits = { maxMonthlyCostPerNumber: 2, maxTotalMonthlyCost: 5, currencyCode: 'USD' };
const priced = (amount: number | undefined, currencyCode: string | undefined = 'USD') => ({
	phoneNumber: '+18005550100',
	amount,
	currencyCode,
});

describe('cost guard (pure)', () => {
	it.each([
		['negative', -100],
		['infinite', Number.POSITIVE_INFINITY],
		['not a number', Number.NaN],
	])('treats a %s price as unknown cost, so it cannot offset another number', (_kind, amount) => {
		const verdict = checkCostGuard(
			[priced(2), { ...priced(amount), phoneNumber: '+18005550101' }],
			{ ...limits, maxTotalMonthlyCost: 2 },
		);
		expect(verdict).toMatchObject({ allowed: false, reason: 'costUnknown' });
		expect(verdict.allowed === false && verdict.message).toContain('+18005550101');
	});

	it('refuses a total a hair above the limit (no rounding hides it) and allows sums exactly at it', () => {
		const verdict = checkCostGuard([priced(10.00004)], {
			...limits,
			maxMonthlyCostPerNumber: 20,
			maxTotalMonthlyCost: 10,
		});
		expect(verdict).toMatchObject({ allowed: false, reason: 'totalLimitExceeded' });
		expect(verdict.allowed === false && verdict.message).toContain('10.00004 USD');
		expect(
			checkCostGuard([priced(0.1), priced(0.2)], { ...limits, maxTotalMonthlyCost: 0.3 }),
		).toMatchObject({ allowed: true });
	});

	it('allows numbers at exactly the limits and sums them', () => {
		expect(checkCostGuard([priced(2), priced(2), priced(1)], limits)).toMatchObject({
			allowed: true,
			totalMonthlyCost: 5,
			highestMonthlyCost: 2,
			currencyCode: 'USD',
		});
	});

	describe('numbers priced in several currencies', () => {
		const gbp = (amount: number) => ({ phoneNumber: '+442071230000', amount, currencyCode: 'GBP' });
		const withGbp = {
			...limits,
			otherCurrencies: [
				{ currencyCode: 'GBP', maxMonthlyCostPerNumber: 1.5, maxTotalMonthlyCost: 2 },
			],
		};

		it('allows them when each currency is within its own limits, and reports each currency apart', () => {
			expect(checkCostGuard([priced(2), priced(2), gbp(1), gbp(1)], withGbp)).toEqual({
				allowed: true,
				totalMonthlyCost: null,
				highestMonthlyCost: null,
				currencyCode: null,
				costByCurrency: [
					{
						currencyCode: 'USD',
						phoneNumberCount: 2,
						totalMonthlyCost: 4,
						highestMonthlyCost: 2,
						maxMonthlyCostPerNumber: 2,
						maxTotalMonthlyCost: 5,
					},
					{
						currencyCode: 'GBP',
						phoneNumberCount: 2,
						totalMonthlyCost: 2,
						highestMonthlyCost: 1,
						maxMonthlyCostPerNumber: 1.5,
						maxTotalMonthlyCost: 2,
					},
				],
			});
		});

		it.each([
			[
				'a currency without a limit',
				[priced(1), gbp(1)],
				limits,
				'currencyMismatch',
				/no cost limit in GBP/,
			],
			[
				'a number above its currency limit',
				[priced(1), gbp(1.75)],
				withGbp,
				'perNumberLimitExceeded',
				/\+442071230000 costs 1\.75 GBP a month, above .*1\.5 GBP/,
			],
			[
				'one currency above its total',
				[priced(1), gbp(1), gbp(1), gbp(0.5)],
				withGbp,
				'totalLimitExceeded',
				/priced in GBP cost 2\.5 GBP .*above .*2 GBP/,
			],
		])('refuses %s, naming the currency', (_, numbers, currencyLimits, reason, message) => {
			const verdict = checkCostGuard(numbers, currencyLimits);
			expect(verdict).toMatchObject({ allowed: false, reason });
			expect(verdict.allowed ? '' : verdict.message).toMatch(message);
		});

		it('does not let the limits of one currency cover another (USD limits never apply to GBP)', () => {
			expect(checkCostGuard([gbp(1)], limits)).toMatchObject({
				allowed: false,
				reason: 'currencyMismatch',
				currencyCode: 'GBP',
			});
		});
	});

	it.each([
		[[], 'nothingToBuy'],
		[[priced(undefined)], 'costUnknown'],
		[[priced(1, 'usd'), priced(1, 'EUR')], 'currencyMismatch'],
		[[priced(2.01)], 'perNumberLimitExceeded'],
		[[priced(2), priced(2), priced(2)], 'totalLimitExceeded'],
	])('refuses %j as %s', (numbers, reason) => {
		expect(checkCostGuard(numbers, limits)).toMatchObject({ allowed: false, reason });
	});

	it('prices a search result of 250,000 numbers (no argument list as long as the result)', () => {
		const numbers = Array.from({ length: 250_000 }, (_, i) => priced(i === 123_456 ? 1.5 : 0.01));
		expect(checkCostGuard(numbers, { ...limits, maxTotalMonthlyCost: 10_000 })).toMatchObject({
			allowed: true,
			highestMonthlyCost: 1.5,
		});
	});

	it('takes the later of the local clock and the service Date header', () => {
		const local = new Date('2025-01-01T00:00:00Z');
		expect(serviceNow({ date: 'Wed, 01 Jan 2025 00:20:00 GMT' }, local).toISOString()).toBe(
			'2025-01-01T00:20:00.000Z',
		);
		expect(serviceNow({ date: 'Tue, 31 Dec 2024 23:00:00 GMT' }, local)).toBe(local);
		expect(serviceNow({}, local)).toBe(local);
	});
});
