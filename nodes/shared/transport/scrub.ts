/** Removes anything that looks like a credential from text that may reach a user, a log or an output item. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
	[/accesskey=[^;\s"'&]+/gi, 'accesskey=[redacted]'],
	[/Signature=[A-Za-z0-9+/=%]+/g, 'Signature=[redacted]'],
	[/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted token]'],
	[/(client_secret|client_assertion|access_token|refresh_token)=[^&\s"']+/gi, '$1=[redacted]'],
	[/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[redacted private key]'],
];

export function scrubSecrets(text: string): string {
	return SECRET_PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
