import {
	inventoryChanges,
	inventoryFingerprints,
} from '../../../../nodes/shared/acs/changes/inventoryChanges';
import {
	decodeFingerprint,
	numberFingerprint,
} from '../../../../nodes/shared/acs/changes/numberFingerprint';

const BOUGHT = '2026-03-01T10:00:00.123Z';

function listed(digits: string, calling = 'inbound+outbound', sms = 'none', purchaseDate = BOUGHT) {
	return {
		id: digits,
		phoneNumber: `+${digits}`,
		countryCode: 'US',
		capabilities: { calling, sms },
		purchaseDate,
	};
}

describe('number fingerprints', () => {
	it('keep capabilities and purchase time in a few characters and give them back', () => {
		const fingerprint = numberFingerprint({ calling: 'inbound+outbound', sms: 'none' }, BOUGHT);
		expect(fingerprint).toMatch(/^bn\.[0-9a-z]{8}$/);
		expect(decodeFingerprint(fingerprint)).toEqual({
			capabilities: { calling: 'inbound+outbound', sms: 'none' },
			purchaseDate: BOUGHT,
		});
	});

	it('keep a capability value the service may add later whole, and an absent one absent', () => {
		const fingerprint = numberFingerprint({ calling: 'emergencyOnly' }, undefined);
		expect(fingerprint).toBe('[emergencyOnly]-');
		expect(decodeFingerprint(fingerprint)).toEqual({ capabilities: { calling: 'emergencyOnly' } });
	});

	it('cost about 20 bytes of JSON per number', () => {
		const numbers = Array.from({ length: 1000 }, (_, index) => listed(`1425555${1000 + index}`));
		const bytes = Buffer.byteLength(JSON.stringify(inventoryFingerprints(numbers)));
		expect(bytes / numbers.length).toBeLessThan(30);
	});
});

describe('inventory changes', () => {
	const baseline = inventoryFingerprints([listed('14255550100'), listed('14255550101')]);

	it('reports nothing when nothing changed', () => {
		const { changes, fingerprints } = inventoryChanges(baseline, [
			listed('14255550100'),
			listed('14255550101'),
		]);
		expect(changes).toEqual([]);
		expect(fingerprints).toEqual(baseline);
	});

	it('reports a number listed now and not before as purchased, with the number as listed', () => {
		const bought = listed('14255550102', 'outbound', 'inbound+outbound');
		const { changes } = inventoryChanges(baseline, [
			listed('14255550100'),
			listed('14255550101'),
			bought,
		]);
		expect(changes).toEqual([{ kind: 'purchased', phoneNumber: '+14255550102', after: bought }]);
	});

	it('reports a number gone as released, with what was kept about it', () => {
		const { changes, fingerprints } = inventoryChanges(baseline, [listed('14255550100')]);
		expect(changes).toEqual([
			{
				kind: 'released',
				phoneNumber: '+14255550101',
				before: {
					phoneNumber: '+14255550101',
					capabilities: { calling: 'inbound+outbound', sms: 'none' },
					purchaseDate: BOUGHT,
				},
			},
		]);
		expect(Object.keys(fingerprints)).toEqual(['14255550100']);
	});

	it('reports new capabilities with before and after', () => {
		const changed = listed('14255550101', 'inbound', 'outbound');
		const { changes } = inventoryChanges(baseline, [listed('14255550100'), changed]);
		expect(changes).toEqual([
			{
				kind: 'capabilitiesChanged',
				phoneNumber: '+14255550101',
				before: { calling: 'inbound+outbound', sms: 'none' },
				after: { calling: 'inbound', sms: 'outbound' },
				number: changed,
			},
		]);
	});

	it('reports a number released and bought again between two readings as both', () => {
		const again = listed('14255550101', 'inbound+outbound', 'none', '2026-03-02T08:00:00.000Z');
		const kinds = inventoryChanges(baseline, [listed('14255550100'), again]).changes.map(
			(change) => change.kind,
		);
		expect(kinds).toEqual(['released', 'purchased']);
	});

	it('counts a number listed twice (a page boundary that moved) once', () => {
		const { changes, fingerprints } = inventoryChanges(baseline, [
			listed('14255550100'),
			listed('14255550101'),
			listed('14255550101'),
		]);
		expect(changes).toEqual([]);
		expect(Object.keys(fingerprints)).toHaveLength(2);
	});

	it('ignores entries that name no number', () => {
		const { changes } = inventoryChanges(baseline, [
			listed('14255550100'),
			listed('14255550101'),
			{ capabilities: { calling: 'none' } },
		]);
		expect(changes).toEqual([]);
	});
});
