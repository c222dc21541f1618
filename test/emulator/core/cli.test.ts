import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';
import { parseCliArguments } from '../../../emulator/cli';
import { rawRequest } from './support/http';

describe('emulator CLI', () => {
	it('parses options and refuses bad ones', () => {
		expect(
			parseCliArguments([
				'--port',
				'0',
				'--access-key',
				'QUJD',
				'--state',
				's.json',
				'--seed=9',
				'--token-issuer-port',
				'0',
			]),
		).toEqual({
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
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				join(__dirname, '..', '..', '..', 'emulator', 'cli.ts'),
				'--port',
				'0',
				'--access-key',
				key,
				'--no-token-issuer',
			],
			{
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		let output = '';
		const firstLine = await new Promise<string>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString('utf8');
				if (output.includes('\n')) resolve(output.split('\n')[0]);
			});
			child.on('exit', () => reject(new Error(`exited early: ${output}`)));
		});
		const match = /^Connection string: endpoint=(http:\/\/127\.0\.0\.1:\d+\/);accesskey=(.+)$/.exec(
			firstLine,
		);
		expect(match?.[2]).toBe(key);
		const endpoint = match![1];
		expect((await rawRequest(endpoint, { path: '/_emulator/clock' })).status).toBe(200);
		expect(output.trimEnd().split('\n')).toEqual([firstLine]); // stdout is that one line; details go to stderr
		const exitCode = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);
		child.kill('SIGTERM');
		expect(await exitCode).toBe(0);
	}, 20_000);

	it('prints the same resource over HTTPS as the first line on stderr; an SDK client uses it without allowInsecureConnection', async () => {
		const key = Buffer.alloc(32, 2).toString('base64');
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				join(__dirname, '..', '..', '..', 'emulator', 'cli.ts'),
				'--port',
				'0',
				'--access-key',
				key,
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		const exitCode = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);
		try {
			const [stdoutLine, stderrLine] = await Promise.all([
				firstLineOf(child, 'stdout'),
				firstLineOf(child, 'stderr'),
			]);
			expect(stdoutLine).toMatch(
				new RegExp(
					`^Connection string: endpoint=http://127\\.0\\.0\\.1:\\d+/;accesskey=${escape(key)}$`,
				),
			);
			const https = new RegExp(
				`^HTTPS connection string \\(trust \\.local/tls/ca\\.pem with NODE_EXTRA_CA_CERTS\\): (endpoint=https://127\\.0\\.0\\.1:\\d+/;accesskey=${escape(key)})$`,
			).exec(stderrLine);
			expect(https).not.toBeNull();
			// This test process trusts the test CA (NODE_EXTRA_CA_CERTS=.local/tls/ca.pem), as the README tells SDK users to.
			const client = new PhoneNumbersClient(https![1]);
			const countries: string[] = [];
			for await (const country of client.listAvailableCountries())
				countries.push(country.countryCode);
			expect(countries).toContain('US');
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exitCode).toBe(0);
	}, 30_000);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function firstLineOf(
	child: ChildProcessByStdio<null, Readable, Readable>,
	stream: 'stdout' | 'stderr',
): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		child[stream].on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes('\n')) resolve(output.split('\n')[0]);
		});
		child.on('exit', () => reject(new Error(`exited before a line on ${stream}: ${output}`)));
	});
}
