/**
 * Records every outgoing TCP connection the process attempts and refuses (before any packet) those to a
 * non-loopback host, so a test can prove that nothing was even tried and that no traffic leaves the machine.
 */
import { Socket } from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

export interface SocketGuard {
	attempts: string[];
	refused: string[];
	restore(): void;
}

function targetOf(args: unknown[]): string {
	const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as unknown;
	if (first && typeof first === 'object') {
		const options = first as { host?: string; port?: number; path?: string };
		return options.path
			? `ipc:${options.path}`
			: `${options.host ?? 'localhost'}:${options.port ?? ''}`;
	}
	if (typeof first === 'number')
		return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
	return `ipc:${String(first)}`;
}

export function guardSockets(): SocketGuard {
	const original = Socket.prototype.connect;
	const guard: SocketGuard = {
		attempts: [],
		refused: [],
		restore: () => {
			Socket.prototype.connect = original;
		},
	};
	Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
		const target = targetOf(args);
		guard.attempts.push(target);
		const host = target.startsWith('ipc:') ? 'localhost' : target.slice(0, target.lastIndexOf(':'));
		if (!LOOPBACK.test(host)) {
			guard.refused.push(target);
			throw new Error(`socket guard: refused a connection to ${target}`);
		}
		return (original as (...a: unknown[]) => Socket).apply(this, args);
	} as typeof Socket.prototype.connect;
	return guard;
}
