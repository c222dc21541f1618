/** Raw HTTP for core tests (no SDK), plus an independent ACS HMAC signer to build negative cases. */
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { request } from 'node:http';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json(): any;
}

export function rawRequest(
	endpoint: string,
	options: {
		method?: string;
		path: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
	},
): Promise<RawResponse> {
	const url = new URL(endpoint);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				method: options.method ?? 'GET',
				path: options.path,
				headers: options.headers,
				agent: false,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						text,
						json: () => JSON.parse(text),
					});
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

export interface SignOptions {
	method: string;
	pathAndQuery: string;
	host: string;
	body?: string;
	accessKey: string;
	date?: Date;
}

/** Headers of an HMAC-SHA256 signed ACS request. */
export function signedHeaders(options: SignOptions): Record<string, string> {
	const date = (options.date ?? new Date()).toUTCString();
	const contentHash = createHash('sha256')
		.update(options.body ?? '')
		.digest('base64');
	const stringToSign = `${options.method}\n${options.pathAndQuery}\n${date};${options.host};${contentHash}`;
	const signature = createHmac('sha256', secretKey(options.accessKey))
		.update(stringToSign)
		.digest('base64');
	return {
		host: options.host,
		'x-ms-date': date,
		'x-ms-content-sha256': contentHash,
		authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
	};
}

const keys = new Map<string, KeyObject>();
/** The decoded key as a KeyObject, made once per key (HMAC is several times faster with it than with a Buffer). */
function secretKey(accessKey: string): KeyObject {
	let key = keys.get(accessKey);
	if (!key) keys.set(accessKey, (key = createSecretKey(Buffer.from(accessKey, 'base64'))));
	return key;
}

export function hostOf(endpoint: string): string {
	return new URL(endpoint).host;
}
