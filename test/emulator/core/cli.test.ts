import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseCliArguments } from '../../../emulator/cli';
import { rawRequest } from './support/http';

describe('emulator CLI', () => {
  it('parses options and refuses bad ones', () => {
    expect(parseCliArguments(['--port', '0', '--access-key', 'QUJD', '--state', 's.json', '--seed=9', '--token-issuer-port', '0'])).toEqual({
      port: 0,
      accessKey: 'QUJD',
      statePath: 's.json',
      seed: 9,
      tokenIssuerPort: 0,
    });
    expect(parseCliArguments([])).toEqual({ port: 4600 });
    expect(() => parseCliArguments(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseCliArguments(['--access-key', 'not base64!'])).toThrow(/base64/);
    expect(() => parseCliArguments(['--bogus'])).toThrow(/Unknown option/);
  });

  it('prints exactly one line, the connection string, on stdout, serves, and stops cleanly on SIGTERM', async () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', '..', 'emulator', 'cli.ts'), '--port', '0', '--access-key', key, '--no-token-issuer'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('\n')) resolve(output.split('\n')[0]);
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const match = /^Connection string: endpoint=(http:\/\/127\.0\.0\.1:\d+\/);accesskey=(.+)$/.exec(firstLine);
    expect(match?.[2]).toBe(key);
    const endpoint = match![1];
    expect((await rawRequest(endpoint, { path: '/_emulator/clock' })).status).toBe(200);
    expect(output.trimEnd().split('\n')).toEqual([firstLine]); // stdout is that one line; details go to stderr
    const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  }, 20_000);
});
