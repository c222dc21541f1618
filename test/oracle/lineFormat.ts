/** The oracle's line format: fields as base64 of UTF-16LE, which keeps lone surrogates intact. */
export const encodeField = (text: string): string =>
	Buffer.from(text, 'utf16le').toString('base64');
export const decodeField = (field: string): string =>
	Buffer.from(field, 'base64').toString('utf16le');

export const encodeCases = (cases: ReadonlyArray<{ pattern: string; input: string }>): string =>
	cases.map((c) => `${encodeField(c.pattern)}\t${encodeField(c.input)}\n`).join('');
