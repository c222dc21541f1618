/**
 * The node side takes every default api-version from nodes/shared/transport/apiVersions.ts: with other versions
 * there, the credentials' Test requests, the HTTP Request node placeholder, the SIP API choice and the options
 * shown in the editor all follow.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const MOVED = { phoneNumbers: '2099-01-01', sip: '2098-02-02', sipPreview: '2099-03-03-preview' };

jest.mock('../../../nodes/shared/transport/apiVersions', () => {
	const actual = jest.requireActual('../../../nodes/shared/transport/apiVersions');
	return { ...actual, DEFAULT_API_VERSIONS: MOVED };
});

/* eslint-disable @typescript-eslint/no-require-imports */
const load = () => ({
	connectionString:
		new (require('../../../credentials/AzureCommunicationServicesApi.credentials').AzureCommunicationServicesApi)(),
	entra:
		new (require('../../../credentials/AzureCommunicationServicesEntraApi.credentials').AzureCommunicationServicesEntraApi)(),
	sipChoice: require('../../../nodes/AzureCommunicationSipRouting/helpers/apiChoice'),
	sipDescriptions: require('../../../nodes/AzureCommunicationSipRouting/actions/common.descriptions'),
	phoneDescriptions: require('../../../nodes/AzureCommunicationPhoneNumbers/actions/common.descriptions'),
});

describe('one source for the default api-versions', () => {
	const loaded = load();

	it.each(['connectionString', 'entra'] as const)('the %s credential test uses it', (name) => {
		expect(loaded[name].test.request.qs['api-version']).toBe(MOVED.phoneNumbers);
		expect(loaded[name].httpRequestNode.apiBaseUrlPlaceholder).toContain(
			`api-version=${MOVED.phoneNumbers}`,
		);
	});

	it('the SIP API choice defaults to it', () => {
		expect(loaded.sipChoice.makeSipApiChoice('sip').effectiveVersion).toBe(MOVED.sip);
		expect(loaded.sipChoice.makeSipApiChoice('sipPreview').effectiveVersion).toBe(MOVED.sipPreview);
	});

	it('the SIP API picker names it', () => {
		const picker = loaded.sipDescriptions.sipApiProperty as INodeProperties;
		const names = (picker.options as INodePropertyOptions[]).map((option) => option.name).join(' ');
		expect(names).toContain(MOVED.sip);
		expect(names).toContain(MOVED.sipPreview);
	});

	it('the Phone Numbers node shows it as the default API Version', () => {
		expect(loaded.phoneDescriptions.PHONE_NUMBERS_API_VERSION).toBe(MOVED.phoneNumbers);
	});
});
