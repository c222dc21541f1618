import {
	sampleConfigurationChange,
	sipConfigurationChanges,
	sipConfigurationSnapshot,
} from '../../../../nodes/shared/acs/changes/sipConfigurationChanges';
import {
	packSipConfiguration,
	unpackSipConfiguration,
} from '../../../../nodes/shared/acs/changes/sipConfigurationState';
import type { SipConfiguration } from '../../../../nodes/shared/acs/sip/types';

const route = (name: string, trunks: string[] = ['sbc1.contoso.com'], numberPattern = '^\\+1') => ({
	name,
	numberPattern,
	trunks,
});

const BASE: SipConfiguration = {
	domains: { 'contoso.com': { enabled: true } },
	trunks: {
		'sbc1.contoso.com': { sipSignalingPort: 5061 },
		'sbc2.contoso.com': { sipSignalingPort: 5062, enabled: true },
	},
	routes: [route('A'), route('B'), route('C')],
};

function changes(before: SipConfiguration, after: SipConfiguration) {
	return sipConfigurationChanges(sipConfigurationSnapshot(before), sipConfigurationSnapshot(after));
}

describe('SIP configuration changes', () => {
	it('the same configuration (fields in another order, null fields, health) is no change', () => {
		const again: SipConfiguration = {
			routes: [
				{
					trunks: ['sbc1.contoso.com'],
					numberPattern: '^\\+1',
					name: 'A',
					callerIdOverride: null as never,
				},
				route('B'),
				route('C'),
			],
			trunks: {
				'sbc2.contoso.com': { enabled: true, sipSignalingPort: 5062 },
				'sbc1.contoso.com': {
					sipSignalingPort: 5061,
					health: { tls: { status: 'ok' }, ping: { status: 'ok' }, overall: { status: 'active' } },
				},
			},
			domains: { 'contoso.com': { enabled: true } },
		};
		expect(changes(BASE, again)).toEqual([]);
	});

	it('reports trunks, domains and routes added, removed and changed with before and after', () => {
		const after: SipConfiguration = {
			domains: { 'fabrikam.com': { enabled: false } },
			trunks: {
				'sbc1.contoso.com': { sipSignalingPort: 5070 },
				'sbc3.contoso.com': { sipSignalingPort: 5063 },
			},
			routes: [route('A', ['sbc1.contoso.com', 'sbc3.contoso.com']), route('C'), route('D')],
		};
		expect(changes(BASE, after)).toEqual([
			{
				subjectType: 'domain',
				subject: 'contoso.com',
				change: 'removed',
				before: { enabled: true },
			},
			{
				subjectType: 'domain',
				subject: 'fabrikam.com',
				change: 'added',
				after: { enabled: false },
			},
			{
				subjectType: 'trunk',
				subject: 'sbc1.contoso.com',
				change: 'changed',
				before: { sipSignalingPort: 5061 },
				after: { sipSignalingPort: 5070 },
			},
			{
				subjectType: 'trunk',
				subject: 'sbc2.contoso.com',
				change: 'removed',
				before: { sipSignalingPort: 5062, enabled: true },
			},
			{
				subjectType: 'trunk',
				subject: 'sbc3.contoso.com',
				change: 'added',
				after: { sipSignalingPort: 5063 },
			},
			{
				subjectType: 'route',
				subject: 'A',
				change: 'changed',
				before: { ...route('A'), priority: 1 },
				after: { ...route('A', ['sbc1.contoso.com', 'sbc3.contoso.com']), priority: 1 },
			},
			{
				subjectType: 'route',
				subject: 'D',
				change: 'added',
				after: { ...route('D'), priority: 3 },
			},
			{
				subjectType: 'route',
				subject: 'B',
				change: 'removed',
				before: { ...route('B'), priority: 2 },
			},
		]);
	});

	it('adding or removing a route shifts the others without a reorder or a change', () => {
		const inserted = { ...BASE, routes: [route('Z'), ...BASE.routes!] };
		expect(changes(BASE, inserted)).toEqual([
			{
				subjectType: 'route',
				subject: 'Z',
				change: 'added',
				after: { ...route('Z'), priority: 1 },
			},
		]);
		expect(changes(inserted, BASE)).toEqual([
			{
				subjectType: 'route',
				subject: 'Z',
				change: 'removed',
				before: { ...route('Z'), priority: 1 },
			},
		]);
	});

	it('a reorder is one routeOrder item with both name lists', () => {
		const reordered = { ...BASE, routes: [route('C'), route('A'), route('B')] };
		expect(changes(BASE, reordered)).toEqual([
			{
				subjectType: 'routeOrder',
				subject: 'routes',
				change: 'reordered',
				before: { routes: ['A', 'B', 'C'] },
				after: { routes: ['C', 'A', 'B'] },
			},
		]);
	});

	it('a route moved and edited is one changed item (content) and the one routeOrder item (order)', () => {
		const after = { ...BASE, routes: [route('B'), route('A', ['sbc2.contoso.com']), route('C')] };
		expect(changes(BASE, after)).toEqual([
			{
				subjectType: 'route',
				subject: 'A',
				change: 'changed',
				before: { ...route('A'), priority: 1 },
				after: { ...route('A', ['sbc2.contoso.com']), priority: 2 },
			},
			{
				subjectType: 'routeOrder',
				subject: 'routes',
				change: 'reordered',
				before: { routes: ['A', 'B', 'C'] },
				after: { routes: ['B', 'A', 'C'] },
			},
		]);
	});

	it("the order of a route's trunks is part of its content", () => {
		const before = {
			trunks: BASE.trunks,
			routes: [route('A', ['sbc1.contoso.com', 'sbc2.contoso.com'])],
		};
		const after = {
			trunks: BASE.trunks,
			routes: [route('A', ['sbc2.contoso.com', 'sbc1.contoso.com'])],
		};
		expect(changes(before, after).map((change) => change.change)).toEqual(['changed']);
	});

	it('Fetch Test Event shows the first route, else the first trunk, else the first domain, as added', () => {
		const snapshot = sipConfigurationSnapshot(BASE);
		expect(sampleConfigurationChange(snapshot)).toEqual({
			subjectType: 'route',
			subject: 'A',
			change: 'added',
			after: { ...route('A'), priority: 1 },
		});
		expect(sampleConfigurationChange({ ...snapshot, routes: [] })).toMatchObject({
			subjectType: 'trunk',
			subject: 'sbc1.contoso.com',
		});
		expect(
			sampleConfigurationChange({ trunks: {}, routes: [], domains: snapshot.domains }),
		).toMatchObject({
			subjectType: 'domain',
			subject: 'contoso.com',
		});
		expect(sampleConfigurationChange({ trunks: {}, routes: [] })).toBeUndefined();
	});
});

describe('SIP configuration state', () => {
	it('keeps route trunks as positions in the trunk list and reads back the same configuration', () => {
		const configuration: SipConfiguration = {
			...BASE,
			routes: [
				route('A', ['sbc2.contoso.com', 'sbc1.contoso.com']),
				route('B', ['SBC1.contoso.com']),
			],
		};
		const snapshot = sipConfigurationSnapshot(configuration);
		const packed = packSipConfiguration(snapshot);
		expect(packed.routes.map((entry) => entry.trunks)).toEqual([[1, 0], ['SBC1.contoso.com']]);
		const stored = JSON.parse(JSON.stringify(packed)) as typeof packed;
		expect(unpackSipConfiguration(stored)).toEqual(snapshot);
	});
});
