import { ClientSecretCredential } from '@azure/identity';
import { RequestLog, REDACTED } from '../../../emulator/core/requestLog';
import { withEmulator } from '../../support/emulator';
import { sendWithAccessKey, sendWithTokenCredential } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const emulator = withEmulator({ domains: [thingsDomain] });

describe('request log', () => {
	it('records method, path, query, status, duration and auth kind, never a key, signature or token', async () => {
		const emu = emulator();
		const hmac = await sendWithAccessKey(
			emu.accessKey,
			`${emu.endpoint}things?${API}&top=2&sig=abc&accessKey=zzz`,
		);
		expect(hmac.status).toBe(200);
		const issuer = emu.tokenIssuer;
		const credential = new ClientSecretCredential(
			issuer.tenantId,
			issuer.clientId,
			issuer.clientSecret,
			{
				authorityHost: issuer.authorityHost,
				disableInstanceDiscovery: true,
			},
		);
		expect(
			(
				await sendWithTokenCredential(credential, `${emu.secureEndpoint}things?${API}`, 'POST', {
					name: 'n',
				})
			).status,
		).toBe(201);
		const token = (await credential.getToken('https://communication.azure.com//.default'))!.token;

		const log = await emu.control.requestLog();
		expect(log).toEqual([
			{
				seq: 1,
				time: expect.any(String),
				method: 'GET',
				path: '/things',
				query: {
					'api-version': '2099-01-01',
					top: '2',
					sig: '[redacted]',
					accessKey: '[redacted]',
				},
				status: 200,
				durationMs: expect.any(Number),
				auth: 'hmac',
			},
			expect.objectContaining({
				seq: 2,
				method: 'POST',
				path: '/things',
				status: 201,
				auth: 'bearer',
			}),
		]);
		const text = JSON.stringify(log);
		for (const secret of [
			emu.accessKey,
			token,
			token.split('.')[2],
			issuer.clientSecret,
			'HMAC-SHA256',
			'Bearer',
		]) {
			expect(text).not.toContain(secret);
		}
		await emu.control.clearRequestLog();
		expect(await emu.control.requestLog()).toEqual([]);
	});
});

describe('request log store', () => {
	it('keeps the newest `capacity` entries in order however many arrive', () => {
		const log = new RequestLog(3);
		for (let i = 1; i <= 8; i++)
			log.add({
				generation: log.generation,
				arrivedAtMs: i * 1000,
				method: 'GET',
				path: `/n/${i}`,
				rawQuery: `i=${i}`,
				status: 200,
				durationMs: 1,
				auth: 'hmac',
			});
		expect(log.list().map((entry) => [entry.seq, entry.path, entry.query.i, entry.time])).toEqual([
			[6, '/n/6', '6', new Date(6000).toISOString()],
			[7, '/n/7', '7', new Date(7000).toISOString()],
			[8, '/n/8', '8', new Date(8000).toISOString()],
		]);
	});

	it('does not log, after a clear, a request that arrived before it (a slow answer cannot leak into the next test)', () => {
		const log = new RequestLog();
		const arrivedBeforeClear = log.generation;
		log.clear();
		log.add({
			generation: arrivedBeforeClear,
			arrivedAtMs: 0,
			method: 'GET',
			path: '/slow',
			rawQuery: '',
			status: 200,
			durationMs: 8000,
			auth: 'hmac',
		});
		log.add({
			generation: log.generation,
			arrivedAtMs: 1,
			method: 'GET',
			path: '/fresh',
			rawQuery: '',
			status: 200,
			durationMs: 1,
			auth: 'hmac',
		});
		expect(log.list().map((entry) => entry.path)).toEqual(['/fresh']);
	});

	it('redacts a secret-looking name even when it arrives percent-encoded', () => {
		const log = new RequestLog();
		log.add({
			generation: log.generation,
			arrivedAtMs: 0,
			method: 'GET',
			path: '/x',
			rawQuery: 's%69g=abc&api-version=1&plain=ok',
			status: 200,
			durationMs: 1,
			auth: 'none',
		});
		expect(log.list()[0].query).toEqual({ sig: REDACTED, 'api-version': '1', plain: 'ok' });
		expect(JSON.stringify(log.list())).not.toContain('abc');
	});
});

describe('request log redaction rule', () => {
	it('redacts secret-looking names but not ordinary ones that merely contain those letters', () => {
		const log = new RequestLog();
		const rawQuery =
			'assignmentType=person&areaCode=425&sig=abc&client_secret=def&access-token=ghi&api-version=1';
		log.add({
			generation: log.generation,
			arrivedAtMs: 0,
			method: 'GET',
			path: '/x',
			rawQuery,
			status: 200,
			durationMs: 1,
			auth: 'none',
		});
		expect(log.list()[0].query).toEqual({
			assignmentType: 'person',
			areaCode: '425',
			sig: REDACTED,
			client_secret: REDACTED,
			'access-token': REDACTED,
			'api-version': '1',
		});
	});
});
