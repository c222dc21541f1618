/**
 * Makes every `<name>.localhost` resolve to 127.0.0.1 in this process (Node's sockets look names up through
 * `dns.lookup` at connect time), so that a redirect to a subdomain of the endpoint's host can be tried on loopback
 * without touching the system's resolver. `restore()` undoes it.
 */
import dns from 'node:dns';

type Lookup = typeof dns.lookup;

export function resolveLocalhostSubdomains(): { restore(): void } {
	const original: Lookup = dns.lookup;
	const patched = function lookup(this: unknown, hostname: string, ...rest: unknown[]) {
		const name = /\.localhost\.?$/i.test(hostname) ? '127.0.0.1' : hostname;
		return (original as (...args: unknown[]) => unknown).call(this, name, ...rest);
	};
	dns.lookup = patched as unknown as Lookup;
	return {
		restore: () => {
			dns.lookup = original;
		},
	};
}
