/** Compact JWS (JWT) signing with RS256 and verification of RS256 / PS256, on node:crypto only. */
import { constants, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export interface JwtParts {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function signJwtRs256(
	payload: Record<string, unknown>,
	privateKey: KeyObject,
	kid: string,
): string {
	const signingInput = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }))}.${b64url(JSON.stringify(payload))}`;
	return `${signingInput}.${b64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

export function decodeJwt(token: string): JwtParts | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return undefined;
	try {
		const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
		const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		if (!isObject(header) || !isObject(payload)) return undefined;
		return {
			header,
			payload,
			signingInput: `${parts[0]}.${parts[1]}`,
			signature: Buffer.from(parts[2], 'base64url'),
		};
	} catch {
		return undefined;
	}
}

/** True when the signature is valid for the header's alg (RS256 or PS256 only; 'none' and HMAC algs are refused). */
export function verifyJwtSignature(jwt: JwtParts, publicKey: KeyObject | string): boolean {
	const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
	const data = Buffer.from(jwt.signingInput);
	if (jwt.header.alg === 'RS256') return verify('sha256', data, key, jwt.signature);
	if (jwt.header.alg === 'PS256') {
		return verify(
			'sha256',
			data,
			{ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
			jwt.signature,
		);
	}
	return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
