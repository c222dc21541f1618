/** The preview trunk options as an input item may give them (booleans also as "true"/"false" text). */

const CHOICES: Record<string, string[]> = {
	privacyHeader: ['id', 'none'],
	ipAddressVersion: ['ipv4', 'ipv6'],
};

export function trunkOptionProblem(
	name: string,
	value: unknown,
): { value?: boolean | string; error?: string } {
	if (name === 'enabled' || name === 'directTransfer') {
		if (typeof value === 'boolean') return { value };
		if (value === 'true' || value === 'false') return { value: value === 'true' };
		return { error: `"${String(value)}" is not true or false` };
	}
	const choices = CHOICES[name] ?? [];
	if (typeof value === 'string' && choices.includes(value)) return { value };
	return { error: `"${String(value)}" is not one of ${choices.join(', ')}` };
}
