/** The HTTP listener: reads the request, sends /_emulator/ to the control API and everything else to the ACS pipeline. */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleAcsRequest, type AcsPipeline } from './acsPipeline';
import { liveHeaders, writeReply } from './replies';
import { createContext, parseJsonBody, splitUrl, toEmulatorRequest, type ReceivedRequest } from './requestContext';
import { findRoute, type MountedRoute } from './router';
import { acsError } from './types';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
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
export function createEmulatorHttpsServer(options: HttpServerOptions, tls: { cert: string; key: string }): Server {
  const server = createTlsServer(tls, requestListener(options));
  server.keepAliveTimeout = 30_000;
  return server;
}

function requestListener(options: HttpServerOptions): RequestListener {
  return (message, res) => {
    handle(message, res, options).catch((error: Error) => {
      console.error(`[acs-emulator] request failed: ${error.message}`);
      if (!res.headersSent) writeReply(res, acsError(500, 'InternalError', 'The server encountered an internal error.'), serviceDate(options));
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

async function handle(message: IncomingMessage, res: ServerResponse, options: HttpServerOptions): Promise<void> {
  const rawBody = await readBody(message);
  if (rawBody === undefined) {
    writeReply(res, acsError(413, 'RequestEntityTooLarge', 'The request body is too large.'), serviceDate(options));
    return;
  }
  const rawUrl = message.url ?? '/';
  const received: ReceivedRequest = { method: (message.method ?? 'GET').toUpperCase(), rawUrl, ...splitUrl(rawUrl), message, rawBody };
  if (received.rawPath === '/_emulator' || received.rawPath.startsWith('/_emulator/')) {
    await handleControlRequest(received, res, options);
  } else {
    await handleAcsRequest(received, res, options.acs);
  }
}

async function handleControlRequest(received: ReceivedRequest, res: ServerResponse, options: HttpServerOptions): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const headers = () => liveHeaders(startedAt, options.acs.state.clock.now());
  if (!isLoopback(received.message.socket.remoteAddress)) {
    return writeReply(res, acsError(403, 'Forbidden', 'The control API answers loopback clients only.'), headers());
  }
  const found = findRoute(options.controlRoutes, received.method, received.rawPath);
  if (!found) return writeReply(res, acsError(404, 'NotFound', 'Unknown control route.'), headers());
  const parsed = parseJsonBody(received.rawBody);
  if (!parsed.ok) return writeReply(res, acsError(400, 'BadRequest', 'The request body is not valid JSON.'), headers());
  const context = createContext(options.acs.state, options.acs.settings);
  const reply = await found.mounted.route.handler(toEmulatorRequest(received, parsed.body), found.match, context);
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

const NO_BODY = Buffer.alloc(0);

function readBody(message: IncomingMessage): Promise<Buffer | undefined> | Buffer {
  // HTTP/1.1: without Content-Length or Transfer-Encoding a request has no body (most GETs); skip the stream.
  if (message.headers['content-length'] === undefined && message.headers['transfer-encoding'] === undefined) return NO_BODY;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    message.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    message.on('error', reject);
  });
}
