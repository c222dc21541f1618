import { checkCostGuard } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/costGuard';
import { serviceNow } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/helpers/serverTime';

const limits = { maxMonthlyCostPerNumber: 2, maxTotalMonthlyCost: 5, currencyCode: 'USD' };
const priced = (amount: number | undefined, currencyCode: string | undefined = 'USD') => ({ phoneNumber: '+18005550100', amount, currencyCode });

describe('cost guard (pure)', () => {
	it('allows numbers at exactly the limits and sums them', () => {
		expect(checkCostGuard([priced(2), priced(2), priced(1)], limits)).toEqual({
			allowed: true,
			totalMonthlyCost: 5,
			highestMonthlyCost: 2,
			currencyCode: 'USD',
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
		expect(checkCostGuard(numbers, { ...limits, maxTotalMonthlyCost: 10_000 })).toMatchObject({ allowed: true, highestMonthlyCost: 1.5 });
	});

	it('takes the later of the local clock and the service Date header', () => {
		const local = new Date('2025-01-01T00:00:00Z');
		expect(serviceNow({ date: 'Wed, 01 Jan 2025 00:20:00 GMT' }, local).toISOString()).toBe('2025-01-01T00:20:00.000Z');
		expect(serviceNow({ date: 'Tue, 31 Dec 2024 23:00:00 GMT' }, local)).toBe(local);
		expect(serviceNow({}, local)).toBe(local);
	});
});
