/** Identifiers drawn from the emulator's seeded random, so that a seeded run is reproducible. */
export function randomGuid(random: () => number): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const text = hex.join('');
	return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Path segment of a phone number as received ('+1425…', '%2B1425…', '%2b1425…', '1425…') -> digits, or undefined. */
export function digitsOfPathNumber(segment: string): string | undefined {
	const match = /^(?:\+|%2[bB])?(\d{4,15})$/.exec(segment);
	return match ? match[1] : undefined;
}

export function exposeHeaders(headers: Record<string, string>): Record<string, string> {
	return { ...headers, 'Access-Control-Expose-Headers': Object.keys(headers).join(',') };
}
