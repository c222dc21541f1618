/** Core routes of the control API under /_emulator/ (loopback only, no auth). Documented in emulator/README.md. */
import type { EmulatorState } from './emulatorState';
import type { FaultSpec } from './faults';
import { acsError, type EmulatorReply, type Route } from './types';

export interface TokenControl {
	issuedCount(): number;
	lifetimeSeconds(): number;
	setLifetimeSeconds(seconds: number): void;
}

export interface ControlDeps {
	state: EmulatorState;
	tokens?: TokenControl;
	info(): Record<string, unknown>;
	/** Extra work on reset (token counters). */
	onReset(): void;
}

const ok = (body: unknown, status = 200): EmulatorReply => ({ status, body });
const badRequest = (message: string) => acsError(400, 'BadRequest', message);

export function coreControlRoutes(deps: ControlDeps): Route[] {
	const { state } = deps;
	const clockBody = () => ({ now: state.clock.now().toISOString(), offsetMs: state.clock.offset });
	const changed = (body: unknown) => {
		state.persist();
		return ok(body);
	};
	return [
		{ method: 'GET', pattern: /^\/_emulator\/?$/, handler: () => ok(deps.info()) },
		{ method: 'GET', pattern: /^\/_emulator\/info$/, handler: () => ok(deps.info()) },
		{
			method: 'POST',
			pattern: /^\/_emulator\/reset$/,
			handler: () => {
				state.reset();
				deps.onReset();
				return ok({ reset: true, ...clockBody() });
			},
		},
		{ method: 'GET', pattern: /^\/_emulator\/clock$/, handler: () => ok(clockBody()) },
		{
			method: 'POST',
			pattern: /^\/_emulator\/clock\/advance$/,
			handler: (req) => {
				const ms = advanceMs(req.body);
				if (ms === undefined)
					return badRequest(
						'Body must be {"seconds": n}, {"minutes": n} or {"ms": n} with n >= 0.',
					);
				state.clock.advance(ms);
				return changed(clockBody());
			},
		},
		{
			method: 'PUT',
			pattern: /^\/_emulator\/clock$/,
			handler: (req) => {
				const body = (req.body ?? {}) as { now?: string; offsetMs?: number };
				if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs))
					state.clock.setOffset(body.offsetMs);
				else if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now)))
					state.clock.set(new Date(body.now));
				else return badRequest('Body must be {"now": "<ISO 8601>"} or {"offsetMs": n}.');
				return changed(clockBody());
			},
		},
		{
			method: 'GET',
			pattern: /^\/_emulator\/faults$/,
			handler: () => ok({ faults: state.faults.list() }),
		},
		{
			method: 'POST',
			pattern: /^\/_emulator\/faults$/,
			handler: (req) => {
				try {
					return ok(state.faults.add(req.body as FaultSpec), 201);
				} catch (error) {
					return badRequest((error as Error).message);
				}
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/_emulator\/faults$/,
			handler: () => {
				state.faults.clear();
				return ok({ faults: [] });
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/_emulator\/faults\/([^/]+)$/,
			handler: (_req, match) =>
				state.faults.remove(decodeURIComponent(match[1]))
					? { status: 204 }
					: acsError(404, 'NotFound', 'No such fault.'),
		},
		{
			method: 'GET',
			pattern: /^\/_emulator\/requests$/,
			handler: () => ok({ requests: state.requestLog.list() }),
		},
		{
			method: 'DELETE',
			pattern: /^\/_emulator\/requests$/,
			handler: () => {
				state.requestLog.clear();
				return ok({ requests: [] });
			},
		},
		{
			method: 'GET',
			pattern: /^\/_emulator\/tokens$/,
			handler: () =>
				deps.tokens
					? ok({
							issued: deps.tokens.issuedCount(),
							lifetimeSeconds: deps.tokens.lifetimeSeconds(),
						})
					: acsError(404, 'NotFound', 'The token issuer is disabled.'),
		},
		{
			method: 'PUT',
			pattern: /^\/_emulator\/tokens$/,
			handler: (req) => {
				if (!deps.tokens) return acsError(404, 'NotFound', 'The token issuer is disabled.');
				const seconds = (req.body as { lifetimeSeconds?: unknown } | undefined)?.lifetimeSeconds;
				if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1)
					return badRequest('Body must be {"lifetimeSeconds": n} with n >= 1.');
				deps.tokens.setLifetimeSeconds(seconds);
				return ok({ issued: deps.tokens.issuedCount(), lifetimeSeconds: seconds });
			},
		},
		{ method: 'GET', pattern: /^\/_emulator\/state$/, handler: () => ok(state.snapshot()) },
	];
}

function advanceMs(body: unknown): number | undefined {
	const { ms, seconds, minutes } = (body ?? {}) as {
		ms?: unknown;
		seconds?: unknown;
		minutes?: unknown;
	};
	const value =
		typeof ms === 'number'
			? ms
			: typeof seconds === 'number'
				? seconds * 1000
				: typeof minutes === 'number'
					? minutes * 60_000
					: undefined;
	return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}
