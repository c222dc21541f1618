/**
 * "Now" for expiry checks: the later of this machine's clock and the service's `Date` response header,
 * so a hold that either side considers expired is treated as expired.
 */
export function serviceNow(
	headers: Record<string, string> | undefined,
	localNow: Date = new Date(),
): Date {
	const header = headers?.date ?? headers?.Date;
	const serverMs = header ? Date.parse(header) : NaN;
	return Number.isNaN(serverMs) || serverMs < localNow.getTime() ? localNow : new Date(serverMs);
}
