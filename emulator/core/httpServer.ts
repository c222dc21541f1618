/** The HTTP listener: reads the request, sends /_emulator/ to the control API and everything else to the ACS pipeline. */
import {
	createServer,
	type IncomingMessage,
	type RequestListener,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleAcsRequest, type AcsPipeline } from './acsPipeline';
import { readBodyWithin, UNREAD_BODY_HEADERS } from './bodyLimit';
import { controlRefusal } from './controlGuard';
import { liveHeaders, writeReply } from './replies';
import {
	createContext,
	parseJsonBody,
	splitUrl,
	toEmulatorRequest,
	type ReceivedRequest,
} from './requestContext';
import { findRoute, type MountedRoute } from './router';
import { acsError } from './types';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_CONTROL_BODY_BYTES = 1024 * 1024;
export const BIND_HOST = '127.0.0.1';

export interface HttpServerOptions {
	acs: AcsPipeline;
	controlRoutes: MountedRoute[];
}

export function createEmulatorHttpServer(options: HttpServerOptions): Server {
	const server = createServer(requestListener(options));
	server.keepAliveTimeout = 30_000;
	return server;
}

/** The same ACS endpoint over HTTPS (the SDK's bearer policy refuses plain http). */
export function createEmulatorHttpsServer(
	options: HttpServerOptions,
	tls: { cert: string; key: string },
): Server {
	const server = createTlsServer(tls, requestListener(options));
	server.keepAliveTimeout = 30_000;
	return server;
}

function requestListener(options: HttpServerOptions): RequestListener {
	return (message, res) => {
		handle(message, res, options).catch((error: Error) => {
			console.error(`[acs-emulator] request failed: ${error.message}`);
			if (!res.headersSent)
				writeReply(
					res,
					acsError(500, 'InternalError', 'The server encountered an internal error.'),
					serviceDate(options),
				);
			else res.destroy();
		});
	};
}

export function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, BIND_HOST, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

export function close(server: Server): Promise<void> {
	return new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

async function handle(
	message: IncomingMessage,
	res: ServerResponse,
	options: HttpServerOptions,
): Promise<void> {
	const startedAt = process.hrtime.bigint();
	const method = (message.method ?? 'GET').toUpperCase();
	const rawUrl = message.url ?? '/';
	const url = splitUrl(rawUrl);
	const control = url.rawPath === '/_emulator' || url.rawPath.startsWith('/_emulator/');
	const headers = () =>
		control ? liveHeaders(startedAt, options.acs.state.clock.now()) : serviceDate(options);
	if (control) {
		const refusal = isLoopback(message.socket.remoteAddress)
			? controlRefusal(message, method)
			: 'The control API answers loopback clients only.';
		if (refusal)
			return writeReply(res, acsError(403, 'Forbidden', refusal), {
				...headers(),
				...UNREAD_BODY_HEADERS,
			});
	}
	const rawBody = await readBodyWithin(message, control ? MAX_CONTROL_BODY_BYTES : MAX_BODY_BYTES);
	if (rawBody === undefined) {
		const limit = control ? MAX_CONTROL_BODY_BYTES : MAX_BODY_BYTES;
		const reply = acsError(
			413,
			'RequestEntityTooLarge',
			`The request body is over ${limit / 1024 / 1024} MiB.`,
		);
		return writeReply(res, reply, { ...headers(), ...UNREAD_BODY_HEADERS });
	}
	const received: ReceivedRequest = { method, rawUrl, ...url, message, rawBody };
	if (control) await handleControlRequest(received, res, options, headers);
	else await handleAcsRequest(received, res, options.acs);
}

async function handleControlRequest(
	received: ReceivedRequest,
	res: ServerResponse,
	options: HttpServerOptions,
	headers: () => Record<string, string>,
): Promise<void> {
	const found = findRoute(options.controlRoutes, received.method, received.rawPath);
	if (!found)
		return writeReply(res, acsError(404, 'NotFound', 'Unknown control route.'), headers());
	const parsed = parseJsonBody(received.rawBody);
	if (!parsed.ok)
		return writeReply(
			res,
			acsError(400, 'BadRequest', 'The request body is not valid JSON.'),
			headers(),
		);
	const context = createContext(options.acs.state, options.acs.settings);
	const reply = await found.mounted.route.handler(
		toEmulatorRequest(received, parsed.body),
		found.match,
		context,
	);
	if (context.dirty) options.acs.state.persist();
	writeReply(res, reply, headers());
}

/** Every reply's `Date` comes from the virtual clock (Node would stamp real time). */
function serviceDate(options: HttpServerOptions): Record<string, string> {
	return { Date: options.acs.state.clock.now().toUTCString() };
}

export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	return address === '::1' || /^(::ffff:)?127\./.test(address);
}
