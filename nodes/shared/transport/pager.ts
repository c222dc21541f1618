/** Paging: follows nextLink (relative, or absolute on the endpoint's origin) up to a limit. */
import { NodeOperationError } from 'n8n-workflow';
import { pinToEndpoint } from './hostPin';
import { acsRequest } from './request';
import type { AcsContext, AcsResponse, PagedRequestOptions } from './types';

const DEFAULT_PAGE_SIZE = 100;

function withPageSize(path: string, param: string, size: number): string {
	const [pathname, query = ''] = path.split('?', 2);
	const params = new URLSearchParams(query);
	params.set(param, String(size));
	return `${pathname}?${params.toString()}`;
}

export async function acsGetAllPages<T = unknown>(this: AcsContext, options: PagedRequestOptions): Promise<T[]> {
	const { itemsField, pageSizeParam, limit, pageSize, ...request } = options;
	if (limit !== undefined && limit <= 0) return [];
	const size = Math.min(pageSize ?? DEFAULT_PAGE_SIZE, limit ?? Number.POSITIVE_INFINITY);
	const items: T[] = [];
	let path: string | undefined = request.path;
	let qs: PagedRequestOptions['qs'] = { ...(request.qs ?? {}), [pageSizeParam]: size };
	const visited = new Set<string>();
	while (path !== undefined) {
		const response = (await acsRequest.call(this, { ...request, path, qs })) as AcsResponse<Record<string, unknown>>;
		const page = response.body?.[itemsField];
		if (page !== undefined && !Array.isArray(page)) {
			throw new NodeOperationError(this.getNode(), `The service answered without a list in "${itemsField}"`, {
				itemIndex: options.itemIndex,
			});
		}
		for (const item of (page as T[] | undefined) ?? []) {
			items.push(item);
			if (limit !== undefined && items.length >= limit) return items;
		}
		const nextLink = response.body?.nextLink;
		if (typeof nextLink !== 'string' || nextLink === '' || !page?.length) break;
		const pinned = await pinToEndpoint(this, nextLink, 'nextLink', options.itemIndex);
		if (visited.has(pinned)) break;
		visited.add(pinned);
		path = limit !== undefined ? withPageSize(pinned, pageSizeParam, Math.min(size, limit - items.length)) : pinned;
		qs = undefined;
	}
	return items;
}
