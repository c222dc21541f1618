/**
 * Control routes of the SIP domain (no auth, loopback only):
 *   GET    /_emulator/sip/config                      the stored document with every field, and health
 *   PUT    /_emulator/sip/trunks/{fqdn}/health        set a trunk's health (partial: tls, ping, overall)
 *   DELETE /_emulator/sip/trunks/{fqdn}/health        back to "unknown"
 */
import { acsError, type EmulatorReply, type Route } from '../core/types';
import { UNKNOWN_HEALTH, type SipState } from './state';

const TLS = ['unknown', 'ok', 'certExpiring', 'certExpired'];
const PING = ['unknown', 'ok', 'expired', 'error'];
const OVERALL = ['unknown', 'active', 'inactive'];
const REASONS = ['noRecentCalls', 'noRecentPings', 'noRecentCallsAndPings'];

function statusOf(value: unknown): unknown {
	return typeof value === 'object' && value !== null
		? (value as { status?: unknown }).status
		: value;
}

export function setHealth(state: SipState, fqdn: string, body: unknown): EmulatorReply {
	if (!(fqdn in state.config.trunks))
		return acsError(404, 'NotFound', `Trunk ${fqdn} does not exist.`);
	const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const current = state.health[fqdn] ?? UNKNOWN_HEALTH;
	const tls = statusOf(input.tls) ?? current.tls.status;
	const ping = statusOf(input.ping) ?? current.ping.status;
	const overall = statusOf(input.overall) ?? current.overall.status;
	const reason =
		typeof input.overall === 'object' && input.overall !== null
			? (input.overall as { reason?: unknown }).reason
			: (input.reason ?? current.overall.reason);
	if (!TLS.includes(String(tls)))
		return acsError(400, 'BadRequest', `tls must be one of ${TLS.join(', ')}.`);
	if (!PING.includes(String(ping)))
		return acsError(400, 'BadRequest', `ping must be one of ${PING.join(', ')}.`);
	if (!OVERALL.includes(String(overall)))
		return acsError(400, 'BadRequest', `overall must be one of ${OVERALL.join(', ')}.`);
	if (reason !== undefined && !REASONS.includes(String(reason)))
		return acsError(400, 'BadRequest', `reason must be one of ${REASONS.join(', ')}.`);
	state.health[fqdn] = {
		tls: { status: String(tls) },
		ping: { status: String(ping) },
		overall:
			reason === undefined
				? { status: String(overall) }
				: { status: String(overall), reason: String(reason) },
	};
	return { status: 200, body: state.health[fqdn] };
}

export function sipControlRoutes(getState: () => SipState): Route[] {
	const fqdnIn = (match: RegExpMatchArray) => decodeURIComponent(match[1]);
	return [
		{
			method: 'GET',
			pattern: /^\/_emulator\/sip\/config$/,
			handler: () => ({ status: 200, body: getState() }),
		},
		{
			method: 'PUT',
			pattern: /^\/_emulator\/sip\/trunks\/([^/]+)\/health$/,
			handler: (req, match, ctx) => {
				const reply = setHealth(getState(), fqdnIn(match), req.body);
				if (reply.status === 200) ctx.markDirty();
				return reply;
			},
		},
		{
			method: 'DELETE',
			pattern: /^\/_emulator\/sip\/trunks\/([^/]+)\/health$/,
			handler: (_req, match, ctx) => {
				delete getState().health[fqdnIn(match)];
				ctx.markDirty();
				return { status: 204 };
			},
		},
	];
}
