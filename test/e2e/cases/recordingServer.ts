import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
}

/** A loopback server at `http://localhost:<port>/` that records what it receives and answers 200 with `body`. */
export interface RecordingServer {
	origin: string;
	received: RecordedRequest[];
	close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and, when the machine has it, on ::1 with the same port, so that `localhost` reaches it
 * whichever address the client resolves first.
 */
export async function startRecordingServer(body: object): Promise<RecordingServer> {
	const received: RecordedRequest[] = [];
	const make = () => {
		const server = createServer((req, res) => {
			received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
			req.resume();
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		});
		server.unref();
		return server;
	};
	const listen = (server: Server, host: string, port: number) =>
		new Promise<number>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
		});
	const servers = [make()];
	const port = await listen(servers[0], '127.0.0.1', 0);
	const ipv6 = make();
	if (
		await listen(ipv6, '::1', port).then(
			() => true,
			() => false,
		)
	)
		servers.push(ipv6);
	return {
		origin: `http://localhost:${port}`,
		received,
		close: async () => {
			await Promise.all(
				servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
			);
		},
	};
}
