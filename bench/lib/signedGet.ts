/** A minimal HMAC-signed GET over a keep-alive agent: the cheapest client, to measure the emulator itself. */
import { Agent, request } from 'node:http';

import { signAcsRequest } from '../../nodes/shared/acs/hmac';

export function signedGetter(endpoint: string, accessKey: string, maxSockets: number) {
	const agent = new Agent({ keepAlive: true, maxSockets });
	const get = (pathAndQuery: string): Promise<number> =>
		new Promise((resolve, reject) => {
			const url = new URL(pathAndQuery, endpoint);
			const headers = signAcsRequest({ method: 'GET', url, body: '', accessKey, date: new Date() });
			const req = request(url, { method: 'GET', agent, headers: { ...headers } }, (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
				res.on('error', reject);
			});
			req.on('error', reject);
			req.end();
		});
	return { get, close: () => agent.destroy() };
}
