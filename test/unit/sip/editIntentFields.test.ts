import {
	editsNotStored,
	intendedEdits,
	rebaseIntent,
} from '../../../nodes/AzureCommunicationSipRouting/helpers/editIntent';
import type { SipConfiguration } from '../../../nodes/AzureCommunicationSipRouting/helpers/sipTypes';

const TRUNKS = { 'sbc1.contoso.com': { sipSignalingPort: 5061, enabled: true } };
const UK = {
	name: 'UK',
	numberPattern: '^\\+44[0-9]{10}$',
	trunks: ['sbc1.contoso.com'],
	callerIdOverride: '+442071234567',
};
const BEFORE: SipConfiguration = { trunks: TRUNKS, routes: [UK] };

describe('editIntent: an update means the fields it changes', () => {
	it('a route update is checked and re-applied field by field', () => {
		const { callerIdOverride: _, ...withoutCallerId } = UK;
		const desired = {
			...withoutCallerId,
			numberPattern: '^\\+443[0-9]{9}$',
			callerIdOverride: null,
		};
		const intent = intendedEdits(BEFORE, { ...BEFORE, routes: [desired as never] });
		// Another execution described the route meanwhile: not against this item.
		const described = { ...desired, description: 'London office' };
		expect(editsNotStored(intent, { ...BEFORE, routes: [described as never] })).toEqual([]);
		// Its list from an older read put back the old pattern and caller id: re-applied, the description kept.
		const overwritten = { ...BEFORE, routes: [{ ...UK, description: 'London office' }] };
		expect(editsNotStored(intent, overwritten)).toHaveLength(1);
		expect(rebaseIntent(overwritten, intent).routes).toEqual([described]);
	});

	it('a trunk update is checked and re-applied field by field; a Replace All means whole trunks', () => {
		const desired = {
			trunks: { 'sbc1.contoso.com': { ...TRUNKS['sbc1.contoso.com'], sipSignalingPort: 5072 } },
		};
		const turnedOff = { 'sbc1.contoso.com': { sipSignalingPort: 5061, enabled: false } };
		const intent = intendedEdits(BEFORE, { ...BEFORE, ...desired });
		expect(intent.trunks).toEqual({ 'sbc1.contoso.com': { sipSignalingPort: 5072 } });
		expect(rebaseIntent({ ...BEFORE, trunks: turnedOff }, intent).trunks).toEqual({
			'sbc1.contoso.com': { sipSignalingPort: 5072, enabled: false },
		});
		const whole = intendedEdits(BEFORE, { ...BEFORE, ...desired }, { trunks: true });
		expect(whole.trunks).toEqual(desired.trunks);
	});
});
