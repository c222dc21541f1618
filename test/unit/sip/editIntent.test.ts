import {
	editsNotStored,
	intendedEdits,
	rebaseIntent,
} from '../../../nodes/AzureCommunicationSipRouting/helpers/editIntent';
import type { SipConfiguration } from '../../../nodes/AzureCommunicationSipRouting/helpers/sipTypes';

const route = (name: string, numberPattern = '^\\+1[0-9]{10}$') => ({
	name,
	numberPattern,
	trunks: ['sbc1.contoso.com'],
});
const BEFORE: SipConfiguration = {
	trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
	routes: [route('US'), route('All')],
};
const names = (configuration: SipConfiguration) => configuration.routes.map((entry) => entry.name);

describe('editIntent: what an item meant, checked against what is stored', () => {
	it('a route added last: missing after another list replaced it, then put back after the routes it followed', () => {
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: [...BEFORE.routes, route('UK')] });
		const overwritten = { ...BEFORE, routes: [...BEFORE.routes, route('FR')] };
		expect(editsNotStored(intent, overwritten)).toEqual(['route "UK" is not stored']);
		const rebased = rebaseIntent(overwritten, intent);
		expect(names(rebased)).toEqual(['US', 'All', 'UK', 'FR']);
		expect(editsNotStored(intent, rebased)).toEqual([]);
	});

	it('a route put first stays first; its order is checked', () => {
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: [route('UK'), ...BEFORE.routes] });
		const moved = { ...BEFORE, routes: [route('US'), route('UK'), route('All')] };
		expect(editsNotStored(intent, moved)).toEqual([
			'route "UK" was meant to be in the order "UK", "US" but the routes are "US", "UK", "All"',
		]);
		expect(names(rebaseIntent(moved, intent))).toEqual(['UK', 'US', 'All']);
	});

	it('a reorder of stored routes is checked as a whole', () => {
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: [route('All'), route('US')] });
		const fresh = { ...BEFORE, routes: [route('US'), route('FR'), route('All')] };
		expect(editsNotStored(intent, fresh)).toEqual([
			'the route order was meant to be "All", "US" but is "US", "All"',
		]);
		expect(names(rebaseIntent(fresh, intent))).toEqual(['All', 'FR', 'US']);
	});

	it('a route update, a deletion and a trunk port are each named with what is stored', () => {
		const desired: SipConfiguration = {
			trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5070 } },
			routes: [route('US', '^\\+1[0-9]{9}$')],
		};
		const intent = intendedEdits(BEFORE, desired);
		expect(intent.routeOrder).toBeUndefined();
		expect(editsNotStored(intent, BEFORE)).toEqual([
			'trunk sbc1.contoso.com was meant to be {"sipSignalingPort":5070} but is stored as {"sipSignalingPort":5061}',
			`route "US" was meant to be ${JSON.stringify(desired.routes[0])} but is stored as ${JSON.stringify(BEFORE.routes[0])}`,
			'route "All" was meant to be deleted but is stored',
		]);
		expect(editsNotStored(intent, rebaseIntent(BEFORE, intent))).toEqual([]);
	});

	it('nothing another execution changed meanwhile counts against the item, and a rebase keeps it', () => {
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: [...BEFORE.routes, route('UK')] });
		const fresh: SipConfiguration = {
			trunks: { ...BEFORE.trunks, 'sbc2.contoso.com': { sipSignalingPort: 5062 } },
			routes: [route('All'), route('US', '^\\+1[0-9]{9}$'), route('UK')],
		};
		expect(editsNotStored(intent, fresh)).toEqual([]);
		const rebased = rebaseIntent({ ...fresh, routes: fresh.routes.slice(0, 2) }, intent);
		expect(rebased.trunks).toEqual(fresh.trunks);
		expect(rebased.routes).toEqual([route('All'), route('US', '^\\+1[0-9]{9}$'), route('UK')]);
	});

	it('a domain deleted and another enabled: each named when another write put them back', () => {
		const before: SipConfiguration = {
			...BEFORE,
			domains: { 'contoso.com': { enabled: true }, 'fabrikam.com': { enabled: false } },
		};
		const intent = intendedEdits(before, {
			...before,
			domains: { 'fabrikam.com': { enabled: true } },
		});
		expect(editsNotStored(intent, before)).toEqual([
			'domain fabrikam.com was meant to be {"enabled":true} but is stored as {"enabled":false}',
			'domain contoso.com was meant to be deleted but is stored ({"enabled":true})',
		]);
		expect(rebaseIntent(before, intent).domains).toEqual({ 'fabrikam.com': { enabled: true } });
	});

	it('Replace All means the whole list in its order: a route added meanwhile does not stay', () => {
		const stated = [route('All'), route('UK')];
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: stated }, { routes: true });
		const fresh = { ...BEFORE, routes: [route('All'), route('UK'), route('FR')] };
		expect(editsNotStored(intent, fresh)).toEqual([
			'the routes were meant to be "All", "UK" in this order but are "All", "UK", "FR"',
		]);
		expect(rebaseIntent(fresh, intent).routes).toEqual(stated);
	});

	it('FQDNs are compared without case; fields the service adds or an empty description it drops are no difference', () => {
		const intent = intendedEdits(BEFORE, {
			...BEFORE,
			trunks: { ...BEFORE.trunks, 'sbc2.contoso.com': { sipSignalingPort: 5062 } },
		});
		const stored = {
			...BEFORE,
			trunks: {
				...BEFORE.trunks,
				'SBC2.contoso.com': { sipSignalingPort: 5062, enabled: true },
			},
		};
		expect(editsNotStored(intent, stored)).toEqual([]);
		const described = intendedEdits(BEFORE, {
			...BEFORE,
			routes: [{ ...route('UK'), trunks: ['SBC1.contoso.com'], description: '' }],
		});
		expect(editsNotStored(described, { ...BEFORE, routes: [route('UK')] })).toEqual([]);
		expect(editsNotStored(intent, BEFORE)).toEqual([
			'trunk sbc2.contoso.com was meant to be {"sipSignalingPort":5062} but is not stored',
		]);
	});
});
