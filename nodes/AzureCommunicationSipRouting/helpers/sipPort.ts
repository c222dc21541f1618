import { validatePort } from '../../shared/acs/validators';

/**
 * The one reading of a SIP signaling port for every source (input items, JSON, expressions): an integer from 1 to
 * 65535, given as a number or as text of decimal digits only. Hex, exponents, a decimal point, a sign or spaces
 * ("0x13C3", "1e3", "5061.0") are refused instead of being read by Number().
 */
export function readPort(value: unknown): { port: number } | { problem: string } {
	const port = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
	if (typeof port !== 'number' || !Number.isInteger(port)) {
		return {
			problem: `${JSON.stringify(value) ?? String(value)} is not a port: give a whole number from 1 to 65535 as digits only (usually 5061).`,
		};
	}
	const problem = validatePort(port);
	return problem === undefined ? { port } : { problem };
}
