/**
 * Measures requests/second of simple GETs over loopback (keep-alive, 16 in flight, 5 s each):
 *   npx tsx test/emulator/core/support/measureThroughput.ts
 * 1) HMAC-signed ACS GET (each request signed by the client, verified by the emulator), 2) control-API GET.
 */
import { Agent, request } from 'node:http';
import { startEmulator } from '../../../../emulator';
import { signedHeaders } from './http';
import { thingsDomain } from './thingsDomain';

const DURATION_MS = Number(process.env.DURATION_MS ?? 5000);
const IN_FLIGHT = 16;

async function measure(label: string, endpoint: string, headersFor: () => Record<string, string>, path: string): Promise<void> {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  let done = 0;
  let failed = 0;
  const deadline = Date.now() + DURATION_MS;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path, headers: headersFor(), agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) done++;
          else failed++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (Date.now() < deadline) await one();
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  console.log(`${label}: ${Math.round(done / seconds)} requests/s (${done} ok, ${failed} failed, ${seconds.toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0, tls: false, domains: [thingsDomain], seed: 1 });
  const host = new URL(emu.endpoint).host;
  const path = '/things?api-version=2099-01-01';
  await measure('HMAC-signed GET /things', emu.endpoint, () => signedHeaders({ method: 'GET', pathAndQuery: path, host, accessKey: emu.accessKey }), path);
  await measure('control GET /_emulator/clock', emu.endpoint, () => ({}), '/_emulator/clock');
  await emu.stop();
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
