/** A signed raw JSON request to the emulator's ACS routes, for what the SDK cannot send. */
import type { RunningEmulator } from '../../../emulator';
import { signedHeaders } from '../core/support/http';

export interface RawReply {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

export async function signedRequest(
	emu: RunningEmulator,
	method: string,
	pathAndQuery: string,
	body?: unknown,
	contentType = 'application/merge-patch+json',
): Promise<RawReply> {
	const url = new URL(pathAndQuery, emu.endpoint);
	const text = body === undefined ? '' : JSON.stringify(body);
	const { host: _host, ...headers } = signedHeaders({
		method,
		pathAndQuery: `${url.pathname}${url.search}`,
		host: url.host,
		body: text,
		accessKey: emu.accessKey,
	});
	if (body !== undefined) headers['content-type'] = contentType;
	const res = await fetch(url, { method, headers, body: body === undefined ? undefined : text });
	const responseText = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		body: responseText ? JSON.parse(responseText) : undefined,
	};
}
