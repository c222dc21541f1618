/** Authenticates ACS requests: HMAC-SHA256 with the access key, or a Bearer token issued by the emulator. */
import type { KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { verifyHmacRequest } from './hmacVerifier';
import type { AuthKind } from './requestLog';

export interface BearerVerifier {
	/** Undefined when the token is valid at `now`, else the reason. */
	verifyAccessToken(token: string, now: Date): string | undefined;
}

export interface AuthRequest {
	method: string;
	rawUrl: string;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
}

export interface AuthResult {
	kind: AuthKind;
	/** Reason for a 401, when refused. */
	error?: string;
}

export const AUTH_ERROR_CODE = 'Denied';

export function authenticate(
	req: AuthRequest,
	options: { accessKey: Buffer | KeyObject; now: Date; realNow: Date; bearer?: BearerVerifier },
): AuthResult {
	const authorization = req.headers.authorization;
	if (!authorization) return { kind: 'none', error: 'Authorization header is missing.' };
	if (/^HMAC-SHA256\s/i.test(authorization)) {
		// The client's clock is real time; the virtual clock may have been advanced to expire domain state.
		// A date within 15 minutes of either is accepted (see emulator/README.md, "Auth").
		let error = verifyHmacRequest({ ...req, accessKey: options.accessKey, now: options.realNow });
		if (error && options.now.getTime() !== options.realNow.getTime()) {
			const virtualError = verifyHmacRequest({
				...req,
				accessKey: options.accessKey,
				now: options.now,
			});
			if (!virtualError) error = undefined;
		}
		return error ? { kind: 'rejected', error } : { kind: 'hmac' };
	}
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
	if (bearer) {
		if (!options.bearer)
			return {
				kind: 'rejected',
				error: 'Bearer tokens are not accepted: the token issuer is disabled.',
			};
		const error = options.bearer.verifyAccessToken(bearer[1], options.now);
		return error ? { kind: 'rejected', error } : { kind: 'bearer' };
	}
	return { kind: 'rejected', error: 'Unsupported authorization scheme.' };
}
