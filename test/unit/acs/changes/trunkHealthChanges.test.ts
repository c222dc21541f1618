import {
	leastHealthyTrunk,
	packTrunkHealth,
	trunkHealthChanges,
	trunkHealthSnapshot,
	unpackTrunkHealth,
} from '../../../../nodes/shared/acs/changes/trunkHealthChanges';

const health = (overall: string, ping = 'ok', tls = 'ok', reason?: string) => ({
	tls: { status: tls },
	ping: { status: ping },
	overall: reason ? { status: overall, reason } : { status: overall },
});

describe('Trunk health changes', () => {
	it('a trunk without health in the answer counts as unknown', () => {
		expect(trunkHealthSnapshot({ 'a.contoso.com': { sipSignalingPort: 5061 } })).toEqual({
			'a.contoso.com': health('unknown', 'unknown', 'unknown'),
		});
	});

	it('reports each trunk whose status or reason changed, with before and after', () => {
		const before = {
			'a.contoso.com': health('active'),
			'b.contoso.com': health('active'),
			'c.contoso.com': health('inactive', 'expired', 'ok', 'noRecentPings'),
			'gone.contoso.com': health('active'),
		};
		const after = {
			'a.contoso.com': health('active'),
			'b.contoso.com': health('inactive', 'error'),
			'c.contoso.com': health('inactive', 'expired', 'ok', 'noRecentCallsAndPings'),
			'new.contoso.com': health('inactive'),
		};
		expect(trunkHealthChanges(before, after)).toEqual([
			{ fqdn: 'b.contoso.com', before: health('active'), after: health('inactive', 'error') },
			{
				fqdn: 'c.contoso.com',
				before: health('inactive', 'expired', 'ok', 'noRecentPings'),
				after: health('inactive', 'expired', 'ok', 'noRecentCallsAndPings'),
			},
		]);
	});

	it('the least healthy trunk: overall first, then ping, then TLS; none without trunks', () => {
		expect(
			leastHealthyTrunk({
				'a.contoso.com': health('active'),
				'b.contoso.com': health('unknown', 'unknown', 'unknown'),
				'c.contoso.com': health('active', 'error'),
			}),
		).toBe('b.contoso.com');
		expect(
			leastHealthyTrunk({
				'a.contoso.com': health('active', 'ok', 'certExpiring'),
				'b.contoso.com': health('active', 'expired'),
			}),
		).toBe('b.contoso.com');
		expect(leastHealthyTrunk({ 'a.contoso.com': health('inactive') })).toBe('a.contoso.com');
		expect(leastHealthyTrunk({})).toBeUndefined();
	});
});

describe('Trunk health state', () => {
	it('keeps the statuses and the reason, and reads back the same health', () => {
		const snapshot = {
			'a.contoso.com': health('active'),
			'b.contoso.com': health('inactive', 'expired', 'ok', 'noRecentPings'),
		};
		const packed = packTrunkHealth(snapshot);
		expect(packed).toEqual({
			'a.contoso.com': ['ok', 'ok', 'active'],
			'b.contoso.com': ['ok', 'expired', 'inactive', 'noRecentPings'],
		});
		expect(unpackTrunkHealth(JSON.parse(JSON.stringify(packed)))).toEqual(snapshot);
	});
});
