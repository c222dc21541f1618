import {
	eventsOf,
	inventoryChanges,
	parseFlatted,
	triggerEventProblems,
	type TriggerEvent,
} from '../../../scripts/queue/triggerEvents';

const event = (name: string, subject: string, execution = '1'): TriggerEvent => ({
	event: name,
	subject,
	execution,
});

describe('parseFlatted', () => {
	it('rebuilds n8n run data from its flattened form, shared parts included', () => {
		const text = JSON.stringify([
			{ resultData: '1' },
			{ runData: '2' },
			{ Trigger: '3' },
			['4'],
			{ data: '5' },
			{ main: '6' },
			['7'],
			['8', '8'],
			{ json: '9' },
			{ event: '10', subject: '11', count: 2 },
			'numberPurchased',
			'+14255550100',
		]);
		const data = parseFlatted(text);
		expect(eventsOf('7', data, 'Trigger')).toEqual([
			event('numberPurchased', '+14255550100', '7'),
			event('numberPurchased', '+14255550100', '7'),
		]);
		expect(eventsOf('7', data, 'Other')).toEqual([]);
	});
});

describe('triggerEventProblems', () => {
	const before = ['12125550100', '12125550101'];
	const after = ['12125550101', '14255550100'];

	it('finds which numbers appeared and left, whatever their format', () => {
		expect(inventoryChanges(['+1 212 555 0100'], ['12125550100', '+14255550100'])).toEqual({
			purchased: ['14255550100'],
			released: [],
		});
	});

	it('accepts each change reported once', () => {
		const events = [
			event('numberPurchased', '+14255550100'),
			event('numberReleased', '+12125550100', '2'),
		];
		expect(triggerEventProblems(events, before, after)).toEqual([]);
	});

	it('finds a change missed, one reported twice, and one that did not happen', () => {
		const events = [
			event('numberPurchased', '+14255550100'),
			event('numberPurchased', '+14255550100', '2'),
			event('numberReleased', '+12125550101', '3'),
		];
		expect(triggerEventProblems(events, before, after)).toEqual([
			'numberPurchased +14255550100 reported 2 times, expected once',
			'numberReleased +12125550100 reported 0 times, expected once',
			'numberReleased +12125550101 reported (execution 3) but the inventory shows no such change',
		]);
	});
});
