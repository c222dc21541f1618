/**
 * One ACS request: faults -> auth -> route (404) -> api-version (400) -> JSON body (400) -> handler -> persist -> reply.
 * Faults come first so that they also hit unknown paths and unauthenticated calls.
 */
import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUTH_ERROR_CODE, authenticate, type BearerVerifier } from './auth';
import type { EmulatorState } from './emulatorState';
import type { Fault } from './faults';
import { liveHeaders, writeReply } from './replies';
import { createContext, parseJsonBody, toEmulatorRequest, type ReceivedRequest } from './requestContext';
import type { AuthKind } from './requestLog';
import { findRoute, type MountedRoute } from './router';
import { acsError, type EmulatorReply, type EmulatorSettings } from './types';

export interface AcsPipeline {
  state: EmulatorState;
  routes: MountedRoute[];
  /** createSecretKey(bytes), made once: HMAC with a KeyObject is several times faster than with a Buffer. */
  accessKey: KeyObject;
  bearer?: BearerVerifier;
  settings: EmulatorSettings;
}

export async function handleAcsRequest(received: ReceivedRequest, res: ServerResponse, pipeline: AcsPipeline): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const arrivedAt = pipeline.state.clock.now();
  let auth: AuthKind = 'none';
  let supportedVersions: string[] | undefined;
  const fault = pipeline.state.faults.take(received.method, received.rawPath);
  const logGeneration = pipeline.state.requestLog.generation;

  const log = (status: number) =>
    pipeline.state.requestLog.add({
      generation: logGeneration,
      arrivedAtMs: arrivedAt.getTime(),
      method: received.method,
      path: received.rawPath,
      rawQuery: rawQueryOf(received.rawUrl),
      status,
      durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
      auth,
      ...(fault ? { fault: fault.id } : {}),
    });
  const send = (reply: EmulatorReply) => {
    writeReply(res, reply, liveHeaders(startedAt, pipeline.state.clock.now(), supportedVersions));
    log(reply.status);
  };

  if (fault) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.type === 'reset') {
      res.socket?.destroy();
      log(0);
      return;
    }
    if (fault.type !== 'delay') return send(faultReply(fault));
  }

  const authResult = authenticate(
    { method: received.method, rawUrl: received.rawUrl, headers: received.message.headers, rawBody: received.rawBody },
    { accessKey: pipeline.accessKey, now: arrivedAt, realNow: new Date(), bearer: pipeline.bearer },
  );
  auth = authResult.kind;
  if (authResult.error) return send(acsError(401, AUTH_ERROR_CODE, authResult.error));

  const found = findRoute(pipeline.routes, received.method, received.rawPath);
  if (!found) return send(acsError(404, 'NotFound', 'The requested resource was not found.'));
  supportedVersions = found.mounted.domain?.supportedApiVersions;

  if (!received.query.get('api-version')) {
    return send(acsError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'));
  }
  const parsed = parseJsonBody(received.rawBody);
  if (!parsed.ok) return send(acsError(400, 'BadRequest', 'The request body is not valid JSON.'));

  const context = createContext(pipeline.state, pipeline.settings);
  let reply: EmulatorReply;
  try {
    reply = await found.mounted.route.handler(toEmulatorRequest(received, parsed.body), found.match, context);
  } catch (error) {
    console.error(`[acs-emulator] handler failed for ${received.method} ${received.rawPath}: ${(error as Error).message}`);
    reply = acsError(500, 'InternalError', 'The server encountered an internal error.');
  }
  // Persist before answering: an acknowledged change is durable.
  if (context.dirty) pipeline.state.persist();
  send(reply);
}

function rawQueryOf(rawUrl: string): string {
  const queryStart = rawUrl.indexOf('?');
  return queryStart >= 0 ? rawUrl.slice(queryStart + 1) : '';
}

export function faultReply(fault: Fault): EmulatorReply {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) {
    headers['Retry-After'] = fault.retryAfterAsDate
      ? new Date(Date.now() + fault.retryAfter * 1000).toUTCString()
      : String(fault.retryAfter);
  }
  if (fault.type === 'html') {
    const status = fault.status ?? 502;
    headers['Content-Type'] = 'text/html';
    return {
      status,
      headers,
      body: `<!DOCTYPE html>\n<html><head><title>${status} - Gateway error</title></head><body><h1>${status} - The gateway could not reach the service.</h1></body></html>\n`,
    };
  }
  return acsError(
    fault.status ?? 503,
    fault.code ?? 'ServiceUnavailable',
    fault.message ?? 'The service is temporarily unavailable.',
    { headers },
  );
}
