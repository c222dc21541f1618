import {
	makeSipApiChoice,
	sipFeatures,
} from '../../../nodes/AzureCommunicationSipRouting/helpers/apiChoice';

describe('SIP api-version features', () => {
	it.each([
		['2023-03-01', [false, false, false, false]],
		['2021-05-01-preview', [false, false, false, false]],
		['2022-09-01-preview', [true, false, false, false]],
		['2022-10-01-preview', [true, true, false, false]],
		['2023-01-01-preview', [true, true, true, false]],
		['2023-04-01-preview', [true, true, true, false]],
		['2024-11-15-preview', [true, true, true, true]],
		['2025-06-01-preview', [true, true, true, true]],
	])('%s: domains, testRoutesWithNumber, health, trunk options', (version, expected) => {
		const features = sipFeatures(version);
		expect([
			features.domains,
			features.testRoutesWithNumber,
			features.trunkHealth,
			features.trunkOptionsAndCallerId,
		]).toEqual(expected);
	});

	it('an override wins over the picked API for what is sent', () => {
		expect(makeSipApiChoice('sipPreview', ' 2023-04-01-preview ')).toMatchObject({
			api: 'sipPreview',
			apiVersion: '2023-04-01-preview',
			effectiveVersion: '2023-04-01-preview',
		});
		expect(makeSipApiChoice('sip', '')).toMatchObject({
			apiVersion: undefined,
			effectiveVersion: '2023-03-01',
		});
	});
});
