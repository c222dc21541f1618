/**
 * Paging: follows nextLink (relative, or absolute on the endpoint's origin) up to a limit, within the bounds of
 * `PageChainGuard` (an endless or circular chain ends in an error). For Return All, the page
 * after next is asked for while the next one is on its way (its link is predicted from the next one's); it is used
 * only if the next page's nextLink turns out to be exactly that link, so the items are the ones sequential paging
 * returns; after one wrong prediction no page is read ahead.
 */
import { NodeOperationError } from 'n8n-workflow';
import { pinToEndpoint } from './hostPin';
import { PageChainGuard, type ChainProblem } from './pageChainGuard';
import { acsRequest } from './request';
import { settle, type Settled } from './settle';
import type { AcsContext, AcsResponse, PagedRequestOptions } from './types';

const DEFAULT_PAGE_SIZE = 100;

function withPageSize(path: string, param: string, size: number): string {
	const [pathname, query = ''] = path.split('?', 2);
	const params = new URLSearchParams(query);
	params.set(param, String(size));
	return `${pathname}?${params.toString()}`;
}

/** The link after `link` as the service writes it: the same URL with `skip` moved on by the page size; else undefined. */
export function predictNextLink(link: string, pageSizeParam: string): string | undefined {
	const skip = /[?&]skip=(\d+)(?=&|$)/.exec(link);
	const size = new RegExp(`[?&]${pageSizeParam}=(\\d+)(?=&|$)`).exec(link);
	if (!skip || !size || Number(size[1]) <= 0) return undefined;
	const start = skip.index + skip[0].length - skip[1].length;
	return `${link.slice(0, start)}${Number(skip[1]) + Number(size[1])}${link.slice(start + skip[1].length)}`;
}

type PageResponse = AcsResponse<Record<string, unknown>>;

function chainError(
	ctx: AcsContext,
	problem: ChainProblem,
	itemIndex: number | undefined,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), problem.message, {
		itemIndex,
		description: problem.description,
	});
}

export async function acsGetAllPages<T = unknown>(
	this: AcsContext,
	options: PagedRequestOptions,
): Promise<T[]> {
	const { itemsField, pageSizeParam, limit, pageSize, onPage, ...request } = options;
	if (limit !== undefined && limit <= 0) return [];
	const size = Math.min(pageSize ?? DEFAULT_PAGE_SIZE, limit ?? Number.POSITIVE_INFINITY);
	const fetchPage = (
		path: string,
		qs?: PagedRequestOptions['qs'],
	): Promise<Settled<PageResponse>> =>
		settle(acsRequest.call(this, { ...request, path, qs }) as Promise<PageResponse>);
	const items: T[] = [];
	const guard = new PageChainGuard();
	let pending = fetchPage(request.path, { ...(request.qs ?? {}), [pageSizeParam]: size });
	let ahead: { path: string; page: Promise<Settled<PageResponse>> } | undefined;
	let linksPredictable = true;
	try {
		for (;;) {
			const settled = await pending;
			if (!settled.ok) throw settled.error;
			onPage?.(settled.value);
			const body = settled.value.body;
			const page = body?.[itemsField];
			if (page !== undefined && !Array.isArray(page)) {
				throw new NodeOperationError(
					this.getNode(),
					`The service answered without a list in "${itemsField}"`,
					{
						itemIndex: options.itemIndex,
					},
				);
			}
			const problem = guard.admit((page as unknown[] | undefined) ?? []);
			if (problem) throw chainError(this, problem, options.itemIndex);
			for (const item of (page as T[] | undefined) ?? []) {
				items.push(item);
				if (limit !== undefined && items.length >= limit) return items;
			}
			const nextLink = body?.nextLink;
			if (typeof nextLink !== 'string' || nextLink === '') return items;
			const pinned = await pinToEndpoint(this, nextLink, 'nextLink', options.itemIndex);
			const circle = guard.follow(pinned);
			if (circle) throw chainError(this, circle, options.itemIndex);
			if (limit !== undefined) {
				pending = fetchPage(
					withPageSize(pinned, pageSizeParam, Math.min(size, limit - items.length)),
				);
				continue;
			}
			// A page fetched ahead that failed is asked for again: an error, if any, comes from that request.
			const early = ahead?.path === pinned ? ahead.page : undefined;
			pending = early
				? early.then((result) => (result.ok ? result : fetchPage(pinned)))
				: fetchPage(pinned);
			if (ahead && !early) {
				linksPredictable = false;
				await ahead.page;
			}
			const predicted = linksPredictable ? predictNextLink(pinned, pageSizeParam) : undefined;
			ahead =
				predicted === undefined || guard.visited(predicted)
					? undefined
					: { path: predicted, page: fetchPage(predicted) };
		}
	} finally {
		// No request outlives the call: the page read ahead past the last one is awaited (and dropped).
		await ahead?.page;
	}
}
