/**
 * A hostile server's echo of a request's Authorization header: the value in every form a server could put it in
 * (raw, percent-encoded once and twice, form-encoded, JSON-escaped, base64, base64url, upper case), and the forms
 * the secret scan looks for.
 */
const jsonEscaped = (text: string) =>
	text.replace(/[&=+/<> ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Each form on its own: a response header holds one (a header of every form joined would overflow). */
export function echoFormsOf(authorization: string): string[] {
	return [
		`raw ${authorization}`,
		`url ${encodeURIComponent(authorization)}`,
		`url2 ${encodeURIComponent(encodeURIComponent(authorization))}`,
		`form ${new URLSearchParams({ a: authorization }).toString().slice(2)}`,
		`json ${jsonEscaped(authorization)}`,
		`b64 ${Buffer.from(authorization).toString('base64')}`,
		`b64url ${Buffer.from(authorization).toString('base64url')}`,
		`upper ${authorization.toUpperCase()}`,
	];
}

export function echoOf(authorization: string): string {
	return echoFormsOf(authorization).join(' | ');
}

/** The Authorization value, its encodings and its bare signature or token: none may be found anywhere. */
export function secretFormsOf(authorization: string): Array<[string, string]> {
	const bare =
		/Signature=(\S+)$/.exec(authorization)?.[1] ?? /^Bearer (\S+)$/.exec(authorization)?.[1];
	return [
		['Authorization header', authorization],
		[
			'Authorization header (double url-encoded)',
			encodeURIComponent(encodeURIComponent(authorization)),
		],
		['Authorization header (JSON-escaped)', jsonEscaped(authorization)],
		['Authorization header (base64)', Buffer.from(authorization).toString('base64')],
		['Authorization header (base64url)', Buffer.from(authorization).toString('base64url')],
		['Authorization header (upper case)', authorization.toUpperCase()],
		['signature or token', bare ?? authorization],
	];
}
