/**
 * Who may use the control API. A web page open in the user's browser can send requests to loopback ports: under
 * its own name after a DNS rebinding (Host), cross-site (Origin), or as a CORS "simple request" that needs no
 * preflight (a POST of text/plain, a form or no body). Only a loopback Host on the emulator's port, no foreign
 * Origin and, for changes, a JSON content type are served.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };
const READS = new Set(['GET', 'HEAD']);

/** Why the request is refused, or undefined when it may be served. */
export function controlRefusal(message: IncomingMessage, method: string): string | undefined {
	const scheme = (message.socket as TLSSocket).encrypted ? 'https' : 'http';
	const port = message.socket.localPort ?? 0;
	const host = (message.headers.host ?? '').toLowerCase();
	const allowed = LOOPBACK_NAMES.flatMap((name) =>
		port === DEFAULT_PORTS[scheme] ? [name, `${name}:${port}`] : [`${name}:${port}`],
	);
	if (!allowed.includes(host)) {
		return `The control API answers only requests whose Host header is localhost, 127.0.0.1 or [::1] on port ${port}.`;
	}
	const origin = message.headers.origin;
	if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${host}`) {
		return `Cross-origin requests are refused: the Origin ${origin} is not the emulator's own (${scheme}://${host}).`;
	}
	if (!READS.has(method) && !isJson(message.headers['content-type'])) {
		return 'Control requests that change state need the header Content-Type: application/json (also without a body).';
	}
	return undefined;
}

function isJson(contentType: string | undefined): boolean {
	return (contentType ?? '').split(';', 1)[0].trim().toLowerCase() === 'application/json';
}
