/**
 * One ACS request: late requests now due -> faults -> auth -> route (404) -> api-version (400) -> JSON body (400) ->
 * handler -> persist -> reply. Faults come first so that they also hit unknown paths and unauthenticated calls; a fault
 * with `processAfterMs` still hands the request to the rest of the pipeline, then or later (lateRequests.ts).
 */
import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUTH_ERROR_CODE, authenticate, type BearerVerifier } from './auth';
import type { EmulatorState } from './emulatorState';
import type { Fault } from './faults';
import { liveHeaders, writeReply } from './replies';
import {
	createContext,
	parseJsonBody,
	toEmulatorRequest,
	type ReceivedRequest,
} from './requestContext';
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

export async function handleAcsRequest(
	received: ReceivedRequest,
	res: ServerResponse,
	pipeline: AcsPipeline,
): Promise<void> {
	// Requests the service processes late take effect before anything that arrives after their time.
	await pipeline.state.lateRequests.runDue();
	const startedAt = process.hrtime.bigint();
	const arrival: Arrival = { at: pipeline.state.clock.now(), realAt: new Date() };
	const fault = pipeline.state.faults.take(received.method, received.rawPath, arrival.at.getTime());
	const logGeneration = pipeline.state.requestLog.generation;
	let auth: AuthKind = 'none';
	let supportedVersions: string[] | undefined;

	const log = (status: number) =>
		pipeline.state.requestLog.add({
			generation: logGeneration,
			arrivedAtMs: arrival.at.getTime(),
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
		if (fault.type === 'hold') await pipeline.state.faults.held(fault.id);
		if (fault.processAfterMs === 0) await processLate(received, pipeline, arrival, fault);
		else if (fault.processAfterMs !== undefined) {
			pipeline.state.lateRequests.schedule(arrival.at.getTime() + fault.processAfterMs, () =>
				processLate(received, pipeline, arrival, fault),
			);
		}
		if (fault.type === 'reset') {
			res.socket?.destroy();
			log(0);
			return;
		}
		if (fault.type !== 'delay' && fault.type !== 'hold') return send(faultReply(fault));
	}

	const processed = await processRequest(received, pipeline, arrival);
	auth = processed.auth;
	supportedVersions = processed.supportedVersions;
	send(processed.reply);
}

interface Arrival {
	/** Virtual-clock arrival. */
	at: Date;
	/** Real-time arrival (a client signs with its real clock). */
	realAt: Date;
}

interface Processed {
	reply: EmulatorReply;
	auth: AuthKind;
	supportedVersions?: string[];
}

/**
 * Auth -> route -> api-version -> JSON body -> handler -> persist. Completes synchronously when the handler does, so
 * that a late request made due by a clock change takes effect before that change returns.
 */
function processRequest(
	received: ReceivedRequest,
	pipeline: AcsPipeline,
	arrival: Arrival,
): Processed | Promise<Processed> {
	const authResult = authenticate(
		{
			method: received.method,
			rawUrl: received.rawUrl,
			headers: received.message.headers,
			rawBody: received.rawBody,
		},
		{
			accessKey: pipeline.accessKey,
			now: arrival.at,
			realNow: arrival.realAt,
			bearer: pipeline.bearer,
		},
	);
	const auth = authResult.kind;
	if (authResult.error) return { auth, reply: acsError(401, AUTH_ERROR_CODE, authResult.error) };

	const found = findRoute(pipeline.routes, received.method, received.rawPath);
	if (!found)
		return { auth, reply: acsError(404, 'NotFound', 'The requested resource was not found.') };
	const supportedVersions = found.mounted.domain?.supportedApiVersions;
	const answer = (reply: EmulatorReply): Processed => ({ auth, supportedVersions, reply });

	if (!received.query.get('api-version')) {
		return answer(
			acsError(
				400,
				'MissingApiVersionParameter',
				'The api-version query parameter (?api-version=) is required for all requests.',
			),
		);
	}
	const parsed = parseJsonBody(received.rawBody);
	if (!parsed.ok) return answer(acsError(400, 'BadRequest', 'The request body is not valid JSON.'));

	const context = createContext(pipeline.state, pipeline.settings);
	const failed = (error: unknown): EmulatorReply => {
		console.error(
			`[acs-emulator] handler failed for ${received.method} ${received.rawPath}: ${(error as Error).message}`,
		);
		return acsError(500, 'InternalError', 'The server encountered an internal error.');
	};
	// Persist before answering: an acknowledged change is durable.
	const persisted = (reply: EmulatorReply): Processed => {
		if (context.dirty) pipeline.state.persist();
		return answer(reply);
	};
	let reply: EmulatorReply | Promise<EmulatorReply>;
	try {
		reply = found.mounted.route.handler(
			toEmulatorRequest(received, parsed.body),
			found.match,
			context,
		);
	} catch (error) {
		reply = failed(error);
	}
	return reply instanceof Promise
		? reply.then(persisted, (error: unknown) => persisted(failed(error)))
		: persisted(reply);
}

/** The service processes a request whose client got a fault; logged with the fault's id and `late: true`. */
function processLate(
	received: ReceivedRequest,
	pipeline: AcsPipeline,
	arrival: Arrival,
	fault: Fault,
): void | Promise<void> {
	const startedAt = process.hrtime.bigint();
	const logGeneration = pipeline.state.requestLog.generation;
	const processedAt = pipeline.state.clock.now().getTime();
	const log = (processed: Processed) =>
		pipeline.state.requestLog.add({
			generation: logGeneration,
			arrivedAtMs: processedAt,
			method: received.method,
			path: received.rawPath,
			rawQuery: rawQueryOf(received.rawUrl),
			status: processed.reply.status,
			durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
			auth: processed.auth,
			fault: fault.id,
			late: true,
		});
	const processed = processRequest(received, pipeline, arrival);
	if (processed instanceof Promise) return processed.then(log);
	log(processed);
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
	if (fault.location !== undefined) headers.Location = fault.location;
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
