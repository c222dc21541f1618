import { ClientSecretCredential } from '@azure/identity';
import { withEmulator } from '../../support/emulator';
import { sendWithAccessKey, sendWithTokenCredential } from './support/sdkPipeline';
import { thingsDomain } from './support/thingsDomain';

const API = 'api-version=2099-01-01';
const emulator = withEmulator({ domains: [thingsDomain] });

describe('request log', () => {
  it('records method, path, query, status, duration and auth kind, never a key, signature or token', async () => {
    const emu = emulator();
    const hmac = await sendWithAccessKey(emu.accessKey, `${emu.endpoint}things?${API}&top=2&sig=abc&accessKey=zzz`);
    expect(hmac.status).toBe(200);
    const issuer = emu.tokenIssuer;
    const credential = new ClientSecretCredential(issuer.tenantId, issuer.clientId, issuer.clientSecret, {
      authorityHost: issuer.authorityHost,
      disableInstanceDiscovery: true,
    });
    expect((await sendWithTokenCredential(credential, `${emu.secureEndpoint}things?${API}`, 'POST', { name: 'n' })).status).toBe(201);
    const token = (await credential.getToken('https://communication.azure.com//.default'))!.token;

    const log = await emu.control.requestLog();
    expect(log).toEqual([
      {
        seq: 1,
        time: expect.any(String),
        method: 'GET',
        path: '/things',
        query: { 'api-version': '2099-01-01', top: '2', sig: '[redacted]', accessKey: '[redacted]' },
        status: 200,
        durationMs: expect.any(Number),
        auth: 'hmac',
      },
      expect.objectContaining({ seq: 2, method: 'POST', path: '/things', status: 201, auth: 'bearer' }),
    ]);
    const text = JSON.stringify(log);
    for (const secret of [emu.accessKey, token, token.split('.')[2], issuer.clientSecret, 'HMAC-SHA256', 'Bearer']) {
      expect(text).not.toContain(secret);
    }
    await emu.control.clearRequestLog();
    expect(await emu.control.requestLog()).toEqual([]);
  });
});
