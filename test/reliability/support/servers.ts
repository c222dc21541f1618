/**
 * Small loopback servers of the suite: a recording server that stands for "another host" (it must receive
 * nothing), and a proxy in front of the emulator that rewrites the emulator's answers (headers or JSON body),
 * e.g. to point an Operation-Location at the other host. The proxy keeps the Host header, so signatures verify.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
	origin: string;
	port: number;
	received: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
	close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
	server.closeAllConnections?.();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function startRecordingServer(): Promise<RecordingServer> {
	const received: RecordingServer['received'] = [];
	const server = createServer((req, res) => {
		received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"succeeded"}');
	});
	const port = await listen(server);
	return { origin: `http://127.0.0.1:${port}`, port, received, close: () => close(server) };
}

export interface UpstreamAnswer {
	method: string;
	/** Path and query as the client sent them. */
	url: string;
	/** The request's headers as the client sent them (e.g. its Authorization, for a server that echoes it). */
	requestHeaders: IncomingHttpHeaders;
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export type Rewrite = (
	answer: UpstreamAnswer,
) => { status?: number; headers?: UpstreamAnswer['headers']; body?: string } | void;

export interface CapturedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface RewritingProxy {
	endpoint: string;
	origin: string;
	rewritten: number;
	/** Every request as it came off the wire (method, path+query, headers, body). */
	requests: CapturedRequest[];
	close(): Promise<void>;
}

export async function startRewritingProxy(
	target: string,
	rewrite: Rewrite = () => undefined,
): Promise<RewritingProxy> {
	const upstream = new URL(target);
	const proxy: RewritingProxy = {
		endpoint: '',
		origin: '',
		rewritten: 0,
		requests: [],
		close: async () => undefined,
	};
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			proxy.requests.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: { ...req.headers },
				body: Buffer.concat(chunks),
			});
			const forward = request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: req.method,
					path: req.url,
					headers: req.headers,
				},
				(answer) => {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						const original: UpstreamAnswer = {
							method: req.method ?? '',
							url: req.url ?? '',
							requestHeaders: { ...req.headers },
							status: answer.statusCode ?? 502,
							headers: { ...answer.headers },
							body: Buffer.concat(parts).toString('utf8'),
						};
						const changed = rewrite(original);
						if (changed) proxy.rewritten++;
						const headers = { ...(changed?.headers ?? original.headers) };
						const body = changed?.body ?? original.body;
						delete headers['content-length'];
						delete headers['transfer-encoding'];
						res.writeHead(changed?.status ?? original.status, {
							...headers,
							'content-length': String(Buffer.byteLength(body)),
						});
						res.end(body);
					});
				},
			);
			forward.on('error', () => res.socket?.destroy());
			forward.end(Buffer.concat(chunks));
		});
	});
	const port = await listen(server);
	proxy.origin = `http://127.0.0.1:${port}`;
	proxy.endpoint = `${proxy.origin}/`;
	proxy.close = () => close(server);
	return proxy;
}

/** Sends a captured request again, byte for byte (optionally changed), straight to `origin`. */
export async function replay(
	origin: string,
	captured: CapturedRequest,
	change: { headers?: IncomingHttpHeaders; body?: Buffer; url?: string; method?: string } = {},
): Promise<{ status: number; body: string }> {
	const target = new URL(origin);
	const body = change.body ?? captured.body;
	const headers = {
		...captured.headers,
		...(change.headers ?? {}),
		'content-length': String(body.length),
	};
	return await new Promise((resolve, reject) => {
		const outgoing = request(
			{
				host: target.hostname,
				port: target.port,
				method: change.method ?? captured.method,
				path: change.url ?? captured.url,
				headers,
			},
			(answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => parts.push(chunk));
				answer.on('end', () =>
					resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
				);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

export interface RedirectServer {
	/** `http://localhost:<port>/`: the credential's endpoint; every request to it is answered with a redirect. */
	endpoint: string;
	origin: string;
	port: number;
	/** Requests that reached the endpoint (Host `localhost:<port>`). */
	atEndpoint: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
	/** Requests to any other host name on the same socket (a followed redirect): must stay empty. */
	elsewhere: Array<{ method: string; host: string; url: string; headers: IncomingHttpHeaders }>;
	/** Where the endpoint redirects to; `PORT` is replaced by the server's port. */
	location: string;
	status: number;
	close(): Promise<void>;
}

/**
 * One loopback socket answering by Host header: as `localhost:<port>` it stands for the credential's endpoint and
 * answers every request with a redirect; under any other name (e.g. `evil.localhost`, `127.0.0.1`) it records what
 * it received and answers 200, so that a followed redirect would look like a success.
 */
export async function startRedirectServer(): Promise<RedirectServer> {
	const redirect: RedirectServer = {
		endpoint: '',
		origin: '',
		port: 0,
		atEndpoint: [],
		elsewhere: [],
		location: 'http://evil.localhost:PORT/stolen',
		status: 302,
		close: async () => undefined,
	};
	const server = createServer((req, res) => {
		req.resume();
		const host = req.headers.host ?? '';
		if (host === `localhost:${redirect.port}`) {
			redirect.atEndpoint.push({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
			});
			const location = redirect.location.replace('PORT', String(redirect.port));
			res.writeHead(redirect.status, { location, 'content-type': 'application/json' }).end('{}');
			return;
		}
		redirect.elsewhere.push({
			method: req.method ?? '',
			host,
			url: req.url ?? '',
			headers: req.headers,
		});
		res
			.writeHead(200, { 'content-type': 'application/json' })
			.end('{"value":[],"status":"succeeded"}');
	});
	redirect.port = await listen(server);
	redirect.origin = `http://localhost:${redirect.port}`;
	redirect.endpoint = `${redirect.origin}/`;
	redirect.close = () => close(server);
	return redirect;
}
