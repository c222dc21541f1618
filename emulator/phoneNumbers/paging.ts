/** skip + page-size paging with the live service's relative nextLink (absent on the last page). */
import type { EmulatorReply, EmulatorRequest } from '../core/types';
import { invalidInput } from './errors';

export interface PageRequest {
	skip: number;
	size: number;
}

export function readPageRequest(
	req: EmulatorRequest,
	sizeParam: 'maxPageSize' | 'top',
): PageRequest | EmulatorReply {
	const skip = readInteger(req, 'skip', 0, 0);
	if (typeof skip !== 'number') return skip;
	const size = readInteger(req, sizeParam, 100, 1);
	if (typeof size !== 'number') return size;
	return { skip, size };
}

function readInteger(
	req: EmulatorRequest,
	name: string,
	fallback: number,
	minimum: number,
): number | EmulatorReply {
	const raw = req.query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < minimum || Number(raw) > 2147483647) {
		return invalidInput(`The value '${raw}' is not valid for ${name}.`, name);
	}
	return Number(raw);
}

/**
 * One page of `items` plus nextLink: the same path and query with skip moved forward, api-version last. On the last
 * page nextLink is undefined, so the JSON answer has no such key (as the live service).
 */
export function pageOf<T>(
	req: EmulatorRequest,
	sizeParam: 'maxPageSize' | 'top',
	page: PageRequest,
	items: T[],
): { items: T[]; nextLink?: string } {
	const slice = items.slice(page.skip, page.skip + page.size);
	if (page.skip + page.size >= items.length) return { items: slice };
	const query = new URLSearchParams();
	query.set('skip', String(page.skip + page.size));
	query.set(sizeParam, String(page.size));
	for (const [name, value] of req.query) {
		if (name !== 'skip' && name !== sizeParam && name !== 'api-version') query.append(name, value);
	}
	query.set('api-version', req.apiVersion);
	return { items: slice, nextLink: `${req.rawPath}?${query.toString()}` };
}
