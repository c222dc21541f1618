/** A raw HMAC-signed request to the emulator, with a body given as exact text (hostile JSON survives as written). */
import type { RunningEmulator } from '../../../emulator';
import { signAcsRequest } from '../../../nodes/shared/acs/hmac';

export interface RawAnswer {
	status: number;
	text: string;
	json: any;
}

export async function signedRequest(
	emu: RunningEmulator,
	method: string,
	pathAndQuery: string,
	body?: string,
	contentType = 'application/json',
): Promise<RawAnswer> {
	const url = new URL(pathAndQuery, emu.endpoint);
	const payload = body ?? '';
	const signed = signAcsRequest({
		method,
		url,
		body: payload,
		accessKey: emu.accessKey,
		date: new Date(),
	});
	const response = await fetch(url, {
		method,
		headers: {
			authorization: signed.authorization,
			'x-ms-date': signed['x-ms-date'],
			'x-ms-content-sha256': signed['x-ms-content-sha256'],
			...(body === undefined ? {} : { 'content-type': contentType }),
		},
		body: body === undefined ? undefined : payload,
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}
