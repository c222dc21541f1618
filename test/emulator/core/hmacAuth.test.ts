import { PhoneNumbersClient } from '@azure/communication-phone-numbers';
import { withEmulator } from '../../support/emulator';
import { hostOf, rawRequest, signedHeaders } from './support/http';
import { sendWithAccessKey } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const emulator = withEmulator({ domains: [thingsDomain], tls: false, seed: 11 });
const wrongKey = Buffer.alloc(32, 7).toString('base64');

describe('HMAC-SHA256 with the official SDK signer', () => {
	it('accepts a signed GET whose query the SDK re-serialises', async () => {
		const emu = emulator();
		const response = await sendWithAccessKey(
			emu.accessKey,
			`${emu.endpoint}things?${API}&filter=a b/c&x=%2B1`,
		);
		expect(response.status).toBe(200);
		expect(response.json().query).toEqual({
			'api-version': '2099-01-01',
			filter: 'a b/c',
			x: '+1',
		});
		expect((await emu.control.requestLog()).map((entry) => entry.auth)).toEqual(['hmac']);
	});

	it('accepts a signed POST with a JSON body and a signed merge-patch PATCH', async () => {
		const emu = emulator();
		const created = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`, 'POST', {
			name: 'first',
		});
		expect(created.status).toBe(201);
		const id = created.json().id;
		const patched = await sendWithAccessKey(
			emu.accessKey,
			`${emu.endpoint}things/${id}?${API}`,
			'PATCH',
			{ name: 'second' },
			'application/merge-patch+json; charset=utf-8',
		);
		expect(patched.status).toBe(200);
		expect(patched.json().name).toBe('second');
		const wrongType = await sendWithAccessKey(
			emu.accessKey,
			`${emu.endpoint}things/${id}?${API}`,
			'PATCH',
			{ name: 'third' },
			'application/json',
		);
		expect(wrongType.status).toBe(415);
		expect(wrongType.json().error.code).toBe('UnsupportedMediaType');
	});

	it('refuses the wrong key with 401 and an ACS error body', async () => {
		const emu = emulator();
		const response = await sendWithAccessKey(wrongKey, `${emu.endpoint}things?${API}`);
		expect(response.status).toBe(401);
		expect(response.json()).toEqual({ error: { code: 'Denied', message: expect.any(String) } });
		expect((await emu.control.requestLog())[0]).toMatchObject({ status: 401, auth: 'rejected' });
	});

	it('answers an unknown route 404 when signed and 401 when not', async () => {
		const emu = emulator();
		expect((await sendWithAccessKey(emu.accessKey, `${emu.endpoint}nowhere?${API}`)).status).toBe(
			404,
		);
		const unsigned = await rawRequest(emu.endpoint, { path: `/nowhere?${API}` });
		expect(unsigned.status).toBe(401);
		expect(unsigned.json().error.code).toBe('Denied');
	});

	it('drives PhoneNumbersClient: right key passes auth, wrong key is refused as the service refuses it', async () => {
		const emu = emulator();
		const good = new PhoneNumbersClient(emu.connectionString, {
			retryOptions: { maxRetries: 0 },
			allowInsecureConnection: true,
		});
		// The things domain has no phone routes: an authenticated call reaches routing (404), not auth (401).
		await expect(good.getPurchasedPhoneNumber('+14255550100')).rejects.toMatchObject({
			statusCode: 404,
			code: 'NotFound',
		});
		const bad = new PhoneNumbersClient(`endpoint=${emu.endpoint};accesskey=${wrongKey}`, {
			retryOptions: { maxRetries: 0 },
			allowInsecureConnection: true,
		});
		await expect(bad.getPurchasedPhoneNumber('+14255550100')).rejects.toMatchObject({
			statusCode: 401,
			code: 'Denied',
		});
		const log = await emu.control.requestLog();
		expect(log.map((entry) => [entry.path, entry.auth, entry.status])).toEqual([
			['/phoneNumbers/%2B14255550100', 'hmac', 404],
			['/phoneNumbers/%2B14255550100', 'rejected', 401],
		]);
	});
});

describe('HMAC verification details', () => {
	const send = (
		emuEndpoint: string,
		options: {
			method?: string;
			pathAndQuery: string;
			body?: string;
			sentBody?: string;
			date?: Date;
			signedHost?: string;
			sentHost?: string;
			key: string;
		},
	) => {
		const host = options.signedHost ?? hostOf(emuEndpoint);
		const headers = signedHeaders({
			method: options.method ?? 'GET',
			pathAndQuery: options.pathAndQuery,
			host,
			body: options.body,
			accessKey: options.key,
			date: options.date,
		});
		headers.host = options.sentHost ?? host;
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		return rawRequest(emuEndpoint, {
			method: options.method,
			path: options.pathAndQuery,
			headers,
			body: options.sentBody ?? options.body,
		});
	};

	it('accepts a date 14 minutes old and refuses one 16 minutes old or in the future', async () => {
		const emu = emulator();
		const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					date: at(-14),
				})
			).status,
		).toBe(200);
		const stale = await send(emu.endpoint, {
			pathAndQuery: `/things?${API}`,
			key: emu.accessKey,
			date: at(-16),
		});
		expect(stale.status).toBe(401);
		expect(stale.json().error.code).toBe('Denied');
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					date: at(16),
				})
			).status,
		).toBe(401);
	});

	it('keeps accepting real-time dates after the virtual clock moved, and dates of the virtual clock', async () => {
		const emu = emulator();
		await emu.control.advanceClock({ minutes: 60 });
		expect((await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}`)).status).toBe(
			200,
		);
		const virtualNow = new Date((await emu.control.getClock()).now);
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					date: virtualNow,
				})
			).status,
		).toBe(200);
		const neither = new Date(Date.now() + 30 * 60_000);
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					date: neither,
				})
			).status,
		).toBe(401);
	});

	it('refuses a tampered body (content hash) and a tampered query (signature)', async () => {
		const emu = emulator();
		const body = JSON.stringify({ name: 'honest' });
		const tampered = await send(emu.endpoint, {
			method: 'POST',
			pathAndQuery: `/things?${API}`,
			body,
			sentBody: JSON.stringify({ name: 'evil!!' }),
			key: emu.accessKey,
		});
		expect(tampered.status).toBe(401);
		expect(tampered.json().error).toEqual({
			code: 'Denied',
			message: "Request 'x-ms-content-sha256' differs from generated content hash.",
		});
		expect(await emu.control.call('GET', '/_emulator/things/count')).toEqual({ count: 0 });

		const headers = signedHeaders({
			method: 'GET',
			pathAndQuery: `/things?${API}&top=1`,
			host: hostOf(emu.endpoint),
			accessKey: emu.accessKey,
		});
		const changedQuery = await rawRequest(emu.endpoint, {
			path: `/things?${API}&top=1000`,
			headers,
		});
		expect(changedQuery.status).toBe(401);
		const changedMethod = await rawRequest(emu.endpoint, {
			method: 'DELETE',
			path: `/things?${API}&top=1`,
			headers,
		});
		expect(changedMethod.status).toBe(401);
	});

	it('verifies against the Host as received, accepting the SDK doubled-port form and its canonical form', async () => {
		const emu = emulator();
		const canonical = hostOf(emu.endpoint);
		const doubled = `${canonical}:${emu.port}`;
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					signedHost: doubled,
					sentHost: doubled,
				})
			).status,
		).toBe(200);
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					signedHost: canonical,
					sentHost: doubled,
				})
			).status,
		).toBe(200);
		expect(
			(
				await send(emu.endpoint, {
					pathAndQuery: `/things?${API}`,
					key: emu.accessKey,
					signedHost: 'other.example:443',
					sentHost: canonical,
				})
			).status,
		).toBe(401);
	});

	it('refuses a malformed Authorization header and unknown schemes', async () => {
		const emu = emulator();
		const headers = {
			...signedHeaders({
				method: 'GET',
				pathAndQuery: `/things?${API}`,
				host: hostOf(emu.endpoint),
				accessKey: emu.accessKey,
			}),
		};
		const noSignedHeaders = await rawRequest(emu.endpoint, {
			path: `/things?${API}`,
			headers: { ...headers, authorization: 'HMAC-SHA256 Signature=abc' },
		});
		expect(noSignedHeaders.status).toBe(401);
		const basic = await rawRequest(emu.endpoint, {
			path: `/things?${API}`,
			headers: { ...headers, authorization: 'Basic dXNlcjpwYXNz' },
		});
		expect(basic.status).toBe(401);
		const bearerWithoutIssuer = await rawRequest(emu.endpoint, {
			path: `/things?${API}`,
			headers: { authorization: 'Bearer abc.def.ghi' },
		});
		expect(bearerWithoutIssuer.status).toBe(401);
	});
});
