import { AzureKeyCredential } from '@azure/core-auth';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { createCommunicationAccessKeyCredentialPolicy } from '@azure/communication-common';
import fc from 'fast-check';
import { contentHash, signAcsRequest } from '../../../nodes/shared/acs/hmac';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const DATE = new Date('Tue, 11 Jan 2022 17:22:10 GMT');

/** Signatures computed independently (Python hmac/hashlib) from hand-written strings to sign. */
const VECTORS = [
	{
		name: 'GET with query',
		method: 'GET',
		url: 'https://contoso.communication.azure.com/phoneNumbers?api-version=2025-06-01&top=1',
		body: '',
		host: 'contoso.communication.azure.com',
		contentHash: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
		signature: 'KD1RFnKpXOFF40jwOhxg0j5VWnzoUfOvUobc18xxoiQ=',
	},
	{
		name: 'literal + in the path',
		method: 'GET',
		url: 'https://contoso.communication.azure.com/phoneNumbers/+14255550100?api-version=2025-06-01',
		body: '',
		host: 'contoso.communication.azure.com',
		contentHash: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
		signature: 'GF1KNL6DUBcH3BQvIOOkf0UFVZIqrUy5/f6b7c/ZGZU=',
	},
	{
		name: '%2B in the path, merge-patch body',
		method: 'PATCH',
		url: 'https://contoso.communication.azure.com/phoneNumbers/%2B14255550100/capabilities?api-version=2025-06-01',
		body: '{"calling":"inbound","sms":"none"}',
		host: 'contoso.communication.azure.com',
		contentHash: 'xDIZAgEfhn33lN0oE2suNMbzut0Jdknhbc1DSNifXHQ=',
		signature: '/t0BleiaB9+MEn3HrURQdQ/hhPOyYLq4ktdgYiWiLAg=',
	},
	{
		name: 'special characters in the query (a raw + is a space, re-encoded), http loopback with port',
		method: 'GET',
		url: "http://127.0.0.1:4600/availablePhoneNumbers/countries/US/localities?administrativeDivision=New York&x=a/b+c~d*e'&api-version=2025-06-01",
		body: '',
		host: '127.0.0.1:4600',
		contentHash: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
		signature: '2ANDJKS0/jaNVdfJRGtVMbgjArHAi/ZAGZRR0ij4VnE=',
	},
	{
		name: 'non-default https port, colon path segment, UTF-8 body',
		method: 'POST',
		url: 'https://contoso.eastus.communications.azure.net:8443/sip:testRoutesWithNumber?targetPhoneNumber=%2B14251234567&api-version=2024-11-15-preview',
		body: '{"routes":[{"name":"r é","numberPattern":"^\\\\+1.*"}]}',
		host: 'contoso.eastus.communications.azure.net:8443',
		contentHash: 'VMlAl75RajNAthDpXqWU4uc9QXM7tWVNCCE+nctNqu0=',
		signature: 'qPMsbqYGIcX3ID0xjD+VxIOkT6c8k8N1QMkAK9BUQNY=',
	},
	{
		name: 'DELETE without body',
		method: 'DELETE',
		url: 'https://contoso.communication.azure.com/phoneNumbers/operations/purchase_abc?api-version=2025-06-01',
		body: '',
		host: 'contoso.communication.azure.com',
		contentHash: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
		signature: 'SHeM2kuGksiUgxnn4U8DxNB0Pq9VZdbSUyIDW+jQ6Qg=',
	},
];

async function officialHeaders(method: string, url: string, body: string) {
	const policy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(KEY));
	const request = createPipelineRequest({ url, method: method as 'GET', body: body || undefined });
	await policy.sendRequest(request, async (sent) => ({
		request: sent,
		status: 200,
		headers: createHttpHeaders(),
	}));
	return request.headers;
}

describe('HMAC signer', () => {
	it.each(VECTORS)('known answer: $name', (vector) => {
		const headers = signAcsRequest({ ...vector, accessKey: KEY, date: DATE });
		expect(headers['x-ms-date']).toBe('Tue, 11 Jan 2022 17:22:10 GMT');
		expect(headers.host).toBe(vector.host);
		expect(headers['x-ms-content-sha256']).toBe(vector.contentHash);
		expect(headers.authorization).toBe(
			`HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${vector.signature}`,
		);
	});

	it('hashes the empty body to the documented constant', () => {
		expect(contentHash('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
	});

	it('a different key, date, body or path changes the signature', () => {
		const base = { ...VECTORS[2], accessKey: KEY, date: DATE };
		const reference = signAcsRequest(base).authorization;
		expect(
			signAcsRequest({ ...base, accessKey: 'AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' })
				.authorization,
		).not.toBe(reference);
		expect(
			signAcsRequest({ ...base, date: new Date(DATE.getTime() + 1000) }).authorization,
		).not.toBe(reference);
		expect(signAcsRequest({ ...base, body: base.body + ' ' }).authorization).not.toBe(reference);
		expect(
			signAcsRequest({ ...base, url: base.url.replace('0100', '0101') }).authorization,
		).not.toBe(reference);
	});

	it.each(VECTORS)(
		'equals the official @azure/communication-common signer: $name',
		async (vector) => {
			const official = await officialHeaders(vector.method, vector.url, vector.body);
			const ours = signAcsRequest({
				...vector,
				accessKey: KEY,
				date: new Date(official.get('x-ms-date') as string),
			});
			expect(ours.authorization).toBe(official.get('authorization'));
			expect(ours['x-ms-content-sha256']).toBe(official.get('x-ms-content-sha256'));
			expect(ours.host).toBe(official.get('host'));
		},
	);

	it('equals the official signer for generated paths, queries and bodies', async () => {
		const segment = fc
			.stringMatching(/^[A-Za-z0-9+%:._~-]{1,12}$/)
			.filter((s) => !/%(?![0-9A-F]{2})/.test(s));
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'),
				fc.array(segment, { minLength: 1, maxLength: 4 }),
				fc.dictionary(fc.stringMatching(/^[a-zA-Z-]{1,8}$/), fc.string({ maxLength: 12 }), {
					maxKeys: 4,
				}),
				fc.string({ maxLength: 40 }),
				async (method, segments, query, body) => {
					const url = new URL(`https://r.communication.azure.com/${segments.join('/')}`);
					for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
					const official = await officialHeaders(method, url.href, body);
					const ours = signAcsRequest({
						method,
						url: url.href,
						body,
						accessKey: KEY,
						date: new Date(official.get('x-ms-date') as string),
					});
					expect(ours.authorization).toBe(official.get('authorization'));
				},
			),
			{ numRuns: 150, seed: 20250611 },
		);
	});
});
