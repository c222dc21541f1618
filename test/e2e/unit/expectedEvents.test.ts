import { compareEvents } from '../../../scripts/e2e/triggers/expectedEvents';

const at = '2026-01-01T10:00:00.000Z';

describe('compareEvents', () => {
	const purchased = {
		event: 'numberPurchased',
		subjectType: 'phoneNumber',
		subject: '+14255550100',
		after: { phoneNumber: '+14255550100' },
		detectedAt: at,
	};

	it('accepts exactly the expected events, in any order', () => {
		const released = { ...purchased, event: 'numberReleased', before: { a: 1 }, after: undefined };
		expect(
			compareEvents(
				[released, purchased],
				[
					{ ...purchased, before: 'absent', after: '+14255550100' },
					{ ...released, before: 'present', after: 'absent' },
				],
			),
		).toEqual([]);
	});

	it('names missing, doubled and unexpected events', () => {
		const expected = [
			{ event: 'numberPurchased', subjectType: 'phoneNumber', subject: '+14255550100' },
		];
		expect(compareEvents([], expected)).toEqual([
			'missing: numberPurchased phoneNumber +14255550100',
		]);
		expect(compareEvents([purchased, purchased], expected)).toEqual([
			expect.stringMatching(/^unexpected: numberPurchased phoneNumber \+14255550100/),
		]);
	});

	it('checks before and after, and the change kind', () => {
		const changed = {
			event: 'configurationChanged',
			subjectType: 'route',
			subject: 'us',
			change: 'changed',
			before: { description: 'old' },
			after: { description: 'new' },
			detectedAt: at,
		};
		expect(compareEvents([changed], [{ ...changed, before: 'absent', after: 'newer' }])).toEqual([
			expect.stringContaining('before should be absent'),
			expect.stringContaining('after should contain "newer"'),
		]);
		expect(
			compareEvents(
				[changed],
				[{ ...changed, change: 'added', before: undefined, after: undefined }],
			),
		).toEqual([
			'missing: configurationChanged route us (added)',
			expect.stringMatching(/^unexpected: configurationChanged route us \(changed\)/),
		]);
	});
});
