import {
	EndpointError,
	checkEndpoint,
	isAcsHost,
	isLoopbackHost,
	resolveRequestUrl,
} from '../../../nodes/shared/acs/endpoint';

const strict = { allowCustomEndpoint: false };
const custom = { allowCustomEndpoint: true };

describe('endpoint policy', () => {
	it.each([
		'https://contoso.communication.azure.com',
		'https://contoso.communication.azure.com/',
		'https://CONTOSO.Communication.Azure.com/',
		'https://contoso.eastus.communications.azure.net/',
		'https://contoso.communication.azure.us/',
		'https://contoso.communication.azure.cn/',
		'https://contoso.communication.azure.com:443/',
	])('accepts the ACS endpoint %s', (endpoint) => {
		expect(checkEndpoint(endpoint, strict).pathname).toBe('/');
	});

	it.each([
		['https://evil.example.com/', /not an Azure Communication Services host/],
		['https://communication.azure.com/', /not an Azure Communication Services host/],
		[
			'https://contoso.communication.azure.com.evil.com/',
			/not an Azure Communication Services host/,
		],
		['https://evilcommunication.azure.com/', /not an Azure Communication Services host/],
		['http://contoso.communication.azure.com/', /must use https/],
		['http://127.0.0.1:4600/', /not an Azure Communication Services host/],
		['ftp://contoso.communication.azure.com/', /must use https/],
		['https://contoso.communication.azure.com/phoneNumbers', /without a path/],
		['https://contoso.communication.azure.com/?x=1', /without a path/],
		['https://user:pw@contoso.communication.azure.com/', /user name or password/],
		['not a url', /not a valid URL/],
		['', /empty/],
	])('refuses %s by default', (endpoint, message) => {
		expect(() => checkEndpoint(endpoint, strict)).toThrow(EndpointError);
		expect(() => checkEndpoint(endpoint, strict)).toThrow(message);
	});

	it.each([
		'http://127.0.0.1:4600/',
		'http://localhost:4600',
		'http://[::1]:4600/',
		'http://127.10.0.3/',
		'https://acs.internal.example/',
	])('accepts %s with Allow Custom Endpoint', (endpoint) => {
		expect(() => checkEndpoint(endpoint, custom)).not.toThrow();
	});

	it.each([
		'http://10.0.0.5:4600/',
		'http://acs.internal.example/',
		'http://localhost.evil.com/',
		'http://127.0.0.1.nip.io/',
	])(
		'refuses plain http to the non-loopback host %s even with Allow Custom Endpoint',
		(endpoint) => {
			expect(() => checkEndpoint(endpoint, custom)).toThrow(/only for a loopback host/);
		},
	);

	it('classifies hosts', () => {
		expect(isAcsHost('a.communication.azure.com')).toBe(true);
		expect(isAcsHost('a.communication.azure.com.')).toBe(true);
		expect(isAcsHost('communication.azure.com')).toBe(false);
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('[::1]')).toBe(true);
		expect(isLoopbackHost('128.0.0.1')).toBe(false);
	});
});

describe('resolveRequestUrl', () => {
	const endpoint = new URL('https://contoso.communication.azure.com/');

	it('resolves a relative path and appends the query', () => {
		const url = resolveRequestUrl(endpoint, '/phoneNumbers', {
			'api-version': '2025-06-01',
			top: 5,
			skip: undefined,
		});
		expect(url.href).toBe(
			'https://contoso.communication.azure.com/phoneNumbers?api-version=2025-06-01&top=5',
		);
	});

	it('keeps a query already in the path and lets qs override the same name', () => {
		const url = resolveRequestUrl(
			endpoint,
			'/phoneNumbers?skip=100&top=100&api-version=2025-06-01',
			{ top: 3 },
		);
		expect(url.searchParams.get('skip')).toBe('100');
		expect(url.searchParams.getAll('top')).toEqual(['3']);
	});

	it('keeps + and %2B in the path as given', () => {
		expect(resolveRequestUrl(endpoint, '/phoneNumbers/+1425').pathname).toBe('/phoneNumbers/+1425');
		expect(resolveRequestUrl(endpoint, '/phoneNumbers/%2B1425').pathname).toBe(
			'/phoneNumbers/%2B1425',
		);
	});

	it('accepts an absolute URL on the same origin (default port written or not)', () => {
		expect(
			resolveRequestUrl(endpoint, 'https://contoso.communication.azure.com:443/sip?api-version=x')
				.pathname,
		).toBe('/sip');
		expect(resolveRequestUrl(endpoint, 'https://CONTOSO.communication.azure.com/sip').host).toBe(
			'contoso.communication.azure.com',
		);
	});

	it.each([
		'https://evil.example.com/phoneNumbers',
		'http://contoso.communication.azure.com/phoneNumbers',
		'https://contoso.communication.azure.com:8443/phoneNumbers',
		'//evil.example.com/phoneNumbers',
		'https://contoso.communication.azure.com.evil.example.com/x',
		'https://other.communication.azure.com/phoneNumbers',
	])('refuses %s (another origin)', (url) => {
		expect(() => resolveRequestUrl(endpoint, url)).toThrow(
			/Refused to send an authenticated request/,
		);
	});

	it('drops a fragment and user info is refused', () => {
		expect(resolveRequestUrl(endpoint, '/sip#frag').href).toBe(
			'https://contoso.communication.azure.com/sip',
		);
		expect(() =>
			resolveRequestUrl(endpoint, 'https://u:p@contoso.communication.azure.com/sip'),
		).toThrow(EndpointError);
	});
});
