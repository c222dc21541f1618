import {
	completeDomain,
	completeRoute,
	completeTrunk,
} from '../../../nodes/AzureCommunicationSipRouting/helpers/statedEntries';

describe('statedEntries: what an input leaves out keeps its stored value', () => {
	const storedTrunk = { sipSignalingPort: 5071, enabled: false, directTransfer: true };
	const storedRoute = {
		name: 'US',
		numberPattern: '^\\+1\\d{10}$',
		trunks: ['sbc1'],
		description: 'NA',
		callerIdOverride: '+1425',
	};

	it('a trunk keeps every field not stated, takes every field stated, and drops read-only health', () => {
		const health = { tls: { status: 'ok' }, ping: { status: 'ok' }, overall: { status: 'active' } };
		expect(completeTrunk({ ...storedTrunk, health }, { enabled: true })).toEqual({
			value: { ...storedTrunk, enabled: true },
		});
	});

	it('a new trunk without a port, route without a pattern, domain without enabled is missing that field', () => {
		expect(completeTrunk(undefined, { enabled: true })).toEqual({ missing: 'sipSignalingPort' });
		expect(completeRoute(undefined, { name: 'New', trunks: [] })).toEqual({
			missing: 'numberPattern',
		});
		expect(completeDomain(undefined, {})).toEqual({ missing: 'enabled' });
	});

	it('a route keeps what is not stated; null clears description and callerIdOverride', () => {
		expect(completeRoute(storedRoute, { name: 'US' })).toEqual({ value: storedRoute });
		expect(
			completeRoute(storedRoute, { name: 'US', description: null, callerIdOverride: null }),
		).toEqual({
			value: { name: 'US', numberPattern: storedRoute.numberPattern, trunks: ['sbc1'] },
		});
		expect(completeRoute(undefined, { name: 'New', numberPattern: '^\\+44' })).toEqual({
			value: { name: 'New', numberPattern: '^\\+44', trunks: [] },
		});
	});

	it('a domain keeps its enabled flag unless stated', () => {
		expect(completeDomain({ enabled: false }, {})).toEqual({ value: { enabled: false } });
		expect(completeDomain({ enabled: false }, { enabled: true })).toEqual({
			value: { enabled: true },
		});
	});
});
