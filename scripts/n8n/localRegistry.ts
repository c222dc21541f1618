import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { packument, routeFor, versionManifest, type TarballManifest } from './packument';
import { run } from './run';

const UPSTREAM = 'https://registry.npmjs.org';

export interface LocalRegistry {
	url: string;
	/** Requests answered, in order: `<method> <path> -> <status>`; the upstream ones marked `(upstream)`. */
	requests: string[];
	stop(): Promise<void>;
}

/**
 * A stand-in npm registry on 127.0.0.1 that has one package more than the public one: it serves the packed
 * tarball (packument, version document, tarball) and forwards every other request to registry.npmjs.org,
 * where npm finds the package's dependencies (their tarball URLs point here when npm rewrites the host).
 */
export async function startLocalRegistry(tarballPath: string): Promise<LocalRegistry> {
	const tarball = fs.readFileSync(tarballPath);
	const manifest = await manifestInTarball(tarballPath);
	const requests: string[] = [];
	let url = '';
	const server = http.createServer((request, response) => {
		const route = routeFor(request.url ?? '/', manifest);
		const log = (status: number, upstream = false) =>
			requests.push(
				`${request.method} ${request.url} -> ${status}${upstream ? ' (upstream)' : ''}`,
			);
		if (route === undefined) {
			forward(request, response, (status) => log(status, true));
			return;
		}
		const body =
			route === 'tarball'
				? tarball
				: Buffer.from(
						JSON.stringify(
							route === 'packument'
								? packument(manifest, tarball, url)
								: versionManifest(manifest, tarball, url),
						),
					);
		response.writeHead(200, {
			'content-type': route === 'tarball' ? 'application/octet-stream' : 'application/json',
			'content-length': body.length,
		});
		response.end(request.method === 'HEAD' ? undefined : body);
		log(200);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** The package.json npm pack put in the tarball. */
async function manifestInTarball(tarballPath: string): Promise<TarballManifest> {
	const { stdout } = await run('tar', ['-xzOf', tarballPath, 'package/package.json']);
	return JSON.parse(stdout) as TarballManifest;
}

function forward(
	request: http.IncomingMessage,
	response: http.ServerResponse,
	onStatus: (status: number) => void,
): void {
	const target = new URL(request.url ?? '/', UPSTREAM);
	const headers = { ...request.headers, host: target.host };
	const upstream = https.request(target, { method: request.method, headers }, (answer) => {
		onStatus(answer.statusCode ?? 502);
		response.writeHead(answer.statusCode ?? 502, answer.headers);
		answer.pipe(response);
	});
	upstream.on('error', (error) => {
		onStatus(502);
		if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
		response.end(`upstream ${UPSTREAM} unreachable: ${error.message}`);
	});
	request.pipe(upstream);
}
